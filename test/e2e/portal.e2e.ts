/**
 * The public portal and the calendar admin page, clicked through in Chromium against a real
 * server with the Da Nang demonstration data. Every page visited is checked with axe-core.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, PHONE, newPage, seriousA11yViolations, setUpPortalAndBrowser } from './support.js';

const e2e = setUpPortalAndBrowser();

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto(`${e2e.portal.baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${e2e.portal.baseUrl}/`);
}

describe('a citizen on the public portal', () => {
  it('finds the construction permit by typing without diacritics and reads what to submit', async () => {
    const { context, page } = await newPage(e2e.browser);
    await page.goto(e2e.portal.baseUrl);
    await page.getByRole('heading', { name: 'Thủ tục được quan tâm' }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Tìm thủ tục hành chính').fill('cap phep xay dung');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/\?q=cap\+phep\+xay\+dung$/);
    const result = page.getByRole('link', { name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ' });
    await result.waitFor();
    await expectAccessible(page);

    await result.click();
    await page.waitForURL(`${e2e.portal.baseUrl}/thu-tuc/1.009994`);
    await page.getByRole('heading', { level: 1, name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ' }).waitFor();
    const main = page.getByRole('main');
    // The demo catalogue: 15 working days (Law on Construction art. 102), a 50,000 đ charge
    // written the Vietnamese way, the application form's template, the commune committee.
    await expect(main.getByText('15 ngày làm việc').isVisible()).resolves.toBe(true);
    await expect(main.getByText('50.000 đ', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(main.getByRole('cell', { name: 'don-de-nghi-cap-giay-phep-xay-dung.docx' }).isVisible()).resolves.toBe(true);
    await expect(main.getByText('Ủy ban nhân dân cấp xã, phường').first().isVisible()).resolves.toBe(true);
    await expect(main.getByText('Toàn trình', { exact: true }).first().isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    // Submitting online needs an account: the button leads to the login page and back.
    await page.getByRole('link', { name: 'Nộp trực tuyến' }).click();
    await page.waitForURL(`${e2e.portal.baseUrl}/dang-nhap?next=%2Fthu-tuc%2F1.009994%2Fnop-ho-so`);
    await expectAccessible(page);
    await context.close();
  });

  it('an unknown procedure code gets a clear "not found" page, not a blank screen', async () => {
    const { context, page } = await newPage(e2e.browser);
    await page.goto(`${e2e.portal.baseUrl}/thu-tuc/9.999999`);
    await page.getByText('Không tìm thấy thủ tục có mã 9.999999').waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('the dossier lookup explains a wrong code next to the field, then says when no dossier matches', async () => {
    const { context, page } = await newPage(e2e.browser);
    await page.goto(`${e2e.portal.baseUrl}/tra-cuu`);
    await page.getByLabel('Mã hồ sơ').fill('abc');
    await page.getByLabel('Số định danh cá nhân của chủ hồ sơ').fill('0480900000');
    await page.getByRole('main').getByRole('button', { name: 'Tra cứu' }).click();
    const code = page.getByLabel('Mã hồ sơ');
    await expect(code.getAttribute('aria-invalid')).resolves.toBe('true');
    // The error is tied to the field: its id is among the input's aria-describedby ids.
    const described = await page.evaluate<string>(
      `(document.getElementById('lookup-code').getAttribute('aria-describedby') || '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')`,
    );
    expect(described).toContain('Mã hồ sơ có dạng');
    await expectAccessible(page);

    await code.fill('000.05.50.H17-260302-0001');
    await page.getByLabel('Số định danh cá nhân của chủ hồ sơ').fill('048090000001');
    await page.getByRole('main').getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByText('Không tìm thấy hồ sơ với mã và số định danh đã nhập').waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('switches to English and keeps English after a reload', async () => {
    const { context, page } = await newPage(e2e.browser);
    await page.goto(e2e.portal.baseUrl);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Popular procedures' }).waitFor();
    await expect(page.getByText('Da Nang Public Service Portal').first().isVisible()).resolves.toBe(true);
    await expect(page.evaluate('document.documentElement.lang')).resolves.toBe('en');
    await expectAccessible(page);

    await page.reload();
    await page.getByRole('heading', { name: 'Popular procedures' }).waitFor();
    await page.getByRole('link', { name: 'Construction permit for a new detached house' }).click();
    await page.getByRole('heading', { name: 'Required documents' }).waitFor();
    await expect(page.getByText('15 working days').isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Thành phần hồ sơ' }).waitFor();
    await expect(page.evaluate('document.documentElement.lang')).resolves.toBe('vi');
    await context.close();
  });

  it('on a phone the home page fits the screen and the menu opens from the keyboard', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await page.goto(e2e.portal.baseUrl);
    await page.getByRole('heading', { name: 'Thủ tục được quan tâm' }).waitFor();
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBe(PHONE.width);
    // The first Tab stop is the skip link, for keyboard and screen-reader users.
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Chuyển đến nội dung chính');
    await page.getByRole('button', { name: 'Mở menu' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('link', { name: 'Tra cứu hồ sơ' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});

describe('a system administrator edits the working calendar', () => {
  it('adding a day off moves the due date the calculator shows, and deleting it moves it back', async () => {
    const { context, page } = await newPage(e2e.browser);
    await logIn(page, 'quantri');
    // The signed-in header shows the account's name and role.
    await expect(page.getByTestId('account').textContent()).resolves.toContain('Quản trị hệ thống');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Lịch làm việc' }).click();
    await page.getByRole('heading', { level: 1, name: /Lịch làm việc/ }).waitFor();
    await page.locator('#override-year').selectOption('2026');
    await page.getByRole('heading', { name: 'Điều chỉnh trong năm 2026' }).waitFor();
    await expectAccessible(page);

    // Received Monday 02/03/2026 09:00 with 3 working days: Tue, Wed, Thu are the three days,
    // so it is due Thursday 05/03/2026 at 09:00 (no holiday that week).
    await page.locator('#due-date').fill('2026-03-02');
    await page.locator('#due-time').fill('09:00');
    await page.locator('#due-days').fill('3');
    await page.getByRole('button', { name: 'Tính hạn' }).click();
    const due = page.getByTestId('due-result');
    await expect(due.filter({ hasText: '05/03/2026 lúc 09:00' }).textContent()).resolves.toMatch(/^Hạn giải quyết: Thứ Năm, 05\/03\/2026 lúc 09:00$/i);

    // Wednesday 04/03/2026 becomes a day off: the three days are Tue, Thu, Fri → Friday 06/03.
    await page.locator('#override-date').fill('2026-03-04');
    await page.locator('#override-kind').selectOption('off');
    await page.locator('#override-nameVi').fill('Nghỉ thử nghiệm');
    await page.locator('#override-nameEn').fill('Test day off');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.getByRole('cell', { name: '04/03/2026', exact: true }).waitFor();
    await expect(due.filter({ hasText: '06/03/2026 lúc 09:00' }).textContent()).resolves.toMatch(/^Hạn giải quyết: Thứ Sáu, 06\/03\/2026 lúc 09:00$/i);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Xóa điều chỉnh ngày 04/03/2026' }).click();
    await page.getByRole('cell', { name: '04/03/2026', exact: true }).waitFor({ state: 'detached' });
    await expect(due.filter({ hasText: '05/03/2026 lúc 09:00' }).textContent()).resolves.toContain('05/03/2026');
    await context.close();
  });

  it('a reception officer who opens the calendar page is told it is for system administrators', async () => {
    const { context, page } = await newPage(e2e.browser);
    await logIn(page, 'haichau.tiepnhan');
    await expect(page.getByRole('link', { name: 'Lịch làm việc' }).count()).resolves.toBe(0);
    await page.goto(`${e2e.portal.baseUrl}/quan-tri/lich-lam-viec`);
    await page.getByText('Trang này dành cho quản trị hệ thống.').waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
