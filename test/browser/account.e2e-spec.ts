import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { newResident } from '../factories';
import { codeIn, TestSmtp } from '../smtp';
import { expectAccessible } from './axe';
import { DESKTOP, journey, launchChromium, localItem, newPage, PHONE, screenshots } from './browser';
import { field, signIn } from './journey';
import { startStack, Stack } from './stack';

/**
 * Issue 15, on a phone: a resident who forgot the password gets a code by e-mail (a real SMTP
 * server on loopback) and sets a new one; changes it (a common password refused in
 * Vietnamese); signs out everywhere while signed in on a desktop too (that page loses access
 * at once); downloads their data; deletes the account. The refresh token is an httpOnly
 * cookie, never in localStorage, and the app runs under its Content-Security-Policy.
 */
jest.setTimeout(180_000);

const NEW_PASSWORD = 'Hoa phượng đỏ 2026';
const NEWER_PASSWORD = 'Sông Hồng mùa nước nổi';

describe('browser: a resident owns their account', () => {
  let stack: Stack;
  let browser: Browser;
  const smtp = new TestSmtp();

  beforeAll(async () => {
    await smtp.start();
    stack = await startStack('account', { EMAIL_SENDER: 'smtp', SMTP_URL: smtp.url, MAIL_FROM: 'Thi tìm hiểu pháp luật <no-reply@test.local>' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await smtp.close();
  });

  /** CSP refusals show in the console; the app must cause none. */
  const cspRefusals = (log: string[]) => log.filter((l) => /Content Security Policy/i.test(l));

  it('forgotten password by e-mail, change, sign out everywhere, download, delete', async () => {
    const email = `cu.dan.${Date.now()}@test.local`;
    const r = await newResident(stack.http, { email, fullName: 'Lê Thị Hồng Nhung' });

    await journey(browser, PHONE, 'account', async ({ page, errors, console: log, context }) => {
      // ── Forgotten password ──────────────────────────────────────────────────────
      await page.goto(`${stack.url}/#/dang-nhap`);
      await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
      await page.getByRole('heading', { name: 'Quên mật khẩu', level: 1 }).waitFor();
      await screenshots(page, 'account-forgot');
      await expectAccessible(page, 'forgotten password');
      await field(page, 'Số điện thoại hoặc email').fill(email);
      await page.getByRole('button', { name: 'Gửi mã' }).click();
      await page.getByRole('heading', { name: 'Đặt mật khẩu mới', level: 1 }).waitFor();
      const mail = await smtp.mailTo(email);
      expect(mail.subject).toBe('Mã đặt lại mật khẩu');
      await field(page, 'Mã xác nhận').fill(codeIn(mail.text));
      await field(page, 'Mật khẩu mới').fill('12345678');
      await field(page, 'Nhập lại mật khẩu mới').fill('12345678');
      await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
      await page
        .getByRole('alert')
        .getByText(/Mật khẩu này quá phổ biến/)
        .first()
        .waitFor();
      await screenshots(page, 'account-reset-code');
      await expectAccessible(page, 'reset with code');
      await field(page, 'Mật khẩu mới').fill(NEW_PASSWORD);
      await field(page, 'Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
      await page.getByText('Đã đặt mật khẩu mới và đăng nhập. Mọi phiên đăng nhập cũ đã kết thúc.').waitFor();
      // The old session (made over HTTP at sign-up) is over.
      expect((await stack.http.get('/me', r.token)).status).toBe(401);

      // The refresh token: an httpOnly SameSite cookie on the auth path, never in localStorage.
      const stored = await localItem<Record<string, unknown>>(page, 'lc.session');
      expect(Object.keys(stored ?? {}).sort()).toEqual(['accessToken', 'user']);
      const cookie = (await context.cookies()).find((c) => c.name === 'lc_refresh');
      expect(cookie).toEqual(expect.objectContaining({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' }));

      // ── Profile ──────────────────────────────────────────────────────────────────
      await page.getByRole('heading', { name: 'Tài khoản của tôi', level: 1 }).waitFor();
      await page.getByText('Lê Thị Hồng Nhung').waitFor();
      await screenshots(page, 'account-profile');
      await expectAccessible(page, 'account');
      await page.getByRole('button', { name: 'Sửa email, nơi ở, đơn vị' }).click();
      await field(page, 'Đơn vị, nơi công tác hoặc học tập').fill('UBND phường Bãi Cháy');
      await screenshots(page, 'account-profile-edit');
      await expectAccessible(page, 'profile edit');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText('Đã lưu thông tin.').waitFor();
      await page.getByText('UBND phường Bãi Cháy').waitFor();

      // ── Change password ──────────────────────────────────────────────────────────
      await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
      await page.getByRole('heading', { name: 'Đổi mật khẩu', level: 1 }).waitFor();
      await field(page, 'Mật khẩu hiện tại').fill('khong-phai-mat-khau');
      await field(page, 'Mật khẩu mới').fill(NEWER_PASSWORD);
      await field(page, 'Nhập lại mật khẩu mới').fill(NEWER_PASSWORD);
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await page.getByRole('alert').getByText('Mật khẩu hiện tại không đúng.').first().waitFor();
      await screenshots(page, 'account-change-password');
      await expectAccessible(page, 'change password');
      await field(page, 'Mật khẩu hiện tại').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await page.getByText('Đã đổi mật khẩu. Tài khoản đã được đăng xuất trên mọi thiết bị khác.').waitFor();

      // ── Sign out everywhere, while signed in on a desktop too ───────────────────────
      const desk = await newPage(browser, DESKTOP);
      try {
        await signIn(desk.page, stack.url, r.input.phone, NEWER_PASSWORD);
        await desk.page.goto(`${stack.url}/#/tai-khoan`);
        await desk.page.getByRole('heading', { name: 'Tài khoản của tôi', level: 1 }).waitFor();
        const deskToken = (await localItem<{ accessToken: string }>(desk.page, 'lc.session'))!.accessToken;

        await page.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
        await page.getByRole('alertdialog').waitFor();
        await screenshots(page, 'account-sign-out-everywhere');
        await expectAccessible(page, 'sign out everywhere');
        await page.getByRole('button', { name: 'Đăng xuất tất cả' }).click();
        await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();

        // The desktop's access token is refused at once; its page finds it is signed out.
        expect((await stack.http.get('/me', deskToken)).status).toBe(401);
        await desk.page.getByRole('link', { name: 'Cuộc thi' }).click();
        // Exact: until the contests page has replaced this one, its "Xóa tài khoản" link matches "Tài khoản" too.
        await desk.page.getByRole('link', { name: 'Tài khoản', exact: true }).click();
        await desk.page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
        expect(await localItem(desk.page, 'lc.session')).toBeNull();
        expect(cspRefusals(desk.console)).toEqual([]);
      } finally {
        await desk.context.close();
      }

      // ── Download my data ─────────────────────────────────────────────────────────
      await field(page, 'Số điện thoại hoặc email').fill(r.input.phone);
      await field(page, 'Mật khẩu').fill(NEWER_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((u) => !u.hash.startsWith('#/dang-nhap'));
      await page.goto(`${stack.url}/#/tai-khoan`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải dữ liệu của tôi' }).click()]);
      expect(download.suggestedFilename()).toBe('du-lieu-cua-toi.json');
      const data = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown> & { profile: { nationalId: string; email: string } };
      expect(data.profile).toEqual(expect.objectContaining({ nationalId: r.input.nationalId, email }));
      expect(Object.keys(data)).toEqual(expect.arrayContaining(['registrations', 'attempts', 'judgedEntries', 'results', 'auditEntries']));
      await page.getByText('Đã tải tệp du-lieu-cua-toi.json.').waitFor();

      // ── Delete my account ────────────────────────────────────────────────────────
      await page.getByRole('link', { name: 'Xóa tài khoản' }).click();
      await page.getByRole('heading', { name: 'Xóa tài khoản', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Xóa vĩnh viễn tài khoản' }).click();
      await page
        .getByRole('alert')
        .getByText(/Đánh dấu ô xác nhận/)
        .first()
        .waitFor();
      await screenshots(page, 'account-delete');
      await expectAccessible(page, 'delete account');
      await field(page, 'Mật khẩu').fill(NEWER_PASSWORD);
      await page.getByRole('checkbox', { name: /Tôi hiểu rằng tài khoản/ }).check();
      await page.getByRole('button', { name: 'Xóa vĩnh viễn tài khoản' }).click();
      await page.waitForURL((u) => u.hash.startsWith('#/?') || u.hash === '#/');
      expect(await localItem(page, 'lc.session')).toBeNull();
      expect((await stack.http.post('/auth/login', { login: r.input.phone, password: NEWER_PASSWORD })).status).toBe(401);

      expect(errors).toEqual([]);
      expect(cspRefusals(log)).toEqual([]);
    });
  });

  it('the web app is served under its Content-Security-Policy', async () => {
    const res = await fetch(`${stack.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    // The first screen (`/`) inlines its early script: each inline script is allowed by its own hash, nothing else runs.
    const inline = [...(await res.text()).matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/application\/json/.test(m[1]));
    expect(inline.length).toBeGreaterThan(0);
    for (const m of inline) expect(csp).toContain(`'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`);
    // The plain shell (what the service worker keeps) has no inline script at all.
    expect(await (await fetch(`${stack.url}/index.html`)).text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
