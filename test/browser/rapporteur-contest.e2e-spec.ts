import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import type { KnownQuestion } from '../../libs/contests/test/factories';
import { entrant, sleep } from '../../libs/contests/test/factories';
import { readXlsx, takeAttempt } from '../../libs/judging/test/results-helpers';
import { ok, Session } from '../factories';
import { expectAccessible } from './axe';
import { DESKTOP, journey, launchChromium, PHONE, screenshots } from './browser';
import { field, signIn, vnLocalInput } from './journey';
import { startStack, Stack } from './stack';

/**
 * Issue 13: the anti-corruption rapporteur competition run from a blank organisation to the
 * award decision through the web app only. The admin creates the organisation, its organiser
 * and three judges; the organiser imports the sample bank, creates the contest (unit asked at
 * registration), round 1 (a quiz) and the final (a judged presentation round: brief, hand-in
 * kinds, rubric, head judge, overtime penalty, reconciliation gap, three judges from the
 * picker) and publishes it. Residents take round 1 and hand in through the API (they are not
 * staff); the organiser closes and publishes round 1, advances one entrant per unit after a
 * preview, records a presentation's running time; the three judges mark on their phones, two
 * of them far apart, the head judge reconciles; the organiser closes, publishes, downloads the
 * ranking and the decision PDF.
 *
 * Time: the round form takes minutes, so rounds are set days apart as an organiser would, and
 * "time passes" by moving a round's opening or closing time in the database (as handin does);
 * the worker's sweep then opens or closes it as it would on the day.
 */
jest.setTimeout(600_000);

const FIXTURES = join(__dirname, 'fixtures');
const PASSWORD = 'bao-cao-vien-2026';
const UNITS = ['Phường Hạ Long', 'Phường Bãi Cháy', 'Xã Quảng La'];
const ROUND1 = 'Vòng 1: trắc nghiệm trực tuyến';
const FINAL = 'Vòng chung kết: thuyết trình';
const BRIEF = 'Thuyết trình 10 phút: «Cán bộ, đảng viên nêu gương trong phòng, chống tham nhũng, tiêu cực». Nộp đề cương (văn bản hoặc tệp) trước hạn.';
const CRITERIA = [
  ['Nội dung pháp lý chính xác', '50'],
  ['Kỹ năng trình bày', '30'],
  ['Hình thức, thời gian', '20'],
] as const;
/** Round 1: four questions each; who gets how many right. One per unit goes through. */
const PEOPLE = [
  { fullName: 'Trần Thị Ánh Dương', unit: UNITS[0], right: 4 },
  { fullName: 'Lê Văn Đức', unit: UNITS[0], right: 2 },
  { fullName: 'Phạm Quốc Hưng', unit: UNITS[1], right: 3 },
  { fullName: 'Nguyễn Thị Thu Hà', unit: UNITS[1], right: 1 },
  { fullName: 'Vũ Đình Khải', unit: UNITS[2], right: 2 },
  { fullName: 'Hoàng Văn Nam', unit: UNITS[2], right: 0 },
];
const ADVANCED = ['Trần Thị Ánh Dương', 'Phạm Quốc Hưng', 'Vũ Đình Khải'];
/** The final's marks per judge (criteria in order). Hưng's two judges differ by 25 points: the gap is 15. */
const MARKS: Record<string, [string, string, string][]> = {
  'Trần Thị Ánh Dương': [
    ['45', '25', '18'],
    ['42', '26', '17'],
    ['44', '27', '18'],
  ],
  'Phạm Quốc Hưng': [
    ['40', '20', '15'],
    ['25', '15', '10'],
    ['38', '22', '15'],
  ],
  'Vũ Đình Khải': [
    ['30', '20', '12'],
    ['32', '18', '12'],
    ['30', '19', '13'],
  ],
};
/** The head judge's final marks for Hưng: 36 + 22 + 14. */
const RECONCILED = ['36', '22', '14'];

