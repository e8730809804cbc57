import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { entrant, KnownQuestion, waitFor } from '../../libs/contests/test/factories';
import { pdftotext, toUnicodeChars } from '../../libs/judging/test/pdf-reader';
import { readXlsx, takeAttempt } from '../../libs/judging/test/results-helpers';
import { ok, Session } from '../factories';
import { expectAccessible } from './axe';
import { DESKTOP, journey, launchChromium, PHONE, screenshots } from './browser';
import { field, holdFlaggedWinner, signIn, vnLocalInput } from './journey';
import { startStack, Stack } from './stack';

/**
 * Journey (issue 13): the weekly election-law contest run by staff through the web app only,
 * from a blank organisation to the award decision. The admin creates the organisation, an
 * organiser and a judge; the organiser creates a bank and imports it from the downloaded XLSX
 * template, creates the contest (a unit list, the unit required at registration), two weekly
 * rounds with a prediction question, each round's "thể lệ" (score → prediction → time taken;
 * 1 first and 2 second prizes), the contest's award rules (one prize per person, a unit
 * prize, the decision's signer), publishes and assigns the judge from the picker. Residents
 * enter through the API (their attempts are too fast: flagged). The organiser closes week 1
 * early; the judge reviews the flagged winners in the publish confirmation, publishes,
 * downloads the ranking XLSX and the decision PDF (on a phone); the organiser closes and
 * publishes week 2, where week 1's winner gets no second prize, and reads the contest's
 * awards (each winner once, the unit prize to the unit with the most entrants).
 */
jest.setTimeout(420_000);

const ORGANISER_PASSWORD = 'ban-to-chuc-bau-cu-2026';
const JUDGE_PASSWORD = 'giam-khao-bau-cu-2026';
const UNITS = ['Sở Tư pháp', 'UBND xã Phú Mậu', 'Trường THPT Nguyễn Huệ'];

/** The organiser's own questions, written into the downloaded template (6 single-choice). */
const QUESTIONS = [
  {
    stem: 'Việc bầu cử đại biểu Quốc hội và đại biểu HĐND được tiến hành theo những nguyên tắc nào?',
    options: [
      'Phổ thông, bình đẳng, trực tiếp và bỏ phiếu kín',
      'Phổ thông, công khai, trực tiếp',
      'Bình đẳng, gián tiếp và bỏ phiếu kín',
      'Tự nguyện, công khai',
    ],
    correct: 'A',
    ref: 'Điều 1',
  },
  { stem: 'Công dân đủ bao nhiêu tuổi trở lên thì có quyền bầu cử?', options: ['16 tuổi', '18 tuổi', '20 tuổi', '21 tuổi'], correct: 'B', ref: 'Điều 2' },
  {
    stem: 'Công dân đủ bao nhiêu tuổi trở lên thì có quyền ứng cử vào Quốc hội, HĐND?',
    options: ['18 tuổi', '20 tuổi', '21 tuổi', '25 tuổi'],
    correct: 'C',
    ref: 'Điều 2',
  },
  {
    stem: 'Ngày bầu cử đại biểu Quốc hội và đại biểu HĐND phải là ngày nào trong tuần?',
    options: ['Thứ Bảy', 'Chủ nhật', 'Thứ Hai', 'Bất kỳ ngày nào'],
    correct: 'B',
    ref: 'Điều 5',
  },
  {
    stem: 'Cơ quan nào tổ chức bầu cử đại biểu Quốc hội?',
    options: ['Chính phủ', 'Mặt trận Tổ quốc Việt Nam', 'Hội đồng bầu cử quốc gia', 'Bộ Nội vụ'],
    correct: 'C',
    ref: 'Điều 12',
  },
  {
    stem: 'Mỗi cử tri có quyền bỏ mấy phiếu bầu đại biểu Quốc hội?',
    options: ['Một phiếu', 'Hai phiếu', 'Ba phiếu', 'Không giới hạn'],
    correct: 'A',
    ref: 'Điều 69',
  },
];
const LETTERS = ['A', 'B', 'C', 'D'];

