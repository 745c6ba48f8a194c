/**
 * A dossier's life in the web app, against a real server with the Da Nang demo data: a
 * citizen submits online with an upload, the Hải Châu ward desk receives it, the specialist,
 * the leader and the clerk process it, the desk returns the result, the citizen rates it and
 * anyone can look it up; and a walk-in reception that ends in a supplement request. Every
 * page visited is checked with axe-core. Set E2E_SHOTS=<folder> to save screenshots.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, PHONE, launchBrowser, newPage, startPortal, type RunningPortal, expectAccessible, shot, logInAs } from './support.js';

let portal: RunningPortal;
let browser: Browser;
let closeBrowser: () => Promise<void>;

const CITIZEN = '048090000001';
const HAI_CHAU = '000.05.50.H17';
/** A minimal valid PDF: the server reads the type from the content, not the name. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Logs in through the API (for test setup only) and returns cookies and the CSRF token. */
async function apiSession(username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${portal.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: body.csrfToken };
}

beforeAll(async () => {
  portal = await startPortal();
  ({ browser, close: closeBrowser } = await launchBrowser());
  // The demo has no clerk (văn thư) at Hải Châu: the system administrator creates one.
  const admin = await apiSession('quantri');
  const res = await fetch(`${portal.baseUrl}/api/v1/registry/officials`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    body: JSON.stringify({ username: 'haichau.vanthu', fullName: 'Đỗ Thị Thư', agencyCode: HAI_CHAU, position: { vi: 'Văn thư', en: 'Clerk' }, initialPassword: DEMO_PASSWORD, grants: [{ role: 'clerk', scopeKind: 'agency', scopeCode: HAI_CHAU }] }),
  });
  expect(res.status).toBe(201);
});

afterAll(async () => {
  await closeBrowser?.();
  await portal?.stop();
});

const logIn = (page: Page, username: string) => logInAs(page, portal.baseUrl, username);

/** Opens the dossier as an official, applies the named action and waits for the new status. */
async function act(username: string, dossierId: string, action: string, status: string, fill?: (page: Page) => Promise<void>): Promise<Page> {
  const { page } = await newPage(browser);
  await logIn(page, username);
  await page.goto(`${portal.baseUrl}/ho-so/${dossierId}`);
  await page.getByRole('button', { name: action, exact: true }).click();
  await fill?.(page);
  await expectAccessible(page);
  await shot(page, `official-${username}`);
  await page.getByRole('button', { name: `Xác nhận: ${action}` }).click();
  await page.getByRole('main').getByText(status, { exact: true }).first().waitFor();
  return page;
}

