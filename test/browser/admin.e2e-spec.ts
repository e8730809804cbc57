import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { newContest } from '../../libs/contests/test/factories';
import { ok } from '../factories';
import { DESKTOP, journey, launchChromium, PHONE, screenshots } from './browser';
import { field, signIn } from './journey';
import { startStack, Stack } from './stack';

/**
 * Journey 4 (issue 13): the admin builds an organisation's staff through the UI only — creates
 * the organisation, an organiser and a judge, bulk-imports two staff from the downloaded
 * template, deactivates one of them; then the organiser signs in and assigns the judge to a
 * round from the picker of the organisation's judges.
 */
jest.setTimeout(180_000);

const ORGANISER_PASSWORD = 'ban-to-chuc-2026';
const JUDGE_PASSWORD = 'giam-khao-2026';

describe('browser: the admin console, and assigning a judge from the picker', () => {
  let stack: Stack;
  let browser: Browser;
  const t = Date.now().toString(36);
  const orgName = `Sở Tư pháp tỉnh Ninh Bình ${t}`;
  const organiserEmail = `btc.${t}@stp-ninhbinh.gov.vn`;
  const judgeEmail = `gk.${t}@stp-ninhbinh.gov.vn`;

  beforeAll(async () => {
    stack = await startStack('admin');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('creates an organisation and its staff, imports two more from the template, deactivates one', async () => {
    await journey(browser, DESKTOP, 'admin', async ({ page, errors }) => {
      await signIn(page, stack.url, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
      await page.getByRole('heading', { name: 'Quản trị hệ thống' }).waitFor();
      await screenshots(page, 'admin-home');

      // The organisation: an empty form first marks the fields that need filling.
      await page.getByRole('link', { name: 'Đơn vị', exact: true }).click();
      await page.getByRole('heading', { name: 'Đơn vị', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
      await page.getByRole('form', { name: 'Thêm đơn vị' }).getByRole('button', { name: 'Thêm đơn vị' }).click();
      await page.getByRole('heading', { name: 'Vui lòng kiểm tra lại' }).waitFor();
      expect(await field(page, 'Tên đơn vị').getAttribute('aria-invalid')).toBe('true');
      expect(await field(page, 'Cấp').getAttribute('aria-invalid')).toBe('true');
      await field(page, 'Tên đơn vị').fill(orgName);
      await field(page, 'Cấp').selectOption({ label: 'Cấp tỉnh' });
      await page.getByRole('form', { name: 'Thêm đơn vị' }).getByRole('button', { name: 'Thêm đơn vị' }).click();
      await page.getByRole('heading', { name: 'Vui lòng kiểm tra lại' }).waitFor();
      expect(await field(page, 'Tỉnh, thành phố').getAttribute('aria-invalid')).toBe('true');
      await screenshots(page, 'admin-organisation-errors');
      await field(page, 'Tỉnh, thành phố').selectOption('Ninh Bình');
      await page.getByRole('form', { name: 'Thêm đơn vị' }).getByRole('button', { name: 'Thêm đơn vị' }).click();
      await page.getByText(`Đã thêm đơn vị “${orgName}”.`).waitFor();
      // Other suites share the database: find it by name rather than expect it on page 1.
      await field(page, 'Tìm theo tên').fill(orgName);
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      await page.getByRole('cell', { name: new RegExp(`^${orgName} Mã đơn vị`) }).waitFor();
      await screenshots(page, 'admin-organisations');

      // An organiser and a judge.
      await page.getByRole('link', { name: 'Tài khoản cán bộ' }).click();
      await page.getByRole('heading', { name: 'Tài khoản cán bộ', level: 1 }).waitFor();
      await createStaff(page, { fullName: 'Trần Thị Mai', email: organiserEmail, role: 'Ban tổ chức', organisation: orgName, password: ORGANISER_PASSWORD });
      await createStaff(page, {
        fullName: 'Đỗ Văn Hùng',
        email: judgeEmail,
        role: 'Giám khảo',
        organisation: orgName,
        password: JUDGE_PASSWORD,
        screenshot: 'admin-staff-new',
      });
      await page.getByText('Đã tạo tài khoản Đỗ Văn Hùng (Giám khảo).').waitFor();

      // Two more from the downloaded template.
      await page.getByRole('link', { name: 'Nhập cán bộ từ tệp' }).click();
      await page.getByRole('heading', { name: 'Nhập cán bộ từ tệp', level: 1 }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp mẫu Excel (.xlsx)' }).click()]);
      expect(download.suggestedFilename()).toBe('mau-nhap-can-bo.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync((await download.path())!) as never);
      const sheet = wb.worksheets[0];
      sheet.getRow(2).values = ['Nguyễn Thị Lan', `lan.${t}@stp-ninhbinh.gov.vn`, '', 'giám khảo', orgName];
      sheet.getRow(3).values = ['Phạm Minh Tuấn', `tuan.${t}@stp-ninhbinh.gov.vn`, '', 'ban tổ chức', orgName];
      const filled = Buffer.from(await wb.xlsx.writeBuffer());
      await page
        .locator('#staff-file')
        .setInputFiles({ name: 'can-bo-ninh-binh.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: filled });
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      await page.getByText('Tệp hợp lệ: sẽ tạo 2 tài khoản.', { exact: false }).waitFor();
      await screenshots(page, 'admin-import-check');
      await page.getByRole('button', { name: 'Nhập và tạo tài khoản' }).click();
      await page.getByText('Đã tạo 2 tài khoản.', { exact: false }).waitFor();
      const passwords = await page.locator('.import-report code.secret').allTextContents();
      expect(passwords).toHaveLength(2);
      await screenshots(page, 'admin-import-done');
      // The same file again: every row already has an account, nobody is created twice.
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      await page.getByText('Dòng 2, cột Email: Đã có tài khoản dùng email', { exact: false }).waitFor();
      await screenshots(page, 'admin-import-errors');

      // Deactivate one of the imported accounts.
      await page.getByRole('link', { name: 'Tài khoản cán bộ' }).click();
      await field(page, 'Tìm theo tên hoặc email').fill(`tuan.${t}`);
      await page.getByRole('button', { name: 'Lọc' }).click();
      await page.getByRole('cell', { name: /^Phạm Minh Tuấn/ }).waitFor();
      await page.getByRole('button', { name: 'Khoá tài khoản Phạm Minh Tuấn' }).click();
      await page.getByRole('heading', { name: 'Khoá tài khoản Phạm Minh Tuấn?' }).waitFor();
      await screenshots(page, 'admin-staff-deactivate');
      await page.getByRole('button', { name: 'Khoá tài khoản', exact: true }).click();
      await page.getByText('Đã khoá tài khoản Phạm Minh Tuấn.', { exact: false }).waitFor();
      await page.getByRole('table').getByText('Đã khoá', { exact: true }).waitFor();
      // The organisation's locked accounts, then its active ones: the status filter as the server applies it.
      await field(page, 'Tìm theo tên hoặc email').fill('');
      await field(page, 'Đơn vị').selectOption({ label: orgName });
      await field(page, 'Trạng thái').selectOption({ label: 'Đã khoá' });
      const locked = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/users') && new URL(r.url()).searchParams.get('active') === 'false');
      await page.getByRole('button', { name: 'Lọc' }).click();
      const lockedNames = ((await (await locked).json()) as { items: { fullName: string; active: boolean }[] }).items;
      expect(lockedNames.map((u) => [u.fullName, u.active])).toEqual([['Phạm Minh Tuấn', false]]);
      await page.getByRole('cell', { name: /^Phạm Minh Tuấn/ }).waitFor();
      await field(page, 'Trạng thái').selectOption({ label: 'Đang hoạt động' });
      await page.getByRole('button', { name: 'Lọc' }).click();
      await page.getByRole('cell', { name: /^Nguyễn Thị Lan/ }).waitFor();
      await page.getByRole('cell', { name: /^Phạm Minh Tuấn/ }).waitFor({ state: 'detached' });
      await screenshots(page, 'admin-staff');
      expect(errors).toEqual([]);

      // What the UI did, seen from the API.
      const tuan = await stack.http.post('/auth/login', { login: `tuan.${t}@stp-ninhbinh.gov.vn`, password: passwords[1] });
      expect(tuan.status).toBe(403);
      expect(tuan.body.code).toBe('account_deactivated');
      expect((await stack.http.post('/auth/login', { login: `lan.${t}@stp-ninhbinh.gov.vn`, password: passwords[0] })).status).toBe(200);
      const org = (await ok(stack.http.get(`/organisations?q=${encodeURIComponent(orgName)}`, stack.admin.token))).items[0];
      expect(org).toEqual(expect.objectContaining({ name: orgName, level: 'province', province: 'Ninh Bình' }));
      const staff = await ok(stack.http.get(`/users?organisationId=${org.id}&limit=50`, stack.admin.token));
      expect(staff.items.map((u: { email: string; role: string; active: boolean }) => [u.email, u.role, u.active]).sort()).toEqual(
        [
          [organiserEmail, 'organiser', true],
          [judgeEmail, 'judge', true],
          [`lan.${t}@stp-ninhbinh.gov.vn`, 'judge', true],
          [`tuan.${t}@stp-ninhbinh.gov.vn`, 'organiser', false],
        ].sort(),
      );
    });
  });

  it("lets the organiser assign a judge to a round from the organisation's judges", async () => {
    const login = await ok(stack.http.post('/auth/login', { login: organiserEmail, password: ORGANISER_PASSWORD }), 'organiser login');
    const organiser = { token: login.accessToken, refreshToken: login.refreshToken, user: login.user };
    const contest = await newContest(stack.http, organiser, { title: `Hội thi hòa giải viên giỏi ${t}` });
    const round = await ok(
      stack.http.post(
        `/contests/${contest.id}/rounds`,
        {
          title: 'Vòng 2: thi tình huống',
          kind: 'judged',
          opensAt: new Date(Date.now() + 86400_000).toISOString(),
          closesAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
        },
        organiser.token,
      ),
      'round',
    );

    await journey(browser, PHONE, 'organiser-judges', async ({ page, errors }) => {
      await signIn(page, stack.url, organiserEmail, ORGANISER_PASSWORD);
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contest.id}`);
      await page.getByRole('link', { name: 'Giám khảo', exact: true }).click();
      await page.getByRole('heading', { name: 'Giám khảo của vòng thi', level: 1 }).waitFor();
      await page.getByText('Chưa phân công giám khảo nào.').waitFor();
      // Nothing chosen: the picker itself is marked.
      await page.getByRole('button', { name: 'Phân công' }).click();
      await page.getByRole('heading', { name: 'Vui lòng kiểm tra lại' }).waitFor();
      expect(await field(page, 'Giám khảo').getAttribute('aria-invalid')).toBe('true');
      await screenshots(page, 'organiser-judges-error');

      // A name nobody has: the hint names the search, once it has run.
      await field(page, 'Tìm giám khảo theo tên hoặc email').fill('Không Ai');
      await page.getByText('Không có giám khảo nào của đơn vị khớp “Không Ai”.').waitFor();
      await field(page, 'Tìm giám khảo theo tên hoặc email').fill('Hùng');
      await page.getByText('1 giám khảo.', { exact: true }).waitFor();
      const picker = field(page, 'Giám khảo');
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('select[name="userId"] option').length === 2);
      expect((await picker.locator('option').allTextContents())[1]).toBe(`Đỗ Văn Hùng — ${judgeEmail}`);
      await picker.selectOption({ label: `Đỗ Văn Hùng — ${judgeEmail}` });
      await page.getByRole('button', { name: 'Phân công' }).click();
      await page.getByText('Đã phân công Đỗ Văn Hùng chấm vòng thi.').waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Đỗ Văn Hùng' }).getByText('Đang chấm').waitFor();
      await field(page, 'Tìm giám khảo theo tên hoặc email').fill('');
      // Hùng is on the round now: Lan, the organisation's other judge, is the one left.
      await page.getByText('1 giám khảo.', { exact: true }).waitFor();
      expect(await picker.locator('option').allTextContents()).toEqual(['— Chọn giám khảo —', `Nguyễn Thị Lan — lan.${t}@stp-ninhbinh.gov.vn`]);
      await screenshots(page, 'organiser-judges');
      expect(errors).toEqual([]);
    });

    const judges = await ok(stack.http.get(`/rounds/${round.id}/judges`, organiser.token));
    expect(judges.map((j: { email: string; recusedAt: string | null }) => [j.email, j.recusedAt])).toEqual([[judgeEmail, null]]);
  });
});

async function createStaff(
  page: Page,
  s: { fullName: string; email: string; role: string; organisation: string; password: string; screenshot?: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const form = page.getByRole('form', { name: 'Tạo tài khoản cán bộ' });
  await field(form, 'Họ và tên').fill(s.fullName);
  await field(form, 'Email').fill(s.email);
  await field(form, 'Vai trò').selectOption({ label: s.role });
  await field(form, 'Đơn vị').selectOption({ label: s.organisation });
  await field(form, 'Mật khẩu tạm').fill(s.password);
  if (s.screenshot) await screenshots(page, s.screenshot);
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.getByText(`Đã tạo tài khoản ${s.fullName}`, { exact: false }).waitFor();
}
