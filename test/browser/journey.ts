import type { Locator, Page } from 'playwright-core';
import type { Http } from '../http';
import { ok, Session } from '../factories';

/** Helpers the journeys share: signing in through the UI, staff with a known login, waiting on the page. */

export const STAFF_PASSWORD = 'staff-password-1';

let n = 0;

/** A staff account whose e-mail the test knows, to sign in through the login form. */
export async function staffLogin(http: Http, admin: Session, role: 'organiser' | 'judge', organisationId: string): Promise<Session & { email: string }> {
  const email = `${role}.browser${++n}.${Date.now().toString(36)}@test.local`;
  await ok(
    http.post('/users', { fullName: role === 'judge' ? `Giám khảo ${n}` : `Cán bộ ${n}`, email, password: STAFF_PASSWORD, role, organisationId }, admin.token),
    'create staff',
  );
  const b = await ok(http.post('/auth/login', { login: email, password: STAFF_PASSWORD }), 'staff login');
  return { token: b.accessToken, refreshToken: b.refreshToken, user: b.user, email };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The form control labelled exactly `text`, give or take the app's required " *" or
 * "(không bắt buộc)" marker (so "Mật khẩu" is not "Nhập lại mật khẩu").
 */
export function field(scope: Page | Locator, text: string): Locator {
  return scope.getByLabel(new RegExp(`^\\s*${escape(text)}\\s*(\\*|\\(không bắt buộc\\))?\\s*$`));
}

/** Signs in through the login form and waits until the app has left it. */
export async function signIn(page: Page, url: string, login: string, password: string): Promise<void> {
  await page.goto(`${url}/#/dang-nhap`);
  await field(page, 'Số điện thoại hoặc email').fill(login);
  await field(page, 'Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.hash.startsWith('#/dang-nhap'));
}

/** A date-time as the round form takes it: "dd/MM/yyyy HH:mm" in Vietnam time. */
export function vnLocalInput(ms: number): string {
  const [date, time] = new Date(ms + 7 * 3600_000).toISOString().slice(0, 16).split('T');
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time}`;
}

/** Waits until the locator's text matches (the page updates it on its own: sockets, retries). */
export async function textMatches(locator: Locator, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    last = ((await locator.textContent({ timeout: Math.max(1, until - Date.now()) }).catch(() => null)) ?? '').trim();
    if (pattern.test(last)) return last;
    if (Date.now() > until) throw new Error(`text ${JSON.stringify(last)} did not match ${pattern} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * In the publish confirmation (`dialog`), keeps the first of `left` flagged winners with a reason
 * and waits until the list has one fewer, so the next click goes to a winner still waiting.
 * `filled` runs with the reason typed, before it is confirmed (a screenshot of the form).
 */
export async function holdFlaggedWinner(dialog: Locator, reasonText: string, left: number, filled?: () => Promise<void>): Promise<void> {
  await dialog.getByRole('button', { name: 'Giữ kết quả', exact: true }).first().click();
  const reason = dialog.getByLabel(/Lý do giữ kết quả/);
  await reason.fill(reasonText);
  await filled?.();
  await dialog.getByRole('button', { name: 'Xác nhận giữ kết quả' }).click();
  await reason.waitFor({ state: 'detached' });
  if (left > 1) await dialog.getByText(`Chưa công bố được: ${left - 1} người đạt giải`).waitFor();
  else await dialog.getByText(/Chưa công bố được/).waitFor({ state: 'detached' });
}

/**
 * Holds the page's requests whose URL matches until the returned function is called (it lets
 * them through and stops holding): what a screen shows before a read comes back.
 */
export async function holdRequests(page: Page, matches: (url: URL) => boolean): Promise<() => Promise<void>> {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  const passed: Promise<void>[] = [];
  await page.route(matches, (route) => void passed.push(held.then(() => route.continue())));
  return async () => {
    release();
    await Promise.all(passed);
    await page.unroute(matches);
  };
}