describe('a dossier from online submission to rating', () => {
  let dossierId = '';
  let code = '';

  it('a citizen fills the e-form, is stopped before uploading a wrong file type, attaches a PDF and submits', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, CITIZEN);
    await page.goto(`${portal.baseUrl}/thu-tuc/1.004873/nop-ho-so`);
    await page.getByRole('heading', { name: 'Bước 1/4: Tờ khai' }).waitFor();
    // Name and ID number come from the account; the rest the citizen types.
    await expect(page.getByLabel('Họ, chữ đệm và tên').inputValue()).resolves.toBe('Nguyễn Văn An');
    await expect(page.getByLabel('Số định danh cá nhân').inputValue()).resolves.toBe(CITIZEN);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    // Required fields left empty are named next to their inputs, in Vietnamese.
    await page.getByText('Ngày sinh: vui lòng nhập.').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Ngày sinh').fill('1990-05-15');
    await page.getByLabel('Tình trạng hôn nhân').selectOption('single');
    await page.getByLabel('Mục đích sử dụng').fill('Đăng ký kết hôn');
    await page.getByLabel('Số điện thoại').fill('090500001');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText('Số điện thoại phải bắt đầu bằng 0 hoặc +84 và có 10 chữ số.').waitFor();
    await page.getByLabel('Số điện thoại').fill('0905000001');
    await shot(page, 'citizen-submit-form');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByRole('heading', { name: 'Bước 2/4: Giấy tờ đính kèm' }).waitFor();
    const input = page.locator('input#doc-to-khai');
    await input.setInputFiles({ name: 'to-khai.txt', mimeType: 'text/plain', buffer: Buffer.from('not a pdf') });
    await page.getByText('Tệp to-khai.txt không đúng định dạng.', { exact: false }).waitFor();
    await input.setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('doc-to-khai-done').waitFor();
    await expectAccessible(page);
    await shot(page, 'citizen-submit-documents');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByRole('heading', { name: 'Bước 3/4: Nơi nộp và nhận kết quả' }).waitFor();
    await page.getByLabel('Cơ quan tiếp nhận').selectOption(HAI_CHAU);
    await page.getByText('Trung tâm Phục vụ hành chính công phường Hải Châu').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByRole('heading', { name: 'Bước 4/4: Xem lại và nộp' }).waitFor();
    await expect(page.getByText('Chưa đăng ký kết hôn với ai').isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await shot(page, 'citizen-submit-review');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/\/ho-so\/[0-9A-Z]+$/);
    dossierId = page.url().split('/').pop() ?? '';
    await page.getByText('Mới đăng ký', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Tải về to-khai.pdf' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('the reception officer sees it in the queue, receives it and the receipt form is offered', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'haichau.tiepnhan');
    await page.getByRole('link', { name: 'Hồ sơ cần xử lý' }).click();
    await page.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
    await page.getByRole('cell', { name: 'Nguyễn Văn An' }).first().waitFor();
    await expectAccessible(page);
    await shot(page, 'official-queue');
    await context.close();

    const desk = await act('haichau.tiepnhan', dossierId, 'Tiếp nhận, chuyển xử lý', 'Đã tiếp nhận');
    code = (await desk.getByTestId('dossier-code').textContent()) ?? '';
    // Code: the ward's agency code, the reception day and the day's sequence number.
    expect(code).toMatch(/^000\.05\.50\.H17-\d{6}-\d{4}$/);
    const receipt = desk.getByRole('link', { name: /Mẫu 01: Giấy tiếp nhận hồ sơ/ });
    const href = await receipt.getAttribute('href');
    expect(href).toBe(`/api/v1/dossiers/${dossierId}/forms/01.pdf`);
    // The PDF forms are being built in parallel: when the route exists it must serve a PDF.
    const res = await desk.request.get(`${portal.baseUrl}${href ?? ''}`);
    if (res.status() !== 404) expect(res.headers()['content-type']).toContain('application/pdf');
    await desk.getByRole('cell', { name: 'Tiếp nhận, chuyển xử lý' }).waitFor();
    await expectAccessible(desk);
    await shot(desk, 'official-dossier');
    await desk.context().close();
  });

  it('the specialist submits it to the leader, who approves; the clerk issues the result and the desk returns it', async () => {
    await (await act('haichau.chuyenvien', dossierId, 'Trình lãnh đạo', 'Đang xử lý')).context().close();
    await (await act('haichau.lanhdao', dossierId, 'Phê duyệt', 'Đang xử lý')).context().close();
    const clerk = await act('haichau.vanthu', dossierId, 'Ban hành kết quả', 'Đã có kết quả', async (page) => {
      await page.getByLabel('Số văn bản kết quả').fill('125/XN-UBND');
      await page.getByLabel('Người ký').fill('Lê Văn Lãnh');
      await page.getByLabel('Trích yếu').fill('Xác nhận tình trạng hôn nhân của ông Nguyễn Văn An');
    });
    await clerk.context().close();
    await (await act('haichau.tiepnhan', dossierId, 'Trả kết quả', 'Đã trả kết quả')).context().close();
  });

  it('the citizen sees the result among their dossiers and rates the service', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, CITIZEN);
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await page.getByTestId('expected').filter({ hasText: 'Mời bạn đánh giá mức độ hài lòng' }).waitFor();
    await expectAccessible(page);
    await shot(page, 'citizen-mine');
    await page.getByRole('link', { name: 'Cấp Giấy xác nhận tình trạng hôn nhân' }).first().click();
    await page.getByText('125/XN-UBND').waitFor();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Vui lòng chọn số sao.').waitFor();
    // Stars are radio buttons: reachable and chosen with the keyboard.
    await page.getByRole('radio', { name: '5 sao' }).focus();
    await page.keyboard.press('Space');
    await page.getByText('Rất hài lòng', { exact: true }).waitFor();
    await page.getByLabel('Góp ý (không bắt buộc)').fill('Nhanh, cán bộ nhiệt tình.');
    await expectAccessible(page);
    await shot(page, 'citizen-dossier-rating');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('status').filter({ hasText: 'Cảm ơn bạn đã đánh giá.' }).waitFor();
    await context.close();
  });

  it('anyone looks the dossier up by its code and the owner’s ID number', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${portal.baseUrl}/tra-cuu`);
    await page.getByLabel('Mã hồ sơ').fill(code);
    await page.getByLabel('Số định danh cá nhân của chủ hồ sơ').fill(CITIZEN);
    await page.getByRole('main').getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('heading', { name: 'Kết quả tra cứu' }).waitFor();
    await expect(page.getByRole('main').getByText('Đã trả kết quả').first().isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await context.close();
  });

  it('on a phone the citizen pages fit the screen', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, CITIZEN);
    for (const path of ['/ho-so-cua-toi', `/ho-so/${dossierId}`, '/thu-tuc/1.004873/nop-ho-so']) {
      await page.goto(`${portal.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByText('Đang tải…').first().waitFor({ state: 'detached' });
      await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBe(PHONE.width);
      await expectAccessible(page);
      await shot(page, `phone${path.replace(/[/.]/g, '-')}`.replace(/-[0-9A-Z]{26}$/, '-dossier'));
    }
    await context.close();
  });
});

