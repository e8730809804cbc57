import { DataSource } from 'typeorm';
import { expectError, Http, startApi, TestApi } from '../harness';
import { loginAdmin, newStaff, Session } from '../factories';
import { entrant, liveQuiz, orgWithBank, OrgSetup } from '../../libs/contests/test/factories';
import { download, takeAttempt } from '../../libs/judging/test/results-helpers';
import { Catalogue } from './catalogue';

const cat = new Catalogue('contest integrity at publication');

/**
 * Issue 14, items 2 and 8: bots that win unseen (flagged, never reviewed, yet published and
 * named in the decision), and a hidden "under before over" rule deciding places the
 * published chain does not.
 */
describe('named attacks: publishing flagged winners, hidden tie-breaks', () => {
  let api: TestApi;
  let http: Http;
  let admin: Session;
  let setup: OrgSetup;
  let other: OrgSetup;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    admin = await loginAdmin(http);
    setup = await orgWithBank(http, admin, 2);
    other = await orgWithBank(http, admin, 1);
  }, 120_000);
  afterAll(() => api.close());

  const integrity = { minSecondsPerQuestion: 1, maxAccountsPerIp: 100_000, maxAccountsPerDevice: 1000 };

  /** Three bots submit at once (flagged too_fast), a person takes 2 s: the bots hold every prize. */
  async function botsWin() {
    const o = setup.organiser.token;
    const { contest, round } = await liveQuiz(http, setup, {
      selection: [{ bankId: setup.bankId, count: 2 }],
      integrity,
      prizes: [
        { name: 'Giải Nhất', count: 1 },
        { name: 'Giải Nhì', count: 2 },
      ],
    });
    const judge = await newStaff(http, admin, 'judge', setup.org.id);
    expect((await http.post(`/rounds/${round.id}/judges`, { userId: judge.user.id }, o)).status).toBe(201);
    const bots = [await entrant(http, contest.id), await entrant(http, contest.id), await entrant(http, contest.id)];
    const human = await entrant(http, contest.id);
    const botAttempts = [];
    for (const b of bots) botAttempts.push(await takeAttempt(http, b.token, round.id, setup.questions, 2));
    const humanAttempt = await takeAttempt(http, human.token, round.id, setup.questions, 2, undefined, 2100);
    expect((await http.post(`/rounds/${round.id}/close`, { force: true }, o)).status).toBe(200);
    return { contest, round, judge, bots, human, botAttempts, humanAttempt };
  }

  cat.attack(
    'I01 three 0.04 s bots take first and both second prizes; a judge publishes without looking',
    '409 flagged_winners_unreviewed naming each bot, prize and flag',
    async () => {
      const { round, judge, bots, botAttempts } = await botsWin();
      const results = (await http.get(`/rounds/${round.id}/results?winners=true`, judge.token)).body;
      expect(results.items.map((i: { userId: string }) => i.userId).sort()).toEqual(bots.map((b) => b.user.id).sort());
      // The publish confirmation has the list before anyone presses the button.
      expect(results.flaggedWinners.map((f: { attemptId: string }) => f.attemptId).sort()).toEqual(botAttempts.map((a) => a.id).sort());

      const refused = expectError(cat.check(await http.post(`/rounds/${round.id}/results/publish`, undefined, judge.token)), 409);
      expect(refused.code).toBe('flagged_winners_unreviewed');
      expect(refused.message).toMatch(/3 prize winner/);
      expect(refused.details).toHaveLength(3);
      for (const d of refused.details) {
        expect(d).toEqual(
          expect.objectContaining({
            userId: expect.any(String),
            displayName: expect.any(String),
            attemptId: expect.any(String),
            prize: expect.objectContaining({ name: expect.stringMatching(/^Giải (Nhất|Nhì)$/) }),
            flags: ['too_fast'],
          }),
        );
        expect(JSON.stringify(d).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')).not.toMatch(/nationalId|phone|\d{9,}/); // masked: a short name, no personal numbers (ids aside: a uuid may hold 9 digits in a row)
      }
      expect(refused.details.map((d: { prize: { name: string } }) => d.prize.name).sort()).toEqual(['Giải Nhì', 'Giải Nhì', 'Giải Nhất']);
      expect((await http.get(`/rounds/${round.id}/results`, judge.token)).body.status).toBe('provisional');
      expect((await api.app.get(DataSource).query(`SELECT status FROM round WHERE id = $1`, [round.id]))[0].status).toBe('closed');
    },
  );

  cat.attack(
    'I02 the award decision and certificates printed while the bots are unreviewed',
    '409 flagged_winners_unreviewed, no PDF naming them',
    async () => {
      const { round, judge } = await botsWin();
      for (const path of ['decision.pdf', 'certificates.pdf']) {
        const res = await download(api.url, `/rounds/${round.id}/results/${path}`, judge.token);
        cat.count();
        expect(res.status).toBe(409);
        expect(res.headers.get('content-type')).toMatch(/json/);
        expect(JSON.parse(res.body.toString('utf8')).code).toBe('flagged_winners_unreviewed');
      }
    },
  );

  cat.attack(
    'I03 a judge voids two bots and clears the third with a reason; publication then goes through',
    'published: the cleared attempt and the person win, the voided bots do not',
    async () => {
      const { round, judge, bots, human, botAttempts, humanAttempt } = await botsWin();
      const [b1, b2, b3] = botAttempts;
      expect((await http.post(`/attempts/${b1.id}/void`, { reason: 'Nộp sau 0,04 giây: máy tự động' }, judge.token)).status).toBe(200);
      expect((await http.post(`/attempts/${b2.id}/void`, { reason: 'Nộp sau 0,04 giây: máy tự động' }, judge.token)).status).toBe(200);
      const cleared = await http.post(`/attempts/${b3.id}/clear`, { reason: 'Đã gọi điện xác minh: thí sinh làm bài trên giấy trước' }, judge.token);
      expect(cleared.status).toBe(200);
      expect(cleared.body).toEqual(expect.objectContaining({ attemptId: b3.id, status: 'submitted', cleared: true, resultsStale: false }));
      // Clearing keeps the attempt: it changes no place, so it does not make the results stale.
      expect(expectError(await http.post(`/rounds/${round.id}/results/publish`, undefined, judge.token), 409).code).toBe('results_stale'); // the voids do
      expect((await http.post(`/rounds/${round.id}/close`, {}, judge.token)).status).toBe(200);
      const flagged = (await http.get(`/rounds/${round.id}/attempts?flagged=true`, judge.token)).body.items as {
        id: string;
        review: { state: string; reason: string | null };
      }[];
      expect(Object.fromEntries(flagged.map((f) => [f.id, f.review.state]))).toEqual({ [b1.id]: 'void', [b2.id]: 'void', [b3.id]: 'cleared' });
      expect(flagged.find((f) => f.id === b3.id)!.review.reason).toBe('Đã gọi điện xác minh: thí sinh làm bài trên giấy trước');

      const published = await http.post(`/rounds/${round.id}/results/publish`, undefined, judge.token);
      expect(published.status).toBe(200);
      const winners = (await http.get(`/rounds/${round.id}/results?winners=true`, judge.token)).body.items as {
        userId: string;
        attemptId: string;
        prize: { name: string };
      }[];
      expect(winners.map((w) => [w.userId, w.attemptId, w.prize.name])).toEqual([
        [bots[2].user.id, b3.id, 'Giải Nhất'],
        [human.user.id, humanAttempt.id, 'Giải Nhì'],
      ]);
      const audit: { action: string; reason: string }[] = await api.app
        .get(DataSource)
        .query(`SELECT action, reason FROM audit_log WHERE entity_id = $1 ORDER BY at`, [b3.id]);
      expect(audit).toEqual([{ action: 'attempt.clear', reason: 'Đã gọi điện xác minh: thí sinh làm bài trên giấy trước' }]);
      expect((await download(api.url, `/rounds/${round.id}/results/decision.pdf`, judge.token)).status).toBe(200);
    },
  );

  cat.attack(
    'I04 clearing what cannot be cleared: no flag, void, twice, short reason, resident, other tenant, bad id',
    '409/409/409/400/403/404/400, never a 5xx',
    async () => {
      const { contest, round, judge, botAttempts, humanAttempt } = await botsWin();
      const [b1, b2] = botAttempts;
      const reason = { reason: 'Đã xác minh với thí sinh' };
      expect(expectError(cat.check(await http.post(`/attempts/${humanAttempt.id}/clear`, reason, judge.token)), 409).code).toBe('attempt_not_flagged');
      expect((await http.post(`/attempts/${b1.id}/void`, { reason: 'Máy tự động' }, judge.token)).status).toBe(200);
      expect(expectError(cat.check(await http.post(`/attempts/${b1.id}/clear`, reason, judge.token)), 409).code).toBe('attempt_void');
      expect((await http.post(`/attempts/${b2.id}/clear`, reason, judge.token)).status).toBe(200);
      expect(expectError(cat.check(await http.post(`/attempts/${b2.id}/clear`, reason, judge.token)), 409).code).toBe('attempt_already_cleared');
      expect(expectError(cat.check(await http.post(`/attempts/${b2.id}/clear`, { reason: 'ok' }, judge.token)), 400).code).toBe('validation_failed');
      const resident = await entrant(http, contest.id);
      cat.check(await http.post(`/attempts/${b2.id}/clear`, reason, resident.token), 403);
      cat.check(await http.post(`/attempts/${b2.id}/clear`, reason, other.organiser.token), 404);
      cat.check(await http.post(`/attempts/not-a-uuid/clear`, reason, judge.token), 400);
      const unassigned = await newStaff(http, admin, 'judge', setup.org.id);
      cat.check(await http.post(`/attempts/${b2.id}/clear`, reason, unassigned.token), [403, 404]);
      void round;
    },
  );

  cat.attack(
    'I05 a correction after publication passes a prize to a flagged, unreviewed attempt',
    '409 flagged_winners_unreviewed, published results unchanged',
    async () => {
      const o = setup.organiser.token;
      const { contest, round } = await liveQuiz(http, setup, {
        selection: [{ bankId: setup.bankId, count: 2 }],
        integrity,
        prizes: [{ name: 'Giải Nhất', count: 1 }],
      });
      const human = await entrant(http, contest.id);
      const bot = await entrant(http, contest.id);
      const humanAttempt = await takeAttempt(http, human.token, round.id, setup.questions, 2, undefined, 2100);
      const botAttempt = await takeAttempt(http, bot.token, round.id, setup.questions, 1); // flagged, but no prize: 1 of 2 right
      expect((await http.post(`/rounds/${round.id}/close`, { force: true }, o)).status).toBe(200);
      expect((await http.post(`/rounds/${round.id}/results/publish`, undefined, o)).status).toBe(200);
      const res = expectError(
        cat.check(await http.post(`/rounds/${round.id}/results/corrections`, { reason: 'Hủy bài vì trùng thiết bị', voidAttemptIds: [humanAttempt.id] }, o)),
        409,
      );
      expect(res.code).toBe('flagged_winners_unreviewed');
      expect(res.details.map((d: { attemptId: string }) => d.attemptId)).toEqual([botAttempt.id]);
      const winners = (await http.get(`/rounds/${round.id}/results?winners=true`, o)).body.items;
      expect(winners.map((w: { attemptId: string }) => w.attemptId)).toEqual([humanAttempt.id]);
      expect((await http.get(`/attempts/${humanAttempt.id}`, o)).body.status).toBe('submitted'); // the void rolled back too
    },
  );

  cat.attack(
    'I08 two guesses equally far from the actual value (one under, one over) under the chain score → prediction → time taken → submission',
    'time taken decides; under-before-over only when chained',
    async () => {
      const o = setup.organiser.token;
      const { contest, round } = await liveQuiz(http, setup, {
        selection: [{ bankId: setup.bankId, count: 2 }],
        integrity,
        predictionQuestion: { prompt: 'Bao nhiêu nghìn cử tri đi bầu?', target: 'custom', countBy: 'people' },
      });
      const under = await entrant(http, contest.id);
      const over = await entrant(http, contest.id);
      await takeAttempt(http, under.token, round.id, setup.questions, 2, 95, 1500); // slower
      await takeAttempt(http, over.token, round.id, setup.questions, 2, 105);
      const rules = (await http.get(`/rounds/${round.id}/rules`, o)).body.rankingRules;
      expect(rules.chain).toEqual(['score', 'prediction', 'time-taken', 'submitted-at']);
      expect(rules).not.toHaveProperty('equalDistance');

      expect((await http.post(`/rounds/${round.id}/close`, { force: true, predictionActual: 100 }, o)).status).toBe(200);
      let items = (await http.get(`/rounds/${round.id}/results`, o)).body.items as { userId: string; separatedFromPrevious: string | null }[];
      expect(items.map((i) => i.userId)).toEqual([over.user.id, under.user.id]);
      expect(items[1].separatedFromPrevious).toBe('time-taken');
      const why = (await http.get(`/rounds/${round.id}/results/explain/${under.user.id}`, o)).body;
      expect(why.vi).toContain('thời gian làm bài dài hơn');
      expect(why.vi).toContain('thể lệ không có tiêu chí “dưới trước trên” nên xét tiếp tiêu chí sau');

      // The old hidden setting is refused with the way to say it; chaining the step applies it.
      const old = expectError(cat.check(await http.put(`/rounds/${round.id}/rules`, { rankingRules: { equalDistance: 'under-before-over' } }, o)), 400);
      expect(old.code).toBe('invalid_ranking_rules');
      expect(old.details).toEqual([{ field: 'equalDistance', problems: [expect.stringMatching(/put under-before-over in the chain/)] }]);
      expect(
        expectError(cat.check(await http.put(`/rounds/${round.id}/rules`, { rankingRules: { chain: ['score', 'under-before-over', 'prediction'] } }, o)), 400)
          .details[0].field,
      ).toBe('chain[1]');
      const chain = ['score', 'prediction', 'under-before-over', 'time-taken', 'submitted-at'];
      expect((await http.put(`/rounds/${round.id}/rules`, { rankingRules: { chain } }, o)).body.rankingRules.chain).toEqual(chain);
      expect((await http.post(`/rounds/${round.id}/close`, {}, o)).status).toBe(200);
      items = (await http.get(`/rounds/${round.id}/results`, o)).body.items;
      expect(items.map((i) => i.userId)).toEqual([under.user.id, over.user.id]);
      expect(items[1].separatedFromPrevious).toBe('under-before-over');
      const overWhy = (await http.get(`/rounds/${round.id}/results/explain/${over.user.id}`, o)).body;
      expect(overWhy.vi).toContain('(dưới trước trên)');
    },
  );
});