describe('browser: the rapporteur competition, from a blank organisation to the award decision', () => {
  let stack: Stack;
  let browser: Browser;
  let db: Client;
  const t = Date.now().toString(36);
  const orgName = `Sở Tư pháp tỉnh Quảng Ninh ${t}`;
  const contestTitle = `Báo cáo viên pháp luật giỏi về phòng, chống tham nhũng ${t}`;
  const bankName = `Ngân hàng PCTN ${t}`;
  const organiser = { fullName: 'Trần Thị Mai', email: `btc.${t}@stp-quangninh.gov.vn` };
  const judges = [
    { fullName: 'Đỗ Văn Hùng', email: `gk1.${t}@stp-quangninh.gov.vn` },
    { fullName: 'Nguyễn Thị Lan', email: `gk2.${t}@stp-quangninh.gov.vn` },
    { fullName: 'Trần Thị Bích Ngọc', email: `truongban.${t}@stp-quangninh.gov.vn` },
  ];
  const head = judges[2];
  let contestId: string;
  let r1: { id: string };
  let r2: { id: string };
  let bankId: string;
  let staffToken: string;
  const residents = new Map<string, Session & { input: { phone: string; password: string } }>();

  beforeAll(async () => {
    stack = await startStack('rapporteur-contest');
    browser = await launchChromium();
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await browser?.close();
    await stack?.stop();
  });

  const look = async (page: Page, name: string) => {
    await expectAccessible(page, name);
    await screenshots(page, `rapporteur-contest-${name}`);
  };

  /** Time passes: the round's opening or closing moves to a second ago; the worker's sweep acts on it. */
  const timePasses = async (roundId: string, edge: 'opens_at' | 'closes_at', status: 'open' | 'closed') => {
    await db.query(`UPDATE round SET ${edge} = now() - interval '1 second' WHERE id = $1`, [roundId]);
    for (let until = Date.now() + 30_000; ; await sleep(250)) {
      const [row] = (await db.query('SELECT status FROM round WHERE id = $1', [roundId])).rows as { status: string }[];
      if (row.status === status) break;
      if (Date.now() > until) throw new Error(`round ${roundId} still ${row.status}, expected ${status}`);
    }
    await sleep(1200); // RoundLookup caches a round for 1 s per instance
  };

  it('the admin creates the organisation, its organiser and three judges', async () => {
    await journey(browser, DESKTOP, 'rapporteur-contest-admin', async ({ page, errors }) => {
      await signIn(page, stack.url, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
      await page.getByRole('link', { name: 'Đơn vị', exact: true }).click();
      await page.getByRole('heading', { name: 'Đơn vị', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
      const form = page.getByRole('form', { name: 'Thêm đơn vị' });
      await field(form, 'Tên đơn vị').fill(orgName);
      await field(form, 'Cấp').selectOption({ label: 'Cấp tỉnh' });
      await field(form, 'Tỉnh, thành phố').selectOption('Quảng Ninh');
      await look(page, 'admin-organisation-new');
      await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
      await page.getByText(`Đã thêm đơn vị “${orgName}”.`).waitFor();

      await page.getByRole('link', { name: 'Tài khoản cán bộ' }).click();
      await page.getByRole('heading', { name: 'Tài khoản cán bộ', level: 1 }).waitFor();
      await createStaff(page, { ...organiser, role: 'Ban tổ chức', organisation: orgName });
      for (const [i, j] of judges.entries())
        await createStaff(page, { ...j, role: 'Giám khảo', organisation: orgName, look: i === 0 ? () => look(page, 'admin-staff-new') : undefined });
      await field(page, 'Đơn vị').selectOption({ label: orgName });
      await page.getByRole('button', { name: 'Lọc' }).click();
      // Other suites share the database (and a judge's name): the filtered list shows only this organisation's four.
      await page.getByRole('cell', { name: new RegExp(`^Trần Thị Bích Ngọc truongban\\.${t}`) }).waitFor();
      await page.getByRole('cell', { name: /^Trần Thị Bích Ngọc head\./ }).waitFor({ state: 'detached' });
      await look(page, 'admin-staff');
      expect(errors).toEqual([]);
    });
    const org = (await ok(stack.http.get(`/organisations?q=${encodeURIComponent(orgName)}`, stack.admin.token))).items[0];
    expect(org).toEqual(expect.objectContaining({ name: orgName, level: 'province', province: 'Quảng Ninh' }));
    const staff = await ok(stack.http.get(`/users?organisationId=${org.id}&limit=50`, stack.admin.token));
    expect(staff.items.map((u: { email: string; role: string }) => [u.email, u.role]).sort()).toEqual(
      [[organiser.email, 'organiser'], ...judges.map((j) => [j.email, 'judge'])].sort(),
    );
    staffToken = (await ok(stack.http.post('/auth/login', { login: organiser.email, password: PASSWORD }), 'organiser login')).accessToken;
  });

  it('the organiser imports the bank, sets up both rounds and the jury, and publishes', async () => {
    await journey(browser, DESKTOP, 'rapporteur-contest-setup', async ({ page, errors }) => {
      await signIn(page, stack.url, organiser.email, PASSWORD);
      await page.getByRole('heading', { name: 'Quản trị', level: 1 }).waitFor();

      // The question bank, from the sample file.
      await page.getByRole('link', { name: 'Ngân hàng câu hỏi' }).click();
      await field(page, 'Tên ngân hàng').fill(bankName);
      await page.getByRole('button', { name: 'Tạo ngân hàng' }).click();
      await page.getByRole('link', { name: bankName }).waitFor();
      await look(page, 'banks');
      await page.getByRole('link', { name: bankName }).click();
      await page.getByRole('link', { name: 'Nhập từ tệp' }).click();
      await page.getByRole('heading', { name: 'Nhập câu hỏi từ tệp' }).waitFor();
      bankId = /ngan-hang\/([^/]+)\/nhap/.exec(page.url())![1];
      await field(page, 'Tệp câu hỏi').setInputFiles(join(FIXTURES, 'question-template.csv'));
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      await page.getByText('Tệp hợp lệ: có thể nhập 18 câu hỏi').waitFor();
      await look(page, 'import-check');
      await page.getByRole('button', { name: 'Nhập vào ngân hàng' }).click();
      await page.getByText('Đã nhập 18 câu hỏi').waitFor();

      // The contest: entrants give their unit, chosen from the list.
      await page.goto(`${stack.url}/#/quan-tri`);
      await page.getByRole('link', { name: 'Tạo cuộc thi' }).click();
      await field(page, 'Tên cuộc thi').fill(contestTitle);
      await field(page, 'Thể lệ').fill('Vòng 1 thi trắc nghiệm trực tuyến; mỗi đơn vị chọn một người có điểm cao nhất vào vòng chung kết thuyết trình.');
      await field(page, 'Danh sách đơn vị').fill(UNITS.join('\n'));
      await page.getByLabel('Đơn vị / nơi công tác').check();
      await look(page, 'contest-new');
      await page.getByRole('button', { name: 'Tạo cuộc thi' }).click();
      await page.getByRole('heading', { name: contestTitle, level: 1 }).waitFor();
      contestId = /cuoc-thi\/([^/?]+)/.exec(page.url())![1];

      // Round 1: four single-answer questions, open now; the best per unit go through (a qualifying round: no prizes).
      const now = Date.now();
      await page.getByRole('link', { name: 'Thêm vòng thi' }).click();
      await page.getByRole('heading', { name: 'Thêm vòng thi' }).waitFor();
      await field(page, 'Tên vòng thi').fill(ROUND1);
      await field(page, 'Mở lúc').fill(vnLocalInput(now));
      await field(page, 'Đóng lúc').fill(vnLocalInput(now + 2 * 86400_000));
      await field(page, 'Thời gian làm bài (phút)').fill('15');
      await field(page, 'Ngân hàng câu hỏi').selectOption({ label: bankName });
      await field(page, 'Số câu').fill('4');
      await field(page, 'Một đáp án đúng').check();
      for (const prize of ['Giải Nhất', 'Giải Nhì', 'Giải Ba', 'Giải Khuyến khích']) await page.getByRole('button', { name: `Xóa giải 1 (${prize})` }).click();
      expect(await field(page, 'Tên giải 1').count()).toBe(0);
      await field(page, 'Cách chọn').selectOption('top');
      await field(page, 'Số người vào vòng sau').fill('3');
      await page.getByRole('button', { name: 'Lưu vòng thi' }).click();
      await page.getByRole('cell', { name: ROUND1 }).waitFor();

      // The final: a judged round for those who went through, three prizes.
      await page.getByRole('link', { name: 'Thêm vòng thi' }).click();
      await page.getByRole('heading', { name: 'Thêm vòng thi' }).waitFor();
      await field(page, 'Tên vòng thi').fill(FINAL);
      await field(page, 'Loại vòng').selectOption('judged');
      await field(page, 'Mở lúc').fill(vnLocalInput(now + 3 * 86400_000));
      await field(page, 'Đóng lúc').fill(vnLocalInput(now + 10 * 86400_000));
      await field(page, 'Ai được dự thi').selectOption('enrolled');
      await field(page, 'Số lượng').nth(1).fill('1');
      await field(page, 'Số lượng').nth(2).fill('1');
      await page.getByText('Đề bài, cách nộp bài, tiêu chí chấm và trưởng ban giám khảo: đặt ở trang “Ban giám khảo, đề bài”', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Xóa giải 4 (Giải Khuyến khích)' }).click();
      await look(page, 'round-new-judged');
      await page.getByRole('button', { name: 'Lưu vòng thi' }).click();
      await page.getByRole('cell', { name: FINAL }).waitFor();
      const rounds = await ok(stack.http.get(`/contests/${contestId}/rounds`, staffToken));
      const list = (Array.isArray(rounds) ? rounds : rounds.items) as {
        id: string;
        title: string;
        kind: string;
        entry: string;
        prizes: { name: string; count: number }[];
        selection: unknown;
        advancement: unknown;
      }[];
      const [a, b] = [list.find((x) => x.title === ROUND1)!, list.find((x) => x.title === FINAL)!];
      expect(a).toMatchObject({
        kind: 'quiz',
        selection: [expect.objectContaining({ bankId, count: 4, types: ['single'] })],
        advancement: expect.objectContaining({ mode: 'top', topN: 3 }),
      });
      expect(a.prizes ?? []).toEqual([]);
      expect(b).toMatchObject({ kind: 'judged', entry: 'enrolled' });
      expect(b.prizes.map((p) => [p.name, p.count])).toEqual([
        ['Giải Nhất', 1],
        ['Giải Nhì', 1],
        ['Giải Ba', 1],
      ]);
      r1 = a;
      r2 = b;

      // The final's three judges, from the picker of the organisation's judges.
      await page
        .getByRole('row', { name: new RegExp(FINAL) })
        .getByRole('link', { name: 'Giám khảo', exact: true })
        .click();
      await page.getByRole('heading', { name: 'Giám khảo của vòng thi', level: 1 }).waitFor();
      for (const j of judges) {
        await field(page, 'Tìm giám khảo theo tên hoặc email').fill(j.email);
        const option = `${j.fullName} — ${j.email}`;
        await field(page, 'Giám khảo').locator('option', { hasText: option }).waitFor({ state: 'attached' });
        await field(page, 'Giám khảo').selectOption({ label: option });
        await page.getByRole('button', { name: 'Phân công' }).click();
        await page.getByText(`Đã phân công ${j.fullName} chấm vòng thi.`).waitFor();
      }
      await field(page, 'Tìm giám khảo theo tên hoặc email').fill('');
      await look(page, 'judges');

      // Brief, hand-in kinds and jury.
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contestId}`);
      await page
        .getByRole('row', { name: new RegExp(FINAL) })
        .getByRole('link', { name: 'Ban giám khảo, đề bài' })
        .click();
      await page.getByRole('heading', { name: 'Ban giám khảo và tiêu chí chấm', level: 1 }).waitFor();
      await field(page, 'Đề bài').fill(BRIEF);
      await page.getByLabel('Đường dẫn', { exact: true }).uncheck();
      await page.getByRole('button', { name: 'Lưu đề bài' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu đề bài' }).waitFor();
      await page.getByRole('button', { name: '+ Thêm tiêu chí' }).click();
      await page.getByRole('button', { name: '+ Thêm tiêu chí' }).click();
      for (const [i, [label, max]] of CRITERIA.entries()) {
        const card = page.locator('li.card').nth(i);
        await field(card, `Tiêu chí ${i + 1}`).fill(label);
        await field(card, 'Điểm tối đa').fill(max);
      }
      await page.getByText('Tổng điểm tối đa: 100 điểm').waitFor();
      await page.getByLabel('Trừ điểm khi thuyết trình quá thời gian').check();
      await field(page, 'Thời gian cho phép (phút)').fill('10');
      await field(page, 'Trừ mỗi phút vượt (điểm)').fill('1');
      await field(page, 'Trừ tối đa (điểm)').fill('5');
      await field(page, 'Độ chênh lệch cần trưởng ban thống nhất (điểm)').fill('15');
      await page.getByRole('combobox', { name: /Chọn trong các giám khảo của vòng/ }).selectOption({ label: `${head.fullName} (${head.email})` });
      await page.getByRole('button', { name: 'Lưu thiết lập ban giám khảo' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu thiết lập ban giám khảo' }).waitFor();
      const jury = await ok(stack.http.get(`/rounds/${r2.id}/jury`, staffToken));
      expect(jury.rubric.map((c: { label: string; maxPoints: number }) => [c.label, String(c.maxPoints)])).toEqual(CRITERIA.map((c) => [...c]));
      expect(jury).toMatchObject({ maxScore: 100, reconciliationGap: 15, penalties: [{ kind: 'overtime', limitSeconds: 600, points: 1, maxPoints: 5 }] });
      const judgesOf = await ok(stack.http.get(`/rounds/${r2.id}/judges`, staffToken));
      expect(judgesOf.map((j: { email: string }) => j.email).sort()).toEqual(judges.map((j) => j.email).sort());
      expect(jury.headJudgeUserId).toBe(judgesOf.find((j: { email: string; userId: string }) => j.email === head.email).userId);
      expect(await ok(stack.http.get(`/rounds/${r2.id}/brief`, staffToken))).toMatchObject({ brief: BRIEF, handInKinds: ['text', 'file'] });

      // Published.
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contestId}`);
      await page.getByRole('button', { name: 'Công bố cuộc thi' }).click();
      await page.getByText('Đã công bố cuộc thi. Các vòng thi sẽ tự mở theo lịch.').waitFor();
      await look(page, 'contest-published');
      expect(errors).toEqual([]);
    });
    expect((await ok(stack.http.get(`/contests/${contestId}`, staffToken))).status).toBe('published');
  });

  it('round 1: residents enter; the organiser closes, publishes and advances one per unit', async () => {
    const bank = await knownBank(stack, bankId, staffToken);
    for (const p of PEOPLE) {
      const r = await entrant(stack.http, contestId, { unit: p.unit }, { fullName: p.fullName });
      // Each draws its own four of the bank's 13, so who misses what differs.
      expect((await takeAttempt(stack.http, r.token, r1.id, bank, p.right)).score).toBe(p.right);
      residents.set(p.fullName, r as never);
    }
    await timePasses(r1.id, 'closes_at', 'closed');

    await journey(browser, DESKTOP, 'rapporteur-contest-round1', async ({ page, errors }) => {
      await signIn(page, stack.url, organiser.email, PASSWORD);
      await page.getByRole('link', { name: contestTitle }).click();
      await page
        .getByRole('row', { name: new RegExp(ROUND1) })
        .getByRole('link', { name: 'Chấm, kết quả' })
        .click();
      await page.getByRole('link', { name: /Đóng vòng.*công bố/ }).click();
      await page.getByRole('heading', { name: `Kết quả: ${ROUND1}`, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Đóng vòng thi', exact: true }).click();
      await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /6 người được xếp hạng/ })
        .waitFor();
      await page.getByRole('button', { name: /^Công bố kết quả/ }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Công bố', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Đã công bố kết quả/ })
        .waitFor();
      await screenshots(page, 'rapporteur-contest-round1-published');

      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contestId}`);
      await page
        .getByRole('row', { name: new RegExp(ROUND1) })
        .getByRole('link', { name: 'Vào vòng sau' })
        .click();
      await page.getByRole('heading', { name: /^Xem trước: \d+ người vào vòng/ }).waitFor();
      await page.getByLabel('Theo chỉ tiêu từng đơn vị / nhóm').check();
      await field(page, 'Số người mỗi đơn vị / nhóm').fill('1');
      await page.getByRole('button', { name: 'Xem trước' }).click();
      await page.getByRole('heading', { name: /^Xem trước: 3 người vào vòng/ }).waitFor();
      const rows = await page
        .getByRole('table', { name: /Danh sách người được vào vòng/ })
        .locator('tbody tr')
        .allInnerTexts();
      expect(rows.map((r) => r.split('\t')[1].trim()).sort()).toEqual([...ADVANCED].sort());
      expect(rows.join('\n')).toContain(`Suất của ${UNITS[2]}`);
      expect((await ok(stack.http.get(`/rounds/${r2.id}/enrolments`, staffToken))).total).toBe(0);
      await page.getByRole('button', { name: 'Xác nhận cho vào vòng (3 người mới)' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã cho 3 người vào vòng' }).waitFor();
      await page.getByText('3 người', { exact: true }).waitFor();
      await screenshots(page, 'rapporteur-contest-enrolled');
      expect(errors).toEqual([]);
    });
    expect((await ok(stack.http.get(`/rounds/${r1.id}/results`, staffToken))).status).toBe('published');
    const enrolled = await ok(stack.http.get(`/rounds/${r2.id}/enrolments`, staffToken));
    expect(enrolled.items.map((e: { fullName: string }) => e.fullName).sort()).toEqual([...ADVANCED].sort());
  });

  it('the final: entries handed in, marked by three judges on phones, reconciled, published with the decision', async () => {
    await timePasses(r2.id, 'opens_at', 'open');
    const entryOf = new Map<string, string>();
    for (const name of ADVANCED) {
      const e = await ok(
        stack.http.post(
          `/rounds/${r2.id}/entries`,
          { text: `Đề cương thuyết trình của ${name}: Luật Phòng, chống tham nhũng 2018, nêu gương.` },
          residents.get(name)!.token,
        ),
        'hand in',
      );
      entryOf.set(name, e.id);
    }
    // A non-advanced resident is refused.
    const refused = await stack.http.post(`/rounds/${r2.id}/entries`, { text: 'Tôi cũng muốn dự thi.' }, residents.get('Lê Văn Đức')!.token);
    expect([refused.status, refused.body.code]).toEqual([403, 'not_enrolled']);
    await timePasses(r2.id, 'closes_at', 'closed');

    // Khải presented for 12 min 30 s: the organiser records it, the overtime penalty follows.
    await journey(browser, DESKTOP, 'rapporteur-contest-time', async ({ page, errors }) => {
      await signIn(page, stack.url, organiser.email, PASSWORD);
      await page.goto(`${stack.url}/#/giam-khao/vong/${r2.id}`);
      await page.getByRole('link', { name: 'Vũ Đình Khải', exact: true }).click();
      await page.getByRole('heading', { name: 'Chấm bài dự thi', level: 1 }).waitFor();
      await field(page, 'Số phút').fill('12');
      await field(page, 'Số giây').fill('30');
      await page.getByRole('button', { name: 'Lưu thời lượng và vi phạm' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu thời lượng trình bày và vi phạm.' }).waitFor();
      await page.getByText('Quá giờ: trừ 3 điểm', { exact: false }).first().waitFor();
      await page.getByText(/Thời lượng trình bày: 12 phút 30 giây\./).waitFor();
      await look(page, 'presentation-time');
      expect(errors).toEqual([]);
    });
    expect((await ok(stack.http.get(`/entries/${entryOf.get('Vũ Đình Khải')}`, staffToken))).durationSeconds).toBe(750);

    for (const [j, judge] of judges.entries()) {
      await journey(browser, PHONE, `rapporteur-contest-judge-${j + 1}`, async ({ page, errors }) => {
        await signIn(page, stack.url, judge.email, PASSWORD);
        await page.getByRole('link', { name: `Chấm, kết quả: ${FINAL}` }).waitFor();
        if (j === 0) await look(page, 'judge-home');
        await page.getByRole('link', { name: `Chấm, kết quả: ${FINAL}` }).click();
        await page.getByRole('heading', { name: FINAL, level: 1 }).waitFor();
        if (j === 0) await look(page, 'judge-entries');
        for (const name of ADVANCED) {
          await page.getByRole('link', { name, exact: true }).click();
          await page.getByRole('heading', { name: 'Chấm bài dự thi', level: 1 }).waitFor();
          await page.getByText(`Bài của ${name} · ${PEOPLE.find((p) => p.fullName === name)!.unit}.`).waitFor();
          for (const [i, [label, max]] of CRITERIA.entries()) await field(page, `${label} (tối đa ${max} điểm)`).fill(MARKS[name][j][i]);
          await field(page, 'Nhận xét').fill(`Nhận xét của giám khảo ${j + 1} cho bài của ${name}.`);
          if (j === 0 && name === ADVANCED[0]) await look(page, 'judge-marking');
          await page.getByRole('button', { name: 'Nộp điểm' }).click();
          await page.getByText('Đã lưu điểm của bạn.').waitFor();
          if (judge === head && name === 'Phạm Quốc Hưng') {
            // The last mark is in and the judges are 25 points apart: the form to settle it appears at once.
            await page.getByRole('heading', { name: 'Thống nhất điểm (trưởng ban giám khảo)' }).waitFor();
            await page.getByLabel('Cho điểm cuối theo từng tiêu chí').check();
            const form = page.locator('form[aria-labelledby="reconcile"]');
            for (const [i, [label, max]] of CRITERIA.entries()) await field(form, `${label} (tối đa ${max} điểm)`).fill(RECONCILED[i]);
            await field(form, 'Lý do').fill('Giám khảo 2 chấm thấp phần nội dung; ban giám khảo thống nhất theo biên bản họp.');
            await look(page, 'reconcile');
            await form.getByRole('button', { name: 'Xác nhận thống nhất' }).click();
            await page.getByText('Đã thống nhất điểm.').waitFor();
          }
          await page.getByRole('link', { name: '← Về danh sách bài của vòng thi' }).click();
          await page.getByRole('heading', { name: FINAL, level: 1 }).waitFor();
        }
        expect(errors).toEqual([]);
      });
    }
    const marks = await ok(stack.http.get(`/entries/${entryOf.get('Phạm Quốc Hưng')}/scores`, staffToken));
    expect(marks.marking).toMatchObject({ needsReconciliation: false });

    await journey(browser, DESKTOP, 'rapporteur-contest-final', async ({ page, errors }) => {
      await signIn(page, stack.url, organiser.email, PASSWORD);
      await page.getByRole('link', { name: contestTitle }).click();
      await page
        .getByRole('row', { name: new RegExp(FINAL) })
        .getByRole('link', { name: 'Chấm, kết quả' })
        .click();
      await page.getByRole('link', { name: /Đóng vòng.*công bố/ }).click();
      await page.getByRole('heading', { name: `Kết quả: ${FINAL}`, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Đóng vòng thi', exact: true }).click();
      await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /3 người được xếp hạng/ })
        .waitFor();
      const ranking = page.getByRole('table', { name: 'Bảng xếp hạng' });
      await ranking.locator('tbody tr').nth(2).waitFor();
      const rows = await ranking.locator('tbody tr').allInnerTexts();
      ADVANCED.forEach((name, i) => expect(rows[i]).toContain(name));
      expect(rows[0]).toContain('Giải Nhất');
      await look(page, 'final-closed');
      await page.getByRole('button', { name: /^Công bố kết quả/ }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Công bố', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Đã công bố kết quả/ })
        .waitFor();
      await look(page, 'final-published');

      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Kết quả (Excel)' }).click()]);
      const sheet = await readXlsx(readFileSync((await xlsx.path())!));
      const header = sheet.findIndex((r) => r.includes('Hạng') && r.includes('Họ và tên'));
      const data = sheet.slice(header + 1).filter((r) => r.some((c) => c !== null && c !== undefined && c !== ''));
      expect(data.map((r) => r[sheet[header].indexOf('Họ và tên')])).toEqual(ADVANCED);
      expect(data.map((r) => r[sheet[header].indexOf('Giải')])).toEqual(['Giải Nhất', 'Giải Nhì', 'Giải Ba']);

      const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Quyết định khen thưởng (PDF)' }).click()]);
      expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
      expect(
        readFileSync((await pdf.path())!)
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
      expect(errors).toEqual([]);
    });
    const results = await ok(stack.http.get(`/rounds/${r2.id}/results`, staffToken));
    expect(results.status).toBe('published');
    // Dương: mean of 88, 85, 89; Hưng: the head judge's 72; Khải: 62 less 3 for overtime.
    expect(results.items.map((r: { fullName: string; score: number }) => [r.fullName, r.score])).toEqual([
      ['Trần Thị Ánh Dương', 87.33],
      ['Phạm Quốc Hưng', 72],
      ['Vũ Đình Khải', 59],
    ]);
  });
});

async function createStaff(page: Page, s: { fullName: string; email: string; role: string; organisation: string; look?: () => Promise<void> }): Promise<void> {
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const form = page.getByRole('form', { name: 'Tạo tài khoản cán bộ' });
  await field(form, 'Họ và tên').fill(s.fullName);
  await field(form, 'Email').fill(s.email);
  await field(form, 'Vai trò').selectOption({ label: s.role });
  await field(form, 'Đơn vị').selectOption({ label: s.organisation });
  await field(form, 'Mật khẩu tạm').fill(PASSWORD);
  if (s.look) await s.look();
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.getByText(`Đã tạo tài khoản ${s.fullName}`, { exact: false }).waitFor();
}

/** The bank's single-answer questions with their keys, read as the organiser (to answer right or wrong on purpose). */
async function knownBank(stack: Stack, bankId: string, token: string): Promise<KnownQuestion[]> {
  const page = await ok(stack.http.get(`/question-banks/${bankId}/questions?limit=200`, token));
  return (page.items as { id: string; type: string; stem: string; options: { id: string; text: string; correct: boolean }[] }[])
    .filter((q) => q.type === 'single')
    .map((q) => ({
      id: q.id,
      type: 'single',
      stem: q.stem,
      correctTexts: q.options.filter((o) => o.correct).map((o) => o.text),
      wrongTexts: q.options.filter((o) => !o.correct).map((o) => o.text),
      explanation: '',
      bankOptionIds: q.options.map((o) => o.id),
    }));
}