describe('a walk-in applicant at the counter', () => {
  it('the officer finds the citizen without diacritics, ticks the documents and requests a supplement by keyboard', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'haichau.tiepnhan');
    await page.goto(`${portal.baseUrl}/can-bo/tiep-nhan`);
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ tại quầy' }).waitFor();
    // The search box has the focus: type and press Enter.
    await expect(page.evaluate('document.activeElement && document.activeElement.id')).resolves.toBe('counter-search');
    await page.keyboard.type('tran thi bich');
    await page.keyboard.press('Enter');
    await page.locator('#counter-first-result').waitFor();
    await expectAccessible(page);
    await page.locator('#counter-first-result').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('applicant').filter({ hasText: '048185000002' }).waitFor();
    await expect(page.evaluate('document.activeElement && document.activeElement.id')).resolves.toBe('counter-procedure');
    await page.locator('#counter-procedure').selectOption('1.004873');
    await page.getByLabel(/Văn bản ủy quyền/).waitFor();
    // The applicant's data fills the e-form; the officer completes the rest.
    await expect(page.locator('#cf-fullName').inputValue()).resolves.toBe('Trần Thị Bích');
    await page.locator('#cf-maritalStatus').selectOption('single');
    await page.locator('#cf-purpose').fill('Mua bán nhà đất');
    await shot(page, 'counter-form');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    // The unticked mandatory document is already listed as missing.
    await expect(page.locator('#c-items-0-name').inputValue()).resolves.toBe('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân');
    await page.locator('#c-items-0-note').fill('Ký và ghi rõ họ tên');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Đã yêu cầu bổ sung hồ sơ' }).waitFor();
    // Not received yet, so no dossier code: the applicant takes form 02 home.
    await expect(page.getByTestId('new-code').textContent()).resolves.toBe('Chưa có mã (chờ tiếp nhận)');
    await page.getByText('Chờ bổ sung', { exact: true }).waitFor();
    await expect(page.getByRole('link', { name: /Mẫu 02/ }).getAttribute('href')).resolves.toMatch(/\/forms\/02\.pdf$/);
    await expectAccessible(page);
    await shot(page, 'counter-done');
    await context.close();
  });
});