/** The questions as the test knows them, to answer right or wrong on purpose. */
const BANK: KnownQuestion[] = QUESTIONS.map((q, i) => {
  const right = LETTERS.indexOf(q.correct);
  return {
    id: `q${i}`,
    type: 'single',
    stem: q.stem,
    correctTexts: [q.options[right]],
    wrongTexts: q.options.filter((_, k) => k !== right),
    explanation: '',
    bankOptionIds: [],
  };
});

interface Person {
  fullName: string;
  unit: string;
}
const P = {
  nhung: { fullName: 'Nguyễn Thị Hồng Nhung', unit: UNITS[0] },
  vuong: { fullName: 'Trần Đức Vượng', unit: UNITS[1] },
  anh: { fullName: 'Lê Thị Ngọc Ánh', unit: UNITS[1] },
  viet: { fullName: 'Phạm Quốc Việt', unit: UNITS[2] },
  huong: { fullName: 'Đỗ Thị Xuân Hương', unit: UNITS[1] },
  khoa: { fullName: 'Vũ Minh Khoa', unit: UNITS[0] },
} satisfies Record<string, Person>;

/**
 * Who enters each week, in this order: which questions (by index) they miss (each a
 * different pattern, so none is flagged identical_answers), their prediction, and a pause
 * before submitting. One person answers everything right each week: the prediction's actual
 * value is 1. Week 1: Vượng and Ánh tie on score; Vượng is slower but predicts exactly.
 */
const WEEK1: [keyof typeof P, number[], number, number][] = [
  ['nhung', [], 3, 0],
  ['anh', [1], 9, 0],
  ['vuong', [0], 1, 1500],
  ['viet', [2, 3], 2, 0],
  ['huong', [0, 4, 5], 5, 0],
];
/** Week 2: Nhung tops it again but won in week 1 (one prize per person): Việt, Khoa, Hương win. */
const WEEK2: [keyof typeof P, number[], number, number][] = [
  ['nhung', [], 1, 0],
  ['khoa', [3], 4, 0],
  ['viet', [5], 1, 1500],
  ['huong', [1, 2], 7, 0],
];

