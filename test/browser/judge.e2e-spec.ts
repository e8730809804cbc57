import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { entrant, iso, KnownQuestion, newContest, orgWithBank, quizRound, sleep } from '../../libs/contests/test/factories';
import { enter } from '../../libs/leaderboard/test/helpers';
import { ok, Session } from '../factories';
import { DESKTOP, journey, launchChromium, screenshots } from './browser';
import { field, signIn, STAFF_PASSWORD, staffLogin } from './journey';
import { startStack, Stack } from './stack';

/**
 * Journey 3: a judge signs in, finds the round through its contest, closes it once it has
 * ended, publishes its results and downloads the ranking as XLSX (read back with exceljs: the order, the prizes, national IDs
 * masked). Uses POST /rounds/:id/close, POST /rounds/:id/results/publish and
 * GET /rounds/:id/results/export?format=xlsx.
 */
jest.setTimeout(120_000);

const QUESTIONS = 4;
/** Long enough to seed three entries; a judge may close a round only once it has ended. */
const ROUND_OPEN_MS = 12_000;
const PEOPLE = [
  { fullName: 'Phạm Minh Đức', right: 4 },
  { fullName: 'Vũ Thị Hoa', right: 3 },
  { fullName: 'Đặng Văn Long', right: 1 },
];

