import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { entrant, KnownQuestion, newContest, orgWithBank, quizRound } from '../../libs/contests/test/factories';
import { enter } from '../../libs/leaderboard/test/helpers';
import { ok, Session } from '../factories';
import { expectAccessible } from './axe';
import { journey, launchChromium, PHONE, screenshots } from './browser';
import { field, signIn, STAFF_PASSWORD, staffLogin } from './journey';
import { startStack, Stack } from './stack';

/**
 * Journey: winner verification, on a phone. The organiser opens the published results,
 * goes to "Xác minh người đoạt giải", views the first winner's identity with a reason (the
 * panel says the view was recorded), marks them verified, disqualifies the second winner
 * with a reason and reads who receives the prizes now, then downloads the payout list
 * (read back with exceljs: full details for the winners, the disqualified one gone).
 */
jest.setTimeout(120_000);

const PEOPLE = [
  { fullName: 'Phạm Minh Đức', right: 4 },
  { fullName: 'Vũ Thị Hoa', right: 3 },
  { fullName: 'Đặng Văn Long', right: 2 },
  { fullName: 'Ngô Thị Mai', right: 1 },
];

describe('browser: an organiser verifies winners before paying prizes', () => {
  let stack: Stack;
  let browser: Browser;
  let organiser: Session & { email: string };
  let bank: KnownQuestion[];
  let round: { id: string; title: string };
  const residents: (Session & { input: { nationalId: string; phone: string; fullName: string } })[] = [];

  beforeAll(async () => {
    stack = await startStack('winners');
    browser = await launchChromium();
    const setup = await orgWithBank(stack.http, stack.admin, 6);
    bank = setup.questions;
    organiser = await staffLogin(stack.http, stack.admin, 'organiser', setup.org.id);
    const o = organiser.token;
    const contest = await newContest(stack.http, organiser);
    // Not about integrity: seeded entries answer in milliseconds, which would flag them.
    round = await ok(
      stack.http.post(
        `/contests/${contest.id}/rounds`,
        quizRound(setup.bankId, { title: 'Tuần 1', selection: [{ bankId: setup.bankId, count: 4 }], integrity: { minSecondsPerQuestion: 0 } }),
        o,
      ),
      'create round',
    );
    await ok(
      stack.http.put(
        `/rounds/${round.id}/rules`,
        {
          prizes: {
            tiers: [
              { code: 'nhat', name: 'Giải Nhất', count: 1 },
              { code: 'nhi', name: 'Giải Nhì', count: 1 },
              { code: 'ba', name: 'Giải Ba', count: 1 },
            ],
          },
        },
        o,
      ),
      'prize plan',
    );
    await ok(stack.http.post(`/contests/${contest.id}/publish`, {}, o), 'publish contest');
    for (const p of PEOPLE) {
      const r = await entrant(stack.http, contest.id, {}, { fullName: p.fullName });
      await enter(stack.http, r, round.id, bank, p.right);
      residents.push(r);
    }
    await ok(stack.http.post(`/rounds/${round.id}/close`, { force: true }, o), 'close');
    await ok(stack.http.post(`/rounds/${round.id}/results/publish`, {}, o), 'publish results');
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('views an identity with a reason, verifies one winner, disqualifies another and downloads the payout list', async () => {
    await journey(browser, PHONE, 'winners', async ({ page, errors }) => {
      await signIn(page, stack.url, organiser.email, STAFF_PASSWORD);
      await page.goto(`${stack.url}/#/giam-khao/vong/${round.id}/ket-qua`);
      await page.getByRole('link', { name: 'Xác minh người đoạt giải →' }).click();
      await page.getByRole('heading', { name: 'Xác minh người đoạt giải', level: 1 }).waitFor();
      const cards = page.getByRole('list', { name: 'Người đoạt giải' }).getByRole('listitem');
      await cards.nth(2).waitFor();
      expect(await cards.count()).toBe(3);
      const listText = await page.locator('main').innerText();
      for (const r of residents) expect(listText).not.toContain(r.input.nationalId);
      expect(listText).toContain('0 đã xác minh');
      await expectAccessible(page, 'winners list');
      await screenshots(page, 'winners-list');

      // The first winner: a reason, then the identity in full, with the notice that the view was recorded.
      const [first, second] = residents;
      await page.getByRole('button', { name: `Xem thông tin xác minh của ${first.input.fullName}` }).click();
      await field(page, 'Ghi chú thêm').fill('Hẹn trao giải tại Sở');
      await screenshots(page, 'winners-reason');
      await page.getByRole('button', { name: 'Xem thông tin', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /đã được ghi vào nhật ký truy cập/ })
        .waitFor();
      const panel = page.getByRole('region', { name: /Thông tin xác minh/ });
      expect(await panel.innerText()).toContain(first.input.nationalId);
      expect(await panel.innerText()).toContain(first.input.phone);
      await expectAccessible(page, 'winner identity');
      await screenshots(page, 'winners-identity');
      await page.getByRole('button', { name: 'Đã xác minh', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Đã ghi nhận: ${first.input.fullName} đã được xác minh.` })
        .waitFor();
      await page.getByText('1 đã xác minh').waitFor();

      // The second winner is disqualified: the prizes pass on, and the page says to whom.
      await page.getByRole('button', { name: `Xem thông tin xác minh của ${second.input.fullName}` }).click();
      await field(page, 'Lý do xem').selectOption('other');
      await field(page, 'Ghi rõ lý do').fill('Khiếu nại: nghi dùng CCCD của người khác');
      await page.getByRole('button', { name: 'Xem thông tin', exact: true }).click();
      await page.getByRole('button', { name: 'Loại (kèm lý do)' }).click();
      await field(page, 'Lý do loại').fill('CCCD không khớp với người dự thi');
      await screenshots(page, 'winners-disqualify-confirm');
      await page.getByRole('button', { name: 'Xác nhận loại' }).click();
      const notice = page.getByRole('status').filter({ hasText: 'Người nhận giải bây giờ' });
      await notice.waitFor();
      const said = await notice.innerText();
      expect(said).toContain(`Đã loại ${second.input.fullName}.`);
      expect(said).toContain('Đặng Văn Long: nay nhận Giải Nhì (trước là Giải Ba).');
      expect(said).toContain('Ngô Thị Mai: nay nhận Giải Ba.');
      expect(said).toContain(`${second.input.fullName}: không còn Giải Nhì.`);
      await page.getByRole('heading', { name: 'Đã bị loại' }).waitFor();
      await expectAccessible(page, 'winners after a disqualification');
      await screenshots(page, 'winners-disqualified');

      // The payout list: a reason, then the file with full details.
      await page.getByRole('button', { name: 'Tải danh sách chi trả giải thưởng' }).click();
      await screenshots(page, 'winners-payout');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải xuống', exact: true }).click()]);
      expect(download.suggestedFilename()).toMatch(/^chi-tra-giai-thuong-vong-\d+\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      const h = rows[0];
      const col = (name: string) => h.indexOf(name);
      expect(rows.slice(1).map((r) => [r[col('Giải')], r[col('Họ và tên')], r[col('Xác minh')]])).toEqual([
        ['Giải Nhất', first.input.fullName, 'Đã xác minh'],
        ['Giải Nhì', 'Đặng Văn Long', 'Chưa xác minh'],
        ['Giải Ba', 'Ngô Thị Mai', 'Chưa xác minh'],
      ]);
      expect(rows[1][col('Số CCCD')]).toBe(first.input.nationalId);
      expect(rows[1][col('Số điện thoại')]).toBe(first.input.phone);
      await page
        .getByRole('status')
        .filter({ hasText: /Đã tải danh sách chi trả/ })
        .waitFor();
      expect(errors).toEqual([]);
    });
  });
});