describe('browser: staff run the weekly election-law contest from a blank organisation to the decision PDF', () => {
  let stack: Stack;
  let browser: Browser;
  const t = Date.now().toString(36);
  const orgName = `Sở Tư pháp tỉnh Thừa Thiên Huế ${t}`;
  const organiserEmail = `btc.baucu.${t}@stp-hue.gov.vn`;
  const judgeEmail = `gk.baucu.${t}@stp-hue.gov.vn`;
  const bankName = `Luật Bầu cử 2015 ${t}`;
  const contestTitle = `Tìm hiểu pháp luật về bầu cử đại biểu Quốc hội và HĐND các cấp ${t}`;
  const WEEK1_TITLE = 'Tuần 1: Nguyên tắc bầu cử';
  const WEEK2_TITLE = 'Tuần 2: Tổ chức bầu cử';
  let organiser: Session;
  let contestId: string;
  const roundIds: string[] = [];
  const residents = new Map<keyof typeof P, Session & { input: { nationalId: string; fullName: string; phone: string; password: string } }>();

  beforeAll(async () => {
    stack = await startStack('election-staff');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const roundRow = (page: Page, title: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: title, exact: true }) });

  it('the admin creates the organisation, its organiser and its judge', async () => {
    await journey(browser, DESKTOP, 'election-admin', async ({ page, errors }) => {
      await signIn(page, stack.url, process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
      await page.getByRole('heading', { name: 'Quản trị hệ thống' }).waitFor();
      await page.getByRole('link', { name: 'Đơn vị', exact: true }).click();
      await page.getByRole('heading', { name: 'Đơn vị', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
      const form = page.getByRole('form', { name: 'Thêm đơn vị' });
      await field(page, 'Tên đơn vị').fill(orgName);
      await field(page, 'Cấp').selectOption({ label: 'Cấp tỉnh' });
      await field(page, 'Tỉnh, thành phố').selectOption('Huế');
      await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
      await page.getByText(`Đã thêm đơn vị “${orgName}”.`).waitFor();

      await page.getByRole('link', { name: 'Tài khoản cán bộ' }).click();
      await page.getByRole('heading', { name: 'Tài khoản cán bộ', level: 1 }).waitFor();
      await createStaff(page, { fullName: 'Hoàng Thị Thu', email: organiserEmail, role: 'Ban tổ chức', organisation: orgName, password: ORGANISER_PASSWORD });
      await createStaff(page, { fullName: 'Ngô Văn Bình', email: judgeEmail, role: 'Giám khảo', organisation: orgName, password: JUDGE_PASSWORD });
      expect(errors).toEqual([]);
    });
    const login = await ok(stack.http.post('/auth/login', { login: organiserEmail, password: ORGANISER_PASSWORD }), 'organiser login');
    organiser = { token: login.accessToken, refreshToken: login.refreshToken, user: login.user };
    expect(login.user).toEqual(expect.objectContaining({ role: 'organiser', fullName: 'Hoàng Thị Thu' }));
  });

  it('the organiser imports the bank from the template and builds the contest, its rounds and rules', async () => {
    await journey(browser, DESKTOP, 'election-organiser', async ({ page, errors }) => {
      await signIn(page, stack.url, organiserEmail, ORGANISER_PASSWORD);
      await page.getByRole('heading', { name: 'Quản trị', level: 1 }).waitFor();

      // The bank, filled from the downloaded template.
      await page.getByRole('link', { name: 'Ngân hàng câu hỏi' }).click();
      await field(page, 'Tên ngân hàng').fill(bankName);
      await page.getByRole('button', { name: 'Tạo ngân hàng' }).click();
      await page.getByRole('link', { name: bankName }).click();
      await page.getByRole('link', { name: 'Nhập từ tệp' }).click();
      await page.getByRole('heading', { name: 'Nhập câu hỏi từ tệp' }).waitFor();
      const bankId = /ngan-hang\/([^/]+)\/nhap/.exec(page.url())![1];
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp mẫu Excel' }).click()]);
      expect(download.suggestedFilename()).toBe('mau-nhap-cau-hoi.xlsx');
      const filled = await fillTemplate(readFileSync((await download.path())!));
      await field(page, 'Tệp câu hỏi').setInputFiles({
        name: 'luat-bau-cu.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: filled,
      });
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      await page.getByText(`Tệp hợp lệ: có thể nhập ${QUESTIONS.length} câu hỏi`).waitFor();
      await page.getByRole('button', { name: 'Nhập vào ngân hàng' }).click();
      await page.getByText(`Đã nhập ${QUESTIONS.length} câu hỏi`).waitFor();
      const imported = await ok(stack.http.get(`/question-banks/${bankId}/questions?limit=50`, organiser.token));
      expect(imported.items.map((q: { stem: string }) => q.stem).sort()).toEqual(QUESTIONS.map((q) => q.stem).sort());

      // The contest: a unit list, the unit required at registration.
      await page.getByRole('link', { name: 'Quản trị', exact: true }).first().click();
      await page.getByRole('link', { name: 'Tạo cuộc thi' }).click();
      await page.getByRole('heading', { name: 'Tạo cuộc thi', level: 1 }).waitFor();
      await field(page, 'Tên cuộc thi').fill(contestTitle);
      await field(page, 'Giới thiệu').fill('Cuộc thi trực tuyến hằng tuần dành cho mọi người dân trên địa bàn tỉnh.');
      await field(page, 'Thể lệ').fill('Mỗi tuần một vòng thi 6 câu hỏi trắc nghiệm và một câu hỏi dự đoán. Mỗi người thi tối đa 3 lượt, tính lượt tốt nhất.');
      await field(page, 'Danh sách đơn vị').fill(UNITS.join('\n'));
      await field(page, 'Đơn vị / nơi công tác').check();
      await expectAccessible(page, 'new contest');
      await screenshots(page, 'election-contest-new');
      await page.getByRole('button', { name: 'Tạo cuộc thi' }).click();
      await page.getByRole('button', { name: 'Công bố cuộc thi' }).waitFor();
      contestId = /cuoc-thi\/([0-9a-f-]{36})/.exec(page.url())![1];

      // Two weekly rounds drawing every question of the bank, each with the prediction question.
      for (const [i, title] of [WEEK1_TITLE, WEEK2_TITLE].entries()) {
        await page.getByRole('link', { name: 'Thêm vòng thi' }).click();
        await page.getByRole('heading', { name: 'Thêm vòng thi' }).waitFor();
        await field(page, 'Tên vòng thi').fill(title);
        // Both open now (a minute ago, to the minute), so the residents can enter in the test.
        await field(page, 'Mở lúc').fill(vnLocalInput(Date.now() - 60_000));
        await field(page, 'Đóng lúc').fill(vnLocalInput(Date.now() + (i + 1) * 7 * 86400_000));
        await field(page, 'Thời gian làm bài (phút)').fill('10');
        await field(page, 'Số lượt thi').fill('3');
        await field(page, 'Lượt được tính').selectOption('best');
        await field(page, 'Ngân hàng câu hỏi').selectOption({ label: bankName });
        await field(page, 'Số câu').fill(String(QUESTIONS.length));
        await field(page, 'Một đáp án đúng').check();
        await field(page, 'Có câu hỏi dự đoán').check();
        await field(page, 'Đáp án được tính từ').selectOption({ label: 'Số người trả lời đúng tất cả' });
        if (i === 0) await screenshots(page, 'election-round-new');
        await page.getByRole('button', { name: 'Lưu vòng thi' }).click();
        await page.getByRole('cell', { name: title, exact: true }).waitFor();
      }

      // Each round's "thể lệ": score → prediction → time taken; 1 first prize, 2 second prizes.
      for (const title of [WEEK1_TITLE, WEEK2_TITLE]) {
        await roundRow(page, title).getByRole('link', { name: 'Thể lệ, giải thưởng' }).click();
        await page.getByRole('heading', { name: 'Thể lệ xếp hạng và giải thưởng' }).waitFor();
        await page.getByRole('button', { name: 'Bỏ tiêu chí “Nộp bài sớm hơn”' }).click();
        expect((await page.locator('.chain-list .chain-step').allTextContents()).map((s) => s.replace(/^\d+\.\s*/, ''))).toEqual([
          'Điểm cao hơn',
          'Dự đoán gần đúng hơn',
          'Thời gian làm bài ngắn hơn',
        ]);
        await page.getByRole('button', { name: 'Xóa Giải Khuyến khích' }).click();
        await page.getByRole('button', { name: 'Xóa Giải Ba' }).click();
        const counts = page.getByLabel(/^\s*Số lượng/);
        expect(await counts.count()).toBe(2);
        await counts.nth(0).fill('1');
        await counts.nth(1).fill('2');
        if (title === WEEK1_TITLE) await screenshots(page, 'election-round-rules');
        await page.getByRole('button', { name: 'Lưu thể lệ' }).click();
        await page.getByText('Đã lưu thể lệ xếp hạng và giải thưởng của vòng.').waitFor();
        await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contestId}`);
        await roundRow(page, WEEK2_TITLE).waitFor();
      }

      // The contest's award rules: one prize per person, a unit prize, the decision's signer.
      await page.getByRole('link', { name: 'Giải thưởng toàn cuộc thi' }).click();
      await page.getByRole('heading', { name: 'Giải thưởng toàn cuộc thi' }).waitFor();
      expect(await page.getByLabel('Mỗi người chỉ nhận một giải trong cả cuộc thi').isChecked()).toBe(true);
      await field(page, 'Trao giải cho các đơn vị có nhiều người tham gia').check();
      await page.getByLabel('Đếm số người', { exact: true }).check();
      await field(page, 'Điểm cho mỗi người (hoặc lượt) dự thi').fill('1');
      await page.getByRole('button', { name: 'Thêm giải tập thể' }).click();
      await field(page, 'Tên giải tập thể 1').fill('Giải tập thể xuất sắc');
      await field(page, 'Cơ quan ban hành quyết định').fill('Sở Tư pháp tỉnh Thừa Thiên Huế');
      await field(page, 'Địa danh').fill('Huế');
      await field(page, 'Chức danh người ký').fill('Giám đốc');
      await field(page, 'Họ tên người ký').fill('Nguyễn Văn Hưởng');
      await page.getByRole('button', { name: 'Lưu giải thưởng' }).click();
      await page.getByText('Đã lưu giải thưởng toàn cuộc thi.').waitFor();

      // Publish, then assign the judge to week 1 from the picker.
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contestId}`);
      await page.getByRole('button', { name: 'Công bố cuộc thi' }).click();
      await page.getByText('Đã công bố cuộc thi. Các vòng thi sẽ tự mở theo lịch.').waitFor();
      await roundRow(page, WEEK1_TITLE).getByRole('link', { name: 'Giám khảo', exact: true }).click();
      await page.getByRole('heading', { name: 'Giám khảo của vòng thi', level: 1 }).waitFor();
      await field(page, 'Tìm giám khảo theo tên hoặc email').fill('Bình');
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('select[name="userId"] option').length === 2);
      await field(page, 'Giám khảo').selectOption({ label: `Ngô Văn Bình — ${judgeEmail}` });
      await page.getByRole('button', { name: 'Phân công' }).click();
      await page.getByText('Đã phân công Ngô Văn Bình chấm vòng thi.').waitFor();
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contestId}`);
      await roundRow(page, WEEK2_TITLE).waitFor();
      await screenshots(page, 'election-contest');
      expect(errors).toEqual([]);
    });

    // What the screens made, read from the API.
    const contest = await ok(stack.http.get(`/contests/${contestId}`, organiser.token));
    expect(contest).toEqual(expect.objectContaining({ title: contestTitle, status: 'published', unitList: UNITS, requiredFields: ['unit'] }));
    const rounds = await ok(stack.http.get(`/contests/${contestId}/rounds`, organiser.token));
    expect(rounds.map((r: { title: string }) => r.title)).toEqual([WEEK1_TITLE, WEEK2_TITLE]);
    for (const r of rounds) {
      roundIds.push(r.id);
      expect(r).toEqual(
        expect.objectContaining({
          kind: 'quiz',
          maxAttempts: 3,
          attemptScoring: 'best',
          durationSeconds: 600,
          prediction: expect.objectContaining({ target: 'perfect-score-entrants' }),
        }),
      );
      const rules = await ok(stack.http.get(`/rounds/${r.id}/rules`, organiser.token));
      expect(rules.rankingRules.chain).toEqual(['score', 'prediction', 'time-taken']);
      expect(rules.prizes.tiers.map((x: { name: string; count: number }) => [x.name, x.count])).toEqual([
        ['Giải Nhất', 1],
        ['Giải Nhì', 2],
      ]);
    }
    const awardRules = await ok(stack.http.get(`/contests/${contestId}/award-rules`, organiser.token));
    expect(awardRules).toEqual(
      expect.objectContaining({
        acrossRounds: 'highest-only',
        unitPrizes: expect.objectContaining({ countBy: 'people', points: 1, tiers: [{ code: 'u1', name: 'Giải tập thể xuất sắc', count: 1 }] }),
        documents: expect.objectContaining({ signerName: 'Nguyễn Văn Hưởng' }),
      }),
    );
    const judges = await ok(stack.http.get(`/rounds/${roundIds[0]}/judges`, organiser.token));
    expect(judges.map((j: { email: string }) => j.email)).toEqual([judgeEmail]);
  });

  it('residents enter both weeks (through the API)', async () => {
    for (const id of roundIds)
      await waitFor(async () => ((await ok(stack.http.get(`/rounds/${id}`, organiser.token))).status === 'open' ? true : undefined), 30_000, 250);
    const enter = async (roundId: string, week: typeof WEEK1) => {
      for (const [who, miss, prediction, pause] of week) {
        let r = residents.get(who);
        if (!r) {
          r = await entrant(stack.http, contestId, { unit: P[who].unit }, { fullName: P[who].fullName });
          residents.set(who, r);
        }
        const missed = new Set(miss.map((i) => QUESTIONS[i].stem));
        const a = await takeAttempt(stack.http, r.token, roundId, BANK, (q) => !missed.has(q.stem), prediction, pause);
        expect(a.score).toBe(QUESTIONS.length - miss.length);
      }
    };
    await enter(roundIds[0], WEEK1);
    await enter(roundIds[1], WEEK2);
  });

  it('the organiser closes week 1 early; the judge reviews the flagged winners, publishes, downloads the ranking and the decision PDF on a phone', async () => {
    await journey(browser, DESKTOP, 'election-close-week1', async ({ page, errors }) => {
      await signIn(page, stack.url, organiserEmail, ORGANISER_PASSWORD);
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contestId}`);
      await roundRow(page, WEEK1_TITLE).getByRole('link', { name: 'Chấm, kết quả' }).click();
      await page.getByRole('heading', { name: WEEK1_TITLE, level: 1 }).waitFor();
      await page.getByRole('link', { name: /Đóng vòng.*công bố/ }).click();
      await page.getByRole('heading', { name: `Kết quả: ${WEEK1_TITLE}`, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Đóng vòng thi', exact: true }).click();
      await field(page, 'Đóng sớm trước giờ đóng').check();
      // The prediction's actual value is counted by the server: nothing to type.
      await page.getByText('Đáp án câu hỏi dự đoán do hệ thống tự đếm khi đóng vòng: số người trả lời đúng tất cả các câu.').waitFor();
      expect(await page.getByLabel(/Đáp án \(giá trị thực tế\)/).count()).toBe(0);
      await expectAccessible(page, 'close confirmation (organiser, early)');
      await screenshots(page, 'election-close-early');
      await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /5 người được xếp hạng, 3 người đạt giải/ })
        .waitFor();
      expect(errors).toEqual([]);
    });

    await journey(browser, PHONE, 'election-judge-week1', async ({ page, errors }) => {
      await signIn(page, stack.url, judgeEmail, JUDGE_PASSWORD);
      await page.getByRole('link', { name: contestTitle }).click();
      await page.getByRole('link', { name: 'Chấm, kết quả' }).first().click();
      await page.getByRole('heading', { name: WEEK1_TITLE, level: 1 }).waitFor();
      await page.getByRole('link', { name: /Đóng vòng.*công bố/ }).click();
      await page.getByRole('heading', { name: `Kết quả: ${WEEK1_TITLE}`, level: 1 }).waitFor();
      const ranking = page.getByRole('table', { name: 'Bảng xếp hạng' });
      await ranking
        .locator('tbody tr')
        .nth(WEEK1.length - 1)
        .waitFor();
      const rows = await ranking.locator('tbody tr').allInnerTexts();
      // Vượng and Ánh tie on 5 points: Vượng took longer but predicted exactly.
      expect(rows.map((r) => Object.values(P).find((p) => r.includes(p.fullName))?.fullName)).toEqual(
        [P.nhung, P.vuong, P.anh, P.viet, P.huong].map((p) => p.fullName),
      );
      expect(rows[0]).toContain('Giải Nhất');
      expect(rows[1]).toContain('Giải Nhì');
      expect(rows[2]).toContain('Giải Nhì');
      await expectAccessible(page, 'results page, closed, on a phone');
      await screenshots(page, 'election-week1-closed');

      // Every winner answered in milliseconds (too_fast): the judge keeps each with a reason.
      await page.getByRole('button', { name: /^Công bố kết quả/ }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByText('Chưa công bố được: 3 người đạt giải có lượt thi bị gắn cờ mà ban giám khảo chưa xem xét.').waitFor();
      await expectAccessible(page, 'publish confirmation with flagged winners, on a phone');
      await screenshots(page, 'election-publish-flagged');
      for (let left = 3; left > 0; left--) await holdFlaggedWinner(dialog, 'Đã gọi điện xác minh: người dự thi tự làm bài, trả lời nhanh vì ôn kỹ', left);
      // Week 2 still draws the same questions: their keys stay withheld.
      await dialog.getByText(/câu hỏi sẽ được giữ kín .* vì vòng thi đang mở hoặc sắp mở còn dùng các câu này/).waitFor();
      await screenshots(page, 'election-publish-confirm');
      await dialog.getByRole('button', { name: 'Công bố', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Đã công bố kết quả/ })
        .waitFor();
      await screenshots(page, 'election-week1-published');

      // The ranking as XLSX.
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Kết quả (Excel)' }).click()]);
      expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
      const sheet = await readXlsx(readFileSync((await xlsx.path())!));
      const header = sheet.findIndex((r) => r.includes('Hạng') && r.includes('Họ và tên'));
      expect(header).toBeGreaterThanOrEqual(0);
      const col = (name: string) => sheet[header].indexOf(name);
      const data = sheet.slice(header + 1).filter((r) => r.some((c) => c !== null && c !== undefined && c !== ''));
      expect(data.map((r) => r[col('Họ và tên')])).toEqual([P.nhung, P.vuong, P.anh, P.viet, P.huong].map((p) => p.fullName));
      expect(data.map((r) => r[col('Giải')] ?? null)).toEqual(['Giải Nhất', 'Giải Nhì', 'Giải Nhì', null, null]);

      // The award decision as a PDF naming the three winners, signed as the award rules say.
      const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Quyết định khen thưởng (PDF)' }).click()]);
      expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
      const buf = readFileSync((await pdf.path())!);
      expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(buf.length).toBeGreaterThan(5_000);
      const winners = [P.nhung, P.vuong, P.anh].map((p) => p.fullName);
      const text = pdftotext(buf);
      if (text) {
        const all = text.join(' ');
        for (const name of [...winners, 'Nguyễn Văn Hưởng']) expect(all).toContain(name);
        expect(all).not.toContain(P.viet.fullName);
      } else {
        // No poppler here: at least every letter of the names is in the PDF's text layer.
        const mapped = toUnicodeChars(buf);
        const letters = [...new Set([...winners.join('')].filter((c) => c.charCodeAt(0) > 127))];
        expect(letters.filter((c) => !mapped.has(c))).toEqual([]);
      }
      expect(errors).toEqual([]);
    });

    const results = await ok(stack.http.get(`/rounds/${roundIds[0]}/results`, organiser.token));
    expect(results.status).toBe('published');
  });

  it('the organiser closes and publishes week 2: one prize per person, and the unit prize', async () => {
    await journey(browser, DESKTOP, 'election-week2', async ({ page, errors }) => {
      await signIn(page, stack.url, organiserEmail, ORGANISER_PASSWORD);
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contestId}`);
      await roundRow(page, WEEK2_TITLE).getByRole('link', { name: 'Chấm, kết quả' }).click();
      await page.getByRole('link', { name: /Đóng vòng.*công bố/ }).click();
      await page.getByRole('heading', { name: `Kết quả: ${WEEK2_TITLE}`, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Đóng vòng thi', exact: true }).click();
      await field(page, 'Đóng sớm trước giờ đóng').check();
      await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /4 người được xếp hạng, 3 người đạt giải/ })
        .waitFor();
      const ranking = page.getByRole('table', { name: 'Bảng xếp hạng' });
      await ranking
        .locator('tbody tr')
        .nth(WEEK2.length - 1)
        .waitFor();
      const rows = await ranking.locator('tbody tr').allInnerTexts();
      expect(rows.map((r) => Object.values(P).find((p) => r.includes(p.fullName))?.fullName)).toEqual(
        [P.nhung, P.viet, P.khoa, P.huong].map((p) => p.fullName),
      );
      // Nhung won week 1: first on the board, no prize; the prizes go to the next three.
      expect(rows[0]).not.toMatch(/Giải (Nhất|Nhì)/);
      expect(rows[1]).toContain('Giải Nhất');
      expect(rows[2]).toContain('Giải Nhì');
      expect(rows[3]).toContain('Giải Nhì');
      await screenshots(page, 'election-week2-closed');

      await page.getByRole('button', { name: /^Công bố kết quả/ }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByText(/Chưa công bố được: 3 người đạt giải/).waitFor();
      for (let left = 3; left > 0; left--) await holdFlaggedWinner(dialog, 'Ban tổ chức đã xác minh: người dự thi tự làm bài', left);
      await dialog.getByRole('button', { name: 'Công bố', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Đã công bố kết quả/ })
        .waitFor();
      await screenshots(page, 'election-week2-published');

      // The contest's awards, on the award rules page: each winner once, and the unit prize.
      await page.goto(`${stack.url}/#/quan-tri/cuoc-thi/${contestId}`);
      await page.getByRole('link', { name: 'Giải thưởng toàn cuộc thi' }).click();
      const panel = page.getByRole('region', { name: 'Danh sách đạt giải toàn cuộc thi' });
      const people = panel.getByRole('table', { name: 'Cá nhân đạt giải toàn cuộc thi' });
      await people.locator('tbody tr').nth(5).waitFor();
      expect(await people.locator('tbody tr').count()).toBe(6);
      await panel.getByText(`Tính từ kết quả vòng 1: ${WEEK1_TITLE}; vòng 2: ${WEEK2_TITLE}.`).waitFor();
      const units = await panel.getByRole('table', { name: 'Xếp hạng đơn vị' }).locator('tbody tr').allInnerTexts();
      expect(units[0].split('\t').map((c) => c.trim())).toEqual(['1', 'UBND xã Phú Mậu', '3', '3', 'Giải tập thể xuất sắc']);
      expect(units).toHaveLength(3);
      await panel.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'contest awards');
      await screenshots(page, 'election-contest-awards');
      expect(errors).toEqual([]);
    });

    // The contest's awards: each winner once, and the unit with the most entrants gets the unit prize.
    const awards = await ok(stack.http.get(`/contests/${contestId}/awards`, organiser.token));
    const names = new Map([...residents].map(([k, r]) => [r.user.id, P[k].fullName]));
    const won = awards.winners.map((w: { userId: string; roundSeq: number; prize: { name: string } }) => [names.get(w.userId), w.roundSeq, w.prize.name]);
    expect(won.sort()).toEqual(
      [
        [P.nhung.fullName, 1, 'Giải Nhất'],
        [P.vuong.fullName, 1, 'Giải Nhì'],
        [P.anh.fullName, 1, 'Giải Nhì'],
        [P.viet.fullName, 2, 'Giải Nhất'],
        [P.khoa.fullName, 2, 'Giải Nhì'],
        [P.huong.fullName, 2, 'Giải Nhì'],
      ].sort(),
    );
    const units = awards.units as { unit: string; prize: { name: string } | string | null; rank: number }[];
    expect(units[0]).toEqual(expect.objectContaining({ unit: 'UBND xã Phú Mậu', rank: 1 }));
    expect(JSON.stringify(units[0].prize)).toContain('Giải tập thể xuất sắc');
  });
});

