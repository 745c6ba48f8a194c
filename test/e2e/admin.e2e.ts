/**
 * The admin console against a real server with the Da Nang demo data: every admin page opens
 * and passes axe; a citizen import with one bad row reports its counts and an error report;
 * the audit chain verifies as intact; the unit tree on a 2024 date shows the three tiers; a
 * procedure's workflow is drawn. Set E2E_SHOTS=<folder> to save screenshots.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, expectAccessible, shot, logInAs, setUpPortalAndBrowser } from './support.js';

const e2e = setUpPortalAndBrowser();

const logInAsAdmin = (page: Page) => logInAs(page, e2e.portal.baseUrl, 'quantri');

describe('the admin console', () => {
  it('every section opens from the admin menu with its heading and no serious accessibility problem', async () => {
    const { context, page } = await newPage(e2e.browser);
    await logInAsAdmin(page);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Quản trị hệ thống' }).waitFor();
    await expectAccessible(page);
    await shot(page, 'admin-home');
    const sections: [string, RegExp][] = [
      ['Đơn vị hành chính, cơ quan', /Đơn vị hành chính và cơ quan/],
      ['Bộ phận một cửa, giờ làm việc', /Bộ phận một cửa và giờ làm việc/],
      ['Cán bộ và phân quyền', /Cán bộ và phân quyền/],
      ['Thủ tục hành chính', /Thủ tục hành chính/],
      ['Quy trình nội bộ', /Quy trình nội bộ/],
      ['Lịch nghỉ lễ, ngày làm bù', /Lịch làm việc/],
      ['Nhập dữ liệu', /Nhập dữ liệu/],
      ['Nhật ký hệ thống', /Nhật ký hệ thống/],
      ['Truy cập dữ liệu cá nhân', /Truy cập dữ liệu cá nhân/],
      ['Thông báo gửi lỗi', /Thông báo gửi lỗi/],
    ];
    const menu = page.getByRole('navigation', { name: 'Mục quản trị' });
    for (const [link, heading] of sections) {
      await menu.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      // Let the first query settle so axe sees the page as a user does, not a spinner.
      await page.getByText('Đang tải…').first().waitFor({ state: 'detached' }).catch(() => undefined);
      await expectAccessible(page);
      await shot(page, `admin-section-${new URL(page.url()).pathname.split('/').pop() ?? 'page'}`);
    }
    // The demo has no failed notifications: the page says so rather than showing an empty table.
    await page.getByTestId('no-dead-letters').waitFor();
    await context.close();
  });

  it('an official is opened with their roles, and a desk shows its weekly hours', async () => {
    const { context, page } = await newPage(e2e.browser);
    await logInAsAdmin(page);
    await page.goto(`${e2e.portal.baseUrl}/quan-tri/can-bo`);
    await page.getByLabel('Họ tên (không cần dấu)').fill('Ngo Thi Thu Ha');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('cell', { name: 'haichau.tiepnhan', exact: true }).waitFor();
    await page.getByRole('main').getByRole('table').getByRole('button').first().click();
    await page.getByRole('heading', { name: 'Vai trò và phạm vi' }).waitFor();
    await expect(page.locator('#edit-grant-role-0').inputValue()).resolves.toBe('receptionOfficer');
    await expectAccessible(page);
    await shot(page, 'admin-official');

    // The Hải Châu ward desk keeps the common default: 07:30–11:30 and 13:30–17:00 on weekdays.
    await page.goto(`${e2e.portal.baseUrl}/quan-tri/bo-phan-mot-cua?agency=000.05.50.H17&desk=MC-20242`);
    await expect(page.locator('#hours-mon').inputValue()).resolves.toBe('07:30-11:30, 13:30-17:00');
    await expect(page.locator('#hours-sat').inputValue()).resolves.toBe('');
    await expectAccessible(page);
    await shot(page, 'admin-desk');
    await context.close();
  });

  it('a citizen file with one bad row imports the good rows and offers the error report', async () => {
    const { context, page } = await newPage(e2e.browser);
    await logInAsAdmin(page);
    await page.goto(`${e2e.portal.baseUrl}/quan-tri/nhap-du-lieu`);
    // Two valid citizens (ID numbers: 048 = Da Nang, 0/1 = 20th-century male/female, then the
    // two-digit year of birth) and one whose ID number has 11 digits: 3 rows, 2 added, 1 failed.
    const csv = [
      'Số định danh cá nhân,Họ và tên,Ngày sinh,Giới tính,Mã đơn vị hành chính,Địa chỉ',
      '048085123456,Trần Văn Nhập,12/03/1985,Nam,20242,12 Lê Lợi',
      '048190654321,Lê Thị Dữ Liệu,05/11/1990,Nữ,20242,34 Trần Phú',
      '04809012345,Phạm Văn Sai,01/01/1990,Nam,20242,56 Bạch Đằng',
    ].join('\n');
    const file = join(tmpdir(), `citizens-${process.pid}.csv`);
    writeFileSync(file, csv);
    await page.locator('#import-kind').selectOption('citizens');
    await page.locator('#import-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Nhập dữ liệu', exact: true }).click();
    await page.getByRole('heading', { name: /Kết quả nhập tệp/ }).waitFor();
    await expect(page.getByTestId('import-total').textContent()).resolves.toBe('3');
    await expect(page.getByTestId('import-inserted').textContent()).resolves.toBe('2');
    await expect(page.getByTestId('import-failed').textContent()).resolves.toBe('1');
    const report = page.getByRole('link', { name: 'Tải báo cáo lỗi (CSV)' });
    const href = await report.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/registry\/imports\/[0-9A-Z]{26}\/errors\.csv$/);
    // The report names the bad row (row 4 of the file counting the header, or 3 of the data).
    const body = await page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).text(), href ?? '');
    expect(body).toContain('04809012345');
    await page.getByRole('cell', { name: '04809012345' }).waitFor();
    await expectAccessible(page);
    await shot(page, 'admin-import');
    await context.close();
  });

  it('verifying the audit chain of an untouched demo says it is intact', async () => {
    const { context, page } = await newPage(e2e.browser);
    await logInAsAdmin(page);
    await page.goto(`${e2e.portal.baseUrl}/quan-tri/nhat-ky`);
    await page.getByRole('cell', { name: 'auth.login' }).first().waitFor();
    await page.getByRole('button', { name: 'Kiểm tra chuỗi nhật ký' }).click();
    await expect(page.getByTestId('verify-result').textContent()).resolves.toContain('Chuỗi nhật ký nguyên vẹn');
    await expectAccessible(page);
    await shot(page, 'admin-audit');
    // The same answer in English after switching the language.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await expect(page.getByTestId('verify-result').textContent()).resolves.toContain('intact');
    await context.close();
  });

  it('on a 2024 date the unit tree has districts, with phường Thuận Phước under quận Hải Châu', async () => {
    const { context, page } = await newPage(e2e.browser);
    await logInAsAdmin(page);
    await page.goto(`${e2e.portal.baseUrl}/quan-tri/don-vi`);
    await page.locator('#units-date').fill('2024-06-01');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.getByText('Đang xem cơ cấu ngày 01/06/2024.').waitFor();
    await page.getByRole('button', { name: 'Mở Quận Hải Châu' }).click();
    const haiChau = page.locator('#unit-children-492');
    await haiChau.getByText('Phường Thuận Phước').waitFor();
    await expectAccessible(page);
    await shot(page, 'admin-units-2024');

    // Today the city has no districts: the wards hang directly under it.
    await page.locator('#units-date').fill('2026-01-15');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.getByText('Phường Hải Châu', { exact: false }).first().waitFor();
    await expect(page.getByRole('button', { name: 'Mở Quận Hải Châu' }).count()).resolves.toBe(0);
    await context.close();
  });

  it("a procedure's workflow opens as a diagram with its steps and a validity verdict", async () => {
    const { context, page } = await newPage(e2e.browser);
    await logInAsAdmin(page);
    await page.goto(`${e2e.portal.baseUrl}/quan-tri/thu-tuc`);
    await page.getByLabel('Tên hoặc mã thủ tục').fill('1.009994');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('main').getByRole('table').getByRole('button').first().click();
    await page.getByRole('link', { name: 'Sơ đồ quy trình (construction-permit)' }).click();
    await page.getByTestId('workflow-diagram').waitFor();
    // The construction permit's steps, including the transfer leg at the Department.
    for (const step of ['Tiếp nhận hồ sơ', 'Chuyên viên thẩm định', 'Sở Xây dựng thẩm định thiết kế', 'Lãnh đạo ký giấy phép']) {
      await expect(page.getByTestId('workflow-diagram').getByText(step, { exact: true }).count()).resolves.toBe(1);
    }
    await page.getByText('Quy trình hợp lệ.').waitFor();
    await expectAccessible(page);
    await shot(page, 'admin-workflow');
    await context.close();
  });
});