describe('browser: a judge closes a round, publishes results and downloads the XLSX', () => {
  let stack: Stack;
  let browser: Browser;
  let judge: Session & { email: string };
  let bank: KnownQuestion[];
  let contest: { id: string; title: string };
  let round: { id: string; title: string };
  let closesAt: number;
  const residents: (Session & { input: { nationalId: string; fullName: string } })[] = [];

  beforeAll(async () => {
    stack = await startStack('judge');
    browser = await launchChromium();
    const setup = await orgWithBank(stack.http, stack.admin, 6);
    bank = setup.questions;
    judge = await staffLogin(stack.http, stack.admin, 'judge', setup.org.id);
    contest = await newContest(stack.http, setup.organiser);
    closesAt = Date.now() + ROUND_OPEN_MS;
    round = await ok(
      stack.http.post(`/contests/${contest.id}/rounds`, quizRound(setup.bankId, { title: 'Vòng chung kết', closesAt: iso(closesAt), selection: [{ bankId: setup.bankId, count: QUESTIONS }] }), setup.organiser.token),
      'create round',
    );
    await ok(stack.http.put(`/rounds/${round.id}/rules`, { prizes: { tiers: [{ code: 'nhat', name: 'Giải Nhất', count: 1 }, { code: 'nhi', name: 'Giải Nhì', count: 1 }] } }, setup.organiser.token), 'prize plan');
    await ok(stack.http.post(`/contests/${contest.id}/publish`, {}, setup.organiser.token), 'publish contest');
    await ok(stack.http.post(`/rounds/${round.id}/judges`, { userId: judge.user.id }, setup.organiser.token), 'assign judge');
    for (const p of PEOPLE) {
      const r = await entrant(stack.http, contest.id, {}, { fullName: p.fullName });
      await enter(stack.http, r, round.id, bank, p.right);
      residents.push(r);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('closes, publishes and exports the ranking', async () => {
    if (Date.now() > closesAt) throw new Error(`seeding took longer than the round was open (${ROUND_OPEN_MS} ms): raise ROUND_OPEN_MS`);
    await journey(browser, DESKTOP, 'judge', async ({ page, errors }) => {
      await signIn(page, stack.url, judge.email, STAFF_PASSWORD);
      await page.getByRole('link', { name: contest.title }).click();
      await page.getByRole('link', { name: 'Chấm, kết quả' }).click();
      await page.getByRole('heading', { name: round.title, level: 1 }).waitFor();
      await screenshots(page, 'judge-round');
      await page.getByRole('link', { name: /Đóng vòng.*công bố/ }).click();
      await page.getByRole('heading', { name: `Kết quả: ${round.title}`, level: 1 }).waitFor();

      // The round has ended: the judge closes it, and the provisional ranking appears.
      await sleep(Math.max(0, closesAt + 500 - Date.now()));
      await page.getByRole('button', { name: 'Đóng vòng thi', exact: true }).click();
      await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
      await page.getByRole('status').filter({ hasText: /3 người được xếp hạng, 2 người đạt giải/ }).waitFor();
      const ranking = page.getByRole('table', { name: 'Bảng xếp hạng' });
      await ranking.locator('tbody tr').nth(PEOPLE.length - 1).waitFor();
      const rows = await ranking.locator('tbody tr').allInnerTexts();
      expect(rows).toHaveLength(PEOPLE.length);
      PEOPLE.forEach((p, i) => expect(rows[i]).toContain(p.fullName));
      expect(rows[0]).toContain('Giải Nhất');
      await screenshots(page, 'judge-closed');

      await page.getByRole('button', { name: /^Công bố kết quả/ }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Công bố', exact: true }).click();
      await page.getByRole('status').filter({ hasText: /^Đã công bố kết quả/ }).waitFor();
      expect((await ok(stack.http.get(`/rounds/${round.id}`, residents[0].token))).status).toBe('published');
      await screenshots(page, 'judge-published');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /\(Excel\)/ }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const sheet = await readXlsx(readFileSync((await download.path())!));
      const header = sheet.findIndex((r) => r.includes('Hạng') && r.includes('Họ và tên'));
      expect(header).toBeGreaterThanOrEqual(0);
      const col = (name: string) => sheet[header].indexOf(name);
      const data = sheet.slice(header + 1).filter((r) => r.some((c) => c !== null && c !== undefined && c !== ''));
      expect(data.map((r) => r[col('Họ và tên')])).toEqual(PEOPLE.map((p) => p.fullName));
      expect(data.map((r) => Number(r[col('Hạng')]))).toEqual([1, 2, 3]);
      expect(data.map((r) => Number(r[col('Điểm')]))).toEqual(PEOPLE.map((p) => p.right));
      expect(data.map((r) => r[col('Giải')] ?? null)).toEqual(['Giải Nhất', 'Giải Nhì', null]);
      // National IDs are masked: never the whole number.
      const text = JSON.stringify(sheet);
      for (const r of residents) expect(text).not.toContain(r.input.nationalId);
      expect(String(data[0][col('Số CCCD')])).toMatch(/\*|•|x/i);

      // An export job, named for what it holds (never its storage id), downloaded under that name.
      await page.getByRole('button', { name: 'Tạo tệp xuất' }).click();
      const jobButton = page.getByRole('button', { name: `Tải về “Kết quả vòng 1 — ${round.title} (XLSX)”` });
      await jobButton.waitFor({ timeout: 30_000 });
      await screenshots(page, 'judge-exports');
      const [jobFile] = await Promise.all([page.waitForEvent('download'), jobButton.click()]);
      expect(jobFile.suggestedFilename()).toBe(`Kết quả vòng 1 - ${round.title}.xlsx`);

      // A correction: the judge finds the winner by name (no diacritics), picks the attempt,
      // sees whose place and prize would change, then confirms.
      const corrections = page.getByRole('region', { name: 'Đính chính kết quả đã công bố' });
      await field(corrections, 'Tìm người dự thi').fill('pham minh');
      await corrections.getByRole('button', { name: 'Tìm', exact: true }).click();
      await field(corrections, 'Hủy: Lượt 1 · 4 điểm · đang được tính').check();
      await corrections.getByText(`Hủy lượt 1 của ${PEOPLE[0].fullName}`).waitFor();
      await field(corrections, 'Lý do').fill('Xác minh: người khác làm bài thay');
      await corrections.getByRole('button', { name: 'Xem trước thay đổi' }).click();
      await corrections.getByRole('heading', { name: 'Xem trước: 3 người thay đổi' }).waitFor();
      const preview = await corrections.locator('#correction-preview-box tbody tr').allInnerTexts();
      const row = (name: string) => preview.find((r) => r.startsWith(`${name}\t`)) ?? '';
      expect(row(PEOPLE[0].fullName)).toContain('Bị loại khỏi bảng xếp hạng (trước đó hạng 1, Giải Nhất)');
      expect(row(PEOPLE[1].fullName)).toMatch(/Hạng: 2 → 1\s+Giải: Giải Nhì → Giải Nhất/);
      expect(row(PEOPLE[2].fullName)).toMatch(/Hạng: 3 → 2\s+Giải: — → Giải Nhì/);
      expect((await ok(stack.http.get(`/rounds/${round.id}/results/corrections`, judge.token))).total).toBe(0);
      await screenshots(page, 'judge-corrections-preview');
      await corrections.getByRole('button', { name: 'Xác nhận đính chính' }).click();
      await corrections.getByText('Đã đính chính: 3 người thay đổi thứ hạng, điểm hoặc giải.').waitFor();
      expect((await ok(stack.http.get(`/rounds/${round.id}/results/corrections`, judge.token))).total).toBe(1);
      expect(errors).toEqual([]);
    });
  });
});

/** The first sheet's rows as plain cell values. */
async function readXlsx(buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'text' in v ? (v as { text: unknown }).text : v))));
  return rows;
}
