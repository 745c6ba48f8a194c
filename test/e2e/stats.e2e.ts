/**
 * The statistics dashboard and the public transparency page in the web app, against a real
 * server with the Da Nang demo data (about 300 dossiers over the last 60 days): a city
 * statistics officer opens the dashboard, follows figures (composite ones and ranking lines
 * too) through to the dossiers behind them, filters by field, downloads Excel reports and
 * reads them back; a ward leader is offered only the ward's scopes and reads the index
 * weights; the system administrator changes them; anyone sees the public page without
 * logging in, on a desktop and on a phone. Every page visited is checked with axe-core.
 * Set E2E_SHOTS=<folder> to save screenshots.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, newPage, expectAccessible, shot, logInAs, setUpPortalAndBrowser } from './support.js';

const e2e = setUpPortalAndBrowser();

const logIn = (page: Page, username: string) => logInAs(page, e2e.portal.baseUrl, username);

/** A count as the page writes it in Vietnamese (`1.234`) → 1234. */
function count(text: string | null): number {
  const digits = (text ?? '').replace(/\./g, '').match(/\d+/);
  return digits ? Number(digits[0]) : Number.NaN;
}

/** The year of "today" in Vietnam, as the server counts periods. */
function thisYear(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date());
}

/** Opens the dashboard for this year (the demo dossiers span the last 60 days, possibly two years at New Year). */
async function openDashboardForYear(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thống kê', exact: true }).click();
  await page.getByRole('heading', { name: 'Thống kê, báo cáo', level: 1 }).waitFor();
  await page.locator('.mantine-SegmentedControl-root').getByText('Năm', { exact: true }).click();
  await page.getByText(`Năm ${thisYear()}`).first().waitFor();
  await page.getByTestId('fig-resolved').waitFor();
}

/** Clicks a figure, checks the drill-down list counts exactly that many dossiers, and goes back. */
async function drillInto(page: Page, testId: string): Promise<number> {
  const figure = page.getByTestId(testId);
  const value = count(await figure.locator('.stats-figure-value').textContent());
  await figure.click();
  await page.waitForURL(/\/can-bo\/thong-ke\/ho-so\?/);
  const total = count(await page.getByTestId('drill-total').textContent());
  expect(total).toBe(value);
  return total;
}

/** Clicks a count link of the dashboard (by the start of its accessible name) and checks its list has that many dossiers. */
async function drillIntoLink(page: Page, name: string): Promise<number> {
  const link = page.getByRole('link', { name: new RegExp(`^${name}: \\d+$`) }).first();
  const value = count(await link.textContent());
  await link.click();
  await page.waitForURL(/\/can-bo\/thong-ke\/ho-so\?/);
  expect(count(await page.getByTestId('drill-total').textContent())).toBe(value);
  return value;
}

