import { Client } from 'pg';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newResident, newStaff, ok, Session } from '../../../test/factories';
import { entrant, liveQuiz, orgWithBank, OrgSetup } from '../../contests/test/factories';
import { addDays, previousPeriod, reportPeriod, vnDay } from '../src/common/period';
import type { ContestStatistics } from '../src/contest/contest-statistics.types';
import type { OrganisationReport } from '../src/report/organisation-report.types';
import { download, enterAs, formulas, openXlsx, rowsOf, type Verdict } from './helpers';

const QN = 'Quảng Ninh';
const HN = 'Hà Nội';
const EVIL_UNIT = '=HYPERLINK("http://x.example","bấm")';

/**
 * A contest whose numbers are known in advance: five residents in two provinces and four
 * units take two attempts each at a round of four questions, answering each question in a
 * set way; a sixth enters once and is voided. Everything goes through the real API; only
 * the fixture's dates (one resident's entries moved into the previous half year) and the
 * void are set in PostgreSQL directly.
 */
describe('contest statistics and the period report', () => {
  let api: TestApi;
  let http: Http;
  let admin: Session;
  let setup: OrgSetup;
  let contestId: string;
  let roundId: string;
  let judge: Session;
  let pg: Client;
  const today = vnDay(new Date());
  const month = Number(today.slice(5, 7));
  const current = reportPeriod(Number(today.slice(0, 4)), month <= 6 ? 1 : 2);
  const previous = previousPeriod(current);
  const earlyDay = addDays(previous.from, 14);

  // Question i of the bank: 0 always right, 1 always wrong, 2 right on the first attempt, 3
  // skipped on the first attempt and right on the second for the first three residents.
  const how =
    (person: number, attempt: number) =>
    (q: { stem: string }, bank: { stem: string }[]): Verdict => {
      const i = bank.findIndex((b) => b.stem === q.stem);
      if (i === 0) return 'right';
      if (i === 1) return 'wrong';
      if (i === 2) return attempt === 0 ? 'right' : 'wrong';
      if (attempt === 0) return 'skip';
      return person < 3 ? 'right' : 'wrong';
    };

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    admin = await loginAdmin(http);
    setup = await orgWithBank(http, admin, 4, ['single']);
    const live = await liveQuiz(http, setup, {
      maxAttempts: 2,
      selection: [{ bankId: setup.bankId, count: 4 }],
      prizes: [
        { name: 'Giải Nhất', count: 1 },
        { name: 'Giải Nhì', count: 1 },
      ],
    });
    contestId = live.contest.id;
    roundId = live.round.id;
    const people = [
      { over: { province: QN, commune: 'Phường Hạ Long', unit: 'Trường THPT Hòn Gai' } },
      { over: { province: QN, commune: 'Phường Hạ Long', unit: 'Trường THPT Hòn Gai' }, body: { unit: EVIL_UNIT } },
      { over: { province: QN, commune: 'Phường Bãi Cháy', unit: 'Trường THPT Hòn Gai' } },
      { over: { province: HN, commune: 'Phường Ba Đình', unit: undefined } },
      { over: { province: HN, commune: 'Phường Ba Đình', unit: 'Sở Tư pháp Hà Nội' } },
      { over: { province: HN, commune: 'Phường Ba Đình', unit: 'Sở Tư pháp Hà Nội' } },
    ];
    const sessions: Session[] = [];
    for (const p of people) sessions.push(await entrant(http, contestId, p.body ?? {}, p.over));
    for (let person = 0; person < 5; person++) {
      for (let attempt = 0; attempt < 2; attempt++) {
        await enterAs(http, sessions[person], roundId, setup.questions, (q) => how(person, attempt)(q, setup.questions));
      }
    }
    const voided = await enterAs(http, sessions[5], roundId, setup.questions, () => 'right');
    pg = new Client({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    await pg.query("UPDATE attempt SET status = 'void', void_reason = 'test' WHERE id = $1", [voided.attemptId]);
    // The fifth resident's entries were made in the previous reporting period.
    await pg.query(`UPDATE attempt SET submitted_at = $2::timestamptz, started_at = $2::timestamptz - interval '2 minutes' WHERE user_id = $1`, [
      sessions[4].user.id,
      `${earlyDay}T10:00:00+07:00`,
    ]);
    judge = await newStaff(http, admin, 'judge', setup.org.id);
  });
  afterAll(async () => {
    await pg?.end();
    await api?.close();
  });

  const stats = async (query = '', token = setup.organiser.token) => http.get<ContestStatistics>(`/contests/${contestId}/statistics${query}`, token);

  it('counts entries, entrants, places, scores and questions exactly', async () => {
    const res = await stats();
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.totals).toEqual({ registrations: 6, entries: 10, uniqueEntrants: 5, submitted: 10, expired: 0, voided: 1, averageScorePercent: 45 });
    expect(s.rounds).toHaveLength(1);
    expect(s.rounds[0]).toMatchObject({
      id: roundId,
      seq: 1,
      entries: 10,
      uniqueEntrants: 5,
      averageScore: 1.8,
      maxScore: 4,
      averageScorePercent: 45,
      perfectEntries: 0,
    });
    expect(s.byProvince).toEqual([
      { province: QN, entries: 6, uniqueEntrants: 3 },
      { province: HN, entries: 4, uniqueEntrants: 2 },
    ]);
    expect(s.byCommune).toEqual([
      { province: HN, commune: 'Phường Ba Đình', entries: 4, uniqueEntrants: 2 },
      { province: QN, commune: 'Phường Hạ Long', entries: 4, uniqueEntrants: 2 },
      { province: QN, commune: 'Phường Bãi Cháy', entries: 2, uniqueEntrants: 1 },
    ]);
    // The unit given at registration wins over the profile's; no unit at all is its own row.
    expect(s.byUnit[0]).toEqual({ unit: 'Trường THPT Hòn Gai', entries: 4, uniqueEntrants: 2 });
    expect(s.byUnit.slice(1)).toHaveLength(3);
    expect(s.byUnit.slice(1)).toEqual(
      expect.arrayContaining([
        { unit: EVIL_UNIT, entries: 2, uniqueEntrants: 1 },
        { unit: 'Sở Tư pháp Hà Nội', entries: 2, uniqueEntrants: 1 },
        { unit: null, entries: 2, uniqueEntrants: 1 },
      ]),
    );
    // Scores: first attempts 2/4, second attempts 2/4 for three people and 1/4 for two.
    const bands = s.scoreDistribution[0];
    expect(bands.entries).toBe(10);
    expect(bands.bands.map((b) => b.count)).toEqual([0, 0, 2, 0, 0, 8, 0, 0, 0, 0]);
    expect(bands.bands[5]).toEqual({ fromPercent: 50, toPercent: 60, count: 8 });
  });

  it('finds the bad questions: correct rates, answers per option and times', async () => {
    const s = (await stats()).body;
    const byStem = (i: number) => s.questions.find((q) => q.stem === setup.questions[i].stem)!;
    expect(s.questionsStatus).toBe('complete');
    expect(s.questions).toHaveLength(4);
    expect(byStem(0)).toMatchObject({ drawn: 10, answered: 10, correct: 10, correctPercent: 100, flags: ['too_easy'] });
    expect(byStem(1)).toMatchObject({ drawn: 10, answered: 10, correct: 0, correctPercent: 0, flags: ['too_hard', 'key_suspect'] });
    expect(byStem(2)).toMatchObject({ drawn: 10, answered: 10, correct: 5, correctPercent: 50, flags: [] });
    expect(byStem(3)).toMatchObject({ drawn: 10, answered: 5, correct: 3, correctPercent: 30, flags: [] });
    // Question 1: everyone picked its first wrong option, nobody the key.
    const wrong = setup.questions[1].wrongTexts[0];
    expect(byStem(1).choices!.find((c) => c.text === wrong)!.count).toBe(10);
    expect(
      byStem(1)
        .choices!.filter((c) => c.correct)
        .map((c) => c.count),
    ).toEqual([0]);
    for (const q of s.questions) expect(q.averageTimeMs === null || q.averageTimeMs >= 0).toBe(true);
    expect(byStem(0).averageTimeMs).not.toBeNull();
    // Worst first: sorted by correct rate within the round.
    expect(s.questions.map((q) => q.correctPercent)).toEqual([0, 30, 50, 100]);
  });

  it('splits entries by Vietnam day and round, filling quiet days, and filters by period', async () => {
    const s = (await stats()).body;
    const first = s.perDay[0];
    expect(first).toEqual({ date: earlyDay, entries: 2, uniqueEntrants: 1, rounds: [{ roundId, entries: 2, uniqueEntrants: 1 }] });
    const last = s.perDay[s.perDay.length - 1];
    expect(last).toMatchObject({ date: today, entries: 8, uniqueEntrants: 4 });
    expect(s.perDay.reduce((n, d) => n + d.entries, 0)).toBe(10);
    expect(s.perDay[1]).toEqual({ date: addDays(earlyDay, 1), entries: 0, uniqueEntrants: 0, rounds: [] });

    const onlyToday = (await stats(`?from=${today}&to=${today}`)).body;
    expect(onlyToday.period).toEqual({ from: today, to: today, timeZone: 'Asia/Ho_Chi_Minh' });
    expect(onlyToday.totals).toMatchObject({ entries: 8, uniqueEntrants: 4 });
    expect(onlyToday.perDay).toEqual([{ date: today, entries: 8, uniqueEntrants: 4, rounds: [{ roundId, entries: 8, uniqueEntrants: 4 }] }]);
    expect(onlyToday.byProvince).toEqual([
      { province: QN, entries: 6, uniqueEntrants: 3 },
      { province: HN, entries: 2, uniqueEntrants: 1 },
    ]);
  });

  it('writes every section to its own sheet with Vietnamese headers, formulas neutralised', async () => {
    const f = await download(api.url, `/contests/${contestId}/statistics?format=xlsx`, setup.organiser.token);
    expect(f.status).toBe(200);
    expect(f.type).toContain('spreadsheetml');
    expect(f.disposition).toMatch(/^attachment; filename="thong-ke-.*\.xlsx"/);
    const wb = await openXlsx(f.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng quan',
      'Theo vòng',
      'Theo ngày',
      'Theo tỉnh, thành phố',
      'Theo xã, phường',
      'Theo đơn vị',
      'Phân bố điểm',
      'Theo câu hỏi',
    ]);
    const overview = rowsOf(wb, 'Tổng quan');
    expect(overview[0]).toEqual(['Chỉ tiêu', 'Giá trị']);
    expect(overview).toContainEqual(['Lượt dự thi', 10]);
    expect(overview).toContainEqual(['Người dự thi (không trùng)', 5]);
    expect(rowsOf(wb, 'Theo tỉnh, thành phố')).toEqual([
      ['Tỉnh, thành phố', 'Lượt dự thi', 'Người dự thi'],
      [QN, 6, 3],
      [HN, 4, 2],
    ]);
    const units = rowsOf(wb, 'Theo đơn vị');
    expect(units).toContainEqual([`'${EVIL_UNIT}`, 2, 1]);
    expect(units).toContainEqual(['(Không rõ)', 2, 1]);
    expect(formulas(wb)).toEqual([]);
    const questions = rowsOf(wb, 'Theo câu hỏi');
    expect(questions[0]).toEqual([
      'Vòng',
      'Mã câu hỏi',
      'Loại câu hỏi',
      'Nội dung câu hỏi',
      'Số lượt ra đề',
      'Số lượt trả lời',
      'Số lượt trả lời đúng',
      'Tỷ lệ đúng (%)',
      'Thời gian TB (giây)',
      'Cảnh báo',
    ]);
    const hard = questions.find((r) => r[3] === setup.questions[1].stem)!;
    expect(hard.slice(4, 8)).toEqual([10, 10, 0, 0]);
    expect(String(hard[9])).toContain('Tỷ lệ đúng rất thấp');
    expect(rowsOf(wb, 'Phân bố điểm')).toContainEqual(['Vòng 1', '50–60%', 8]);
    expect(rowsOf(wb, 'Theo ngày')[0]).toEqual(['Ngày', 'Lượt dự thi', 'Người dự thi', 'Vòng 1: lượt dự thi', 'Vòng 1: người dự thi']);
  });

  it('lets organisers of the contest, its judges and admins in; others learn nothing', async () => {
    expect((await stats('', admin.token)).status).toBe(200);
    // A judge of the organisation sees it only once assigned to one of its rounds.
    expectError(await stats('', judge.token), 403);
    await ok(http.post(`/rounds/${roundId}/judges`, { userId: judge.user.id }, setup.organiser.token), 'assign judge');
    expect((await stats('', judge.token)).body.totals.entries).toBe(10);

    const other = await orgWithBank(http, admin, 1);
    expectError(await stats('', other.organiser.token), 404);
    const resident = await newResident(http);
    expect([403, 404]).toContain((await stats('', resident.token)).status);
    expectError(await http.get(`/contests/${contestId}/statistics`), 401);
  });

  it('refuses bad queries with the field named, and unknown ids with 404', async () => {
    const fmt = expectError(await stats('?format=pdf'), 400);
    expect(fmt.details).toEqual([expect.objectContaining({ field: 'format' })]);
    const day = expectError(await stats('?from=2026-02-30'), 400);
    expect(day.details).toEqual([expect.objectContaining({ field: 'from' })]);
    expectError(await stats('?to=tomorrow'), 400);
    expectError(await stats('?colour=red'), 400);
    const order = expectError(await stats('?from=2026-05-02&to=2026-05-01'), 400);
    expect(order.details).toEqual([expect.objectContaining({ field: 'to' })]);
    expectError(await http.get('/contests/00000000-0000-4000-8000-000000000000/statistics', setup.organiser.token), 404);
    expectError(await http.get('/contests/not-a-uuid/statistics', setup.organiser.token), 400);
  });

  describe('the period report', () => {
    const report = (query: string, token = setup.organiser.token, org = setup.org.id) =>
      http.get<OrganisationReport>(`/organisations/${org}/report${query}`, token);

    it('sums the half year and compares it with the one before', async () => {
      const res = await report(`?year=${current.year}&half=${current.half}`);
      expect(res.status).toBe(200);
      const r = res.body;
      expect(r.organisation).toMatchObject({ id: setup.org.id, name: setup.org.name });
      expect(r.period).toMatchObject({ from: current.from, to: current.to, label: current.label });
      expect(r.previousPeriod).toMatchObject({ from: previous.from, to: previous.to });
      expect(r.current).toEqual({ contests: 1, rounds: 1, registrations: 6, entries: 8, uniqueEntrants: 4, winners: 0 });
      expect(r.previous).toEqual({ contests: 0, rounds: 0, registrations: 0, entries: 2, uniqueEntrants: 1, winners: 0 });
      expect(r.change.entries).toEqual({ difference: 6, percent: 300 });
      expect(r.change.contests).toEqual({ difference: 1, percent: null });
      expect(r.contests).toEqual([expect.objectContaining({ id: contestId, rounds: 1, registrations: 6, entries: 8, uniqueEntrants: 4 })]);
      expect(r.byProvince).toEqual([
        { province: QN, entries: 6, uniqueEntrants: 3 },
        { province: HN, entries: 2, uniqueEntrants: 1 },
      ]);
      expect(r.byUnit[0]).toEqual({ unit: 'Trường THPT Hòn Gai', entries: 4, uniqueEntrants: 2 });
    });

    it('covers the whole year when no half is given', async () => {
      const r = (await report(`?year=${current.year}`)).body;
      expect(r.period).toMatchObject({ half: null, from: `${current.year}-01-01`, to: `${current.year}-12-31` });
      const sameYear = previous.year === current.year;
      expect(r.current.entries).toBe(sameYear ? 10 : 8);
    });

    it('downloads as a workbook', async () => {
      const f = await download(api.url, `/organisations/${setup.org.id}/report?year=${current.year}&half=${current.half}&format=xlsx`, setup.organiser.token);
      expect(f.status).toBe(200);
      const wb = await openXlsx(f.body);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Cuộc thi', 'Theo tỉnh, thành phố', 'Theo đơn vị']);
      const summary = rowsOf(wb, 'Tổng hợp');
      expect(summary[0]).toEqual(['Chỉ tiêu', 'Kỳ báo cáo', 'Kỳ trước', 'Chênh lệch', 'Tăng, giảm (%)']);
      expect(summary).toContainEqual(['Lượt dự thi', 8, 2, 6, 300]);
      expect(summary).toContainEqual(['Đơn vị báo cáo', setup.org.name]);
      expect(summary.find((r) => r[0] === 'Người đoạt giải')).toEqual(['Người đoạt giải', 0, 0, 0]);
      expect(formulas(wb)).toEqual([]);
    });

    it('is for organisers of the organisation and admins', async () => {
      expect((await report(`?year=${current.year}`, admin.token)).status).toBe(200);
      expectError(await report(`?year=${current.year}`, judge.token), 403);
      const other = await orgWithBank(http, admin, 1);
      expectError(await report(`?year=${current.year}`, other.organiser.token), 404);
      expectError(await report(`?year=${current.year}`, setup.organiser.token, '00000000-0000-4000-8000-000000000000'), 404);
    });

    it('refuses a missing year, a third half and an unknown format', async () => {
      expect(expectError(await report(''), 400).details).toEqual([expect.objectContaining({ field: 'year' })]);
      expectError(await report('?year=abc'), 400);
      expect(expectError(await report(`?year=${current.year}&half=3`), 400).details).toEqual([expect.objectContaining({ field: 'half' })]);
      expectError(await report(`?year=${current.year}&format=csv`), 400);
    });
  });

  // Last: it adds an entry, changing the figures the tests above rely on.
  it('caches answers per round and day, and groups again only the day whose entries changed', async () => {
    const tally = async () =>
      (await pg.query('SELECT day::text AS day, fingerprint, entries, computed_at FROM statistics_answer_tally WHERE round_id = $1 ORDER BY day', [roundId]))
        .rows as {
        day: string;
        fingerprint: string;
        entries: number;
        computed_at: Date;
      }[];
    await stats();
    const before = await tally();
    expect(before.map((r) => [r.day, r.entries])).toEqual([
      [earlyDay, 2],
      [today, 8],
    ]);
    const newcomer = await entrant(http, contestId, {}, { province: HN });
    await enterAs(http, newcomer, roundId, setup.questions, () => 'right');
    const s = (await stats()).body;
    const after = await tally();
    expect(after.map((r) => [r.day, r.entries])).toEqual([
      [earlyDay, 2],
      [today, 9],
    ]);
    expect(after[0].computed_at).toEqual(before[0].computed_at);
    expect(after[1].fingerprint).not.toBe(before[1].fingerprint);
    expect(s.questions.find((q) => q.stem === setup.questions[1].stem)).toMatchObject({ drawn: 11, correct: 1 });
    // A cached day that no longer matches (an entry voided) is grouped again too.
    await pg.query("UPDATE attempt SET status = 'void' WHERE user_id = $1", [newcomer.user.id]);
    expect((await stats()).body.questions.find((q) => q.stem === setup.questions[1].stem)).toMatchObject({ drawn: 10, correct: 0 });
  });

  it('counts the people given a prize in results published during the period', async () => {
    await ok(http.post(`/rounds/${roundId}/close`, { force: true }, setup.organiser.token), 'close');
    // The winners answered in milliseconds and alike (too_fast, identical_answers): no prize is published before someone reviews them.
    const provisional = await ok(http.get<{ flaggedWinners: { attemptId: string }[] }>(`/rounds/${roundId}/results`, setup.organiser.token), 'results');
    expect(provisional.flaggedWinners.length).toBeGreaterThan(0);
    for (const w of provisional.flaggedWinners)
      await ok(http.post(`/attempts/${w.attemptId}/clear`, { reason: 'Đã xem xét: cùng đáp án vì cùng học một tài liệu' }, setup.organiser.token), 'clear');
    await ok(http.post(`/rounds/${roundId}/results/publish`, {}, setup.organiser.token), 'publish');
    const r = (await http.get<OrganisationReport>(`/organisations/${setup.org.id}/report?year=${current.year}&half=${current.half}`, setup.organiser.token))
      .body;
    expect(r.current.winners).toBe(2);
    expect(r.previous.winners).toBe(0);
    expect(r.change.winners).toEqual({ difference: 2, percent: null });
  });
});