async function createStaff(page: Page, s: { fullName: string; email: string; role: string; organisation: string; password: string }): Promise<void> {
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const form = page.getByRole('form', { name: 'Tạo tài khoản cán bộ' });
  await field(form, 'Họ và tên').fill(s.fullName);
  await field(form, 'Email').fill(s.email);
  await field(form, 'Vai trò').selectOption({ label: s.role });
  await field(form, 'Đơn vị').selectOption({ label: s.organisation });
  await field(form, 'Mật khẩu tạm').fill(s.password);
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.getByText(`Đã tạo tài khoản ${s.fullName}`, { exact: false }).waitFor();
}

/** The downloaded template with its example rows replaced by the organiser's questions, by the Vietnamese headers. */
async function fillTemplate(buf: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
  const col = (name: string) => {
    const i = headers.indexOf(name);
    if (i < 1) throw new Error(`the template has no column “${name}”: ${headers.join(' | ')}`);
    return i;
  };
  const last = sheet.rowCount;
  for (let n = last; n > 1; n--) sheet.spliceRows(n, 1);
  QUESTIONS.forEach((q, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(col('Chủ đề')).value = 'Luật Bầu cử 2015/Chương I';
    row.getCell(col('Căn cứ pháp lý')).value = `Luật Bầu cử đại biểu Quốc hội và đại biểu HĐND 2015, ${q.ref}`;
    row.getCell(col('Loại câu hỏi')).value = 'Một đáp án đúng';
    row.getCell(col('Độ khó')).value = 1;
    row.getCell(col('Điểm')).value = 1;
    row.getCell(col('Nội dung câu hỏi')).value = q.stem;
    q.options.forEach((o, k) => (row.getCell(col(`Phương án ${LETTERS[k]}`)).value = o));
    row.getCell(col('Đáp án')).value = q.correct;
    row.getCell(col('Giải thích')).value = `${q.ref} Luật Bầu cử.`;
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