async function download(page: Page, buttonName: string): Promise<ExcelJS.Worksheet> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: buttonName }).click()]);
  const path = await file.path();
  expect(file.suggestedFilename()).toMatch(/^thong-ke-.+\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  // exceljs declares the older Buffer type; a Node buffer is what it reads.
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

describe('the leaders\' statistics dashboard', () => {
  it('a city statistics officer opens the dashboard and every figure clicked lists exactly that many dossiers', async () => {
    const { context, page } = await newPage(e2e.browser);
    await logIn(page, 'thongke');
    await openDashboardForYear(page);
    await expectAccessible(page);
    await shot(page, 'stats-dashboard-desktop');

    // Resolved dossiers: the demo resolves some every week, so the figure is above zero.
    const resolved = await drillInto(page, 'fig-resolved');
    expect(resolved).toBeGreaterThan(0);
    // The list pages by 50 and says how many of the total it shows.
    await page.getByText(`Đang hiển thị ${Math.min(50, resolved)} / ${resolved} hồ sơ`).waitFor();
    await expectAccessible(page);
    await shot(page, 'stats-drilldown-desktop');
    await page.getByRole('button', { name: 'Quay lại bảng thống kê' }).click();

    // Resolved late and overdue-now lists match their figures too, even when zero.
    await drillInto(page, 'fig-late');
    await page.goBack();
    await drillInto(page, 'fig-overdue');
    await page.goBack();
    // A rate opens the dossiers it is computed over: "of N resolved" lists N.
    await page.getByTestId('fig-rate').click();
    expect(count(await page.getByTestId('drill-total').textContent())).toBe(resolved);
    await page.goBack();

    // Composite figures of the index groups open their own lists: early or on time, rated 4–5.
    const inTime = await drillIntoLink(page, 'Giải quyết trước hạn và đúng hạn');
    expect(inTime).toBeLessThanOrEqual(resolved);
    await page.goBack();
    await drillIntoLink(page, 'Lượt đánh giá hài lòng \\(4–5 điểm\\)');
    await page.goBack();

    // Each line of the agency ranking: its "received" count lists exactly that agency's dossiers.
    const lines = page.locator('section[aria-labelledby="stats-rank-agency"] tbody tr');
    for (const i of [0, (await lines.count()) - 1]) {
      const received = lines.nth(i).locator('td').nth(1).getByRole('link');
      const receivedCount = count(await received.textContent());
      await received.click();
      await page.waitForURL(/scope=agencyOnly%3A/);
      expect(count(await page.getByTestId('drill-total').textContent())).toBe(receivedCount);
      await page.goBack();
    }

    // A field (lĩnh vực): the figures narrow to it, and their lists with them.
    await page.locator('#stats-field').selectOption('civilStatus');
    await page.getByText('Lĩnh vực Hộ tịch · ', { exact: false }).waitFor();
    await page.getByTestId('fig-received').waitFor();
    await drillInto(page, 'fig-received');
    expect(page.url()).toContain('fieldCode=civilStatus');
    await page.getByText('Lĩnh vực Hộ tịch', { exact: false }).first().waitFor();
    await context.close();
  });

  it('the officer downloads the summary and the agency ranking as Excel reports with a title and Vietnamese headers', async () => {
    const { context, page } = await newPage(e2e.browser);
    await logIn(page, 'thongke');
    await openDashboardForYear(page);

    const summary = await download(page, 'Tải Excel: Số liệu chính');
    expect(summary.getCell(1, 1).value).toBe('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(summary.getCell(2, 1).value).toBe('Phạm vi: Toàn thành phố');
    expect(summary.getCell(3, 1).value).toBe(`Kỳ báo cáo: Năm ${thisYear()}`);
    expect(summary.getRow(6).values).toContain('Chỉ tiêu');

    const ranking = await download(page, 'Tải Excel: Xếp hạng cơ quan, đơn vị theo tỷ lệ đúng hạn');
    expect(ranking.getCell(1, 1).value).toBe('XẾP HẠNG CƠ QUAN, ĐƠN VỊ THEO TỶ LỆ GIẢI QUYẾT ĐÚNG HẠN');
    expect(ranking.getRow(6).values).toContain('Tỷ lệ đúng hạn');
    await context.close();
  });

  it('a ward leader is offered only the ward, narrows to its one-stop desk, reads the index weights, and can read the dashboard in English', async () => {
    const { context, page } = await newPage(e2e.browser);
    await logIn(page, 'haichau.lanhdao');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thống kê', exact: true }).click();
    await page.getByTestId('fig-resolved').waitFor();
    // The scopes GET /stats/scopes offers the ward leader: the ward's area, its committee, its desk.
    expect(await page.locator('#stats-scope option').allTextContents()).toEqual(['Phường Hải Châu', 'Ủy ban nhân dân phường Hải Châu', 'Trung tâm Phục vụ hành chính công phường Hải Châu']);
    await page.getByText('Địa bàn 20242 (Ủy ban nhân dân phường Hải Châu)', { exact: false }).first().waitFor();
    await page.locator('#stats-scope').selectOption('desk:MC-20242');
    await page.getByText('Bộ phận một cửa MC-20242 – Ủy ban nhân dân phường Hải Châu', { exact: false }).first().waitFor();
    await drillInto(page, 'fig-received');
    await page.goBack();

    // The weights are shown, not editable: only system administrators change them.
    const weights = page.locator('section[aria-labelledby="stats-weights"]');
    await weights.getByText('Chỉ quản trị hệ thống được thay đổi điểm của các nhóm.').waitFor();
    expect(await weights.getByRole('row', { name: /Tổng cộng/ }).textContent()).toContain('100');
    expect(await weights.getByRole('button').count()).toBe(0);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Statistics and reports', level: 1 }).waitFor();
    await page.getByText('Headline figures').waitFor();
    await expectAccessible(page);
    await shot(page, 'stats-dashboard-english-desktop');
    await context.close();
  });

  it('the system administrator changes a group\'s points and the index is scored with them', async () => {
    const { context, page } = await newPage(e2e.browser);
    await logIn(page, 'quantri');
    await page.goto(`${e2e.portal.baseUrl}/can-bo/thong-ke?period=${thisYear()}`);
    const weights = page.locator('section[aria-labelledby="stats-weights"]');
    const transparency = weights.getByLabel('Công khai, minh bạch');
    await expect(transparency.inputValue()).resolves.toBe('18');
    await expectAccessible(page);
    await transparency.fill('30');
    await weights.getByText('Tổng cộng: 112 điểm').waitFor();
    await shot(page, 'stats-weights-admin');
    await weights.getByRole('button', { name: 'Lưu điểm các nhóm' }).click();
    await page.getByText('Đã lưu điểm các nhóm chỉ số', { exact: false }).waitFor();
    // The index section now counts transparency out of 30 and the whole out of 112.
    await page.locator('section[aria-labelledby="stats-index"]').getByText('điểm / 112 điểm').waitFor();
    // Out of range is refused on the form, before any request.
    await transparency.fill('120');
    await weights.getByText('Nhập số từ 0 đến 100.').waitFor();
    await transparency.fill('18');
    await weights.getByRole('button', { name: 'Lưu điểm các nhóm' }).click();
    await page.locator('section[aria-labelledby="stats-index"]').getByText('điểm / 100 điểm').waitFor();
    await context.close();
  });

  it('on a phone the dashboard fits the screen and its figures still open their lists', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await logIn(page, 'thongke');
    await page.goto(`${e2e.portal.baseUrl}/can-bo/thong-ke?period=${thisYear()}`);
    await page.getByTestId('fig-received').waitFor();
    await page.getByText('Xếp hạng thủ tục theo tỷ lệ đúng hạn').waitFor();
    // Wide tables scroll inside their own boxes; the page itself does not scroll sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await expectAccessible(page);
    await shot(page, 'stats-dashboard-phone');
    await drillInto(page, 'fig-received');
    await shot(page, 'stats-drilldown-phone');
    await context.close();
  });
});

describe('the public transparency page', () => {
  it('anyone opens it from the footer without logging in and sees each agency\'s on-time rates, overdue dossiers and satisfaction, with no personal data', async () => {
    const { context, page } = await newPage(e2e.browser);
    await page.goto(`${e2e.portal.baseUrl}/`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Công khai kết quả giải quyết hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Công khai kết quả giải quyết thủ tục hành chính', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Kết quả giải quyết theo cơ quan, đơn vị' });
    await table.getByRole('rowheader', { name: 'Ủy ban nhân dân phường Hải Châu' }).waitFor();
    for (const header of ['Đúng hạn tháng này', 'Đúng hạn năm nay', 'Đang quá hạn', 'Quá hạn đã xin lỗi', 'Mức độ hài lòng']) {
      await table.getByRole('columnheader', { name: header }).waitFor();
    }
    const text = (await page.locator('main').textContent()) ?? '';
    // Demo citizens' names and ID numbers, and dossier codes, never appear.
    expect(text).not.toContain('Nguyễn Văn An');
    expect(text).not.toMatch(/\d{12}/);
    expect(text).not.toMatch(/H17-\d{6}-\d{4}/);
    await expectAccessible(page);
    await shot(page, 'public-transparency-desktop');

    // Searching without diacritics finds the ward.
    await page.getByLabel('Tìm cơ quan, đơn vị').fill('hai chau');
    await expect(table.locator('tbody tr').count()).resolves.toBe(1);
    await context.close();
  });

  it('on a phone each agency is a card that fits the screen', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await page.goto(`${e2e.portal.baseUrl}/cong-khai`);
    await page.getByRole('heading', { name: 'Ủy ban nhân dân phường Hải Châu', level: 2 }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await expectAccessible(page);
    await shot(page, 'public-transparency-phone');
    await context.close();
  });
});
