import { Socket } from 'socket.io-client';
import { Http, startApi, TestApi } from '../harness';
import { loginAdmin, ok, Session } from '../factories';
import { entrant, iso, newContest, orgWithBank, OrgSetup, quizRound, SECRET, waitFor } from '../../libs/contests/test/factories';
import { collect, connect, connected, until } from '../../libs/leaderboard/test/helpers';
import { takeAttempt } from '../../libs/judging/test/results-helpers';
import { Catalogue } from './catalogue';

const cat = new Catalogue('integrity: answer keys and the prediction');

/** Issue 14, items 1 and 9: keys of questions still drawn by a running round, and board figures a prediction asks for. */
describe('named attacks: reading a key or a prediction target before its time', () => {
  let api: TestApi;
  let http: Http;
  let setup: OrgSetup;
  let admin: Session;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    admin = await loginAdmin(http);
    setup = await orgWithBank(http, admin, 6);
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await api.close();
  });

  const o = () => setup.organiser.token;

  /**
   * Weekly rounds drawing from one bank: week 1 (closed and published by the test) and week 2
   * open for an hour; `extra` adds rounds after week 2 (e.g. a scheduled week 3).
   */
  async function weeks(extra: Record<string, unknown>[] = []) {
    const c = await newContest(http, setup.organiser);
    const selection = [{ bankId: setup.bankId, count: 3 }];
    const w1 = await ok(http.post(`/contests/${c.id}/rounds`, quizRound(setup.bankId, { title: 'Tuần 1', selection }), o()), 'week 1');
    const w2 = await ok(
      http.post(`/contests/${c.id}/rounds`, quizRound(setup.bankId, { title: 'Tuần 2', selection, closesAt: iso(Date.now() + 3600_000) }), o()),
      'week 2',
    );
    const more = [];
    for (const [i, r] of extra.entries())
      more.push(await ok(http.post(`/contests/${c.id}/rounds`, quizRound(setup.bankId, { title: `Tuần ${3 + i}`, selection, ...r }), o()), 'later week'));
    await ok(http.post(`/contests/${c.id}/publish`, {}, o()), 'publish contest');
    return { contestId: c.id as string, w1, w2, more };
  }

  /** A week-1 entrant with a full-marks attempt, then week 1 closed and published. */
  async function publishedWeek1(roundId: string, contestId: string) {
    const r = await entrant(http, contestId);
    const a = await takeAttempt(http, r.token, roundId, setup.questions, 3);
    await ok(http.post(`/rounds/${roundId}/close`, { force: true }, o()), 'close week 1');
    const pub = await ok(http.post(`/rounds/${roundId}/results/publish`, undefined, o()), 'publish week 1');
    return { r, attemptId: a.id, pub };
  }

  cat.attack(
    'K01 week-1 entrant reads the attempt review while week 2 (same bank) is open',
    'no key, no explanation, no right/wrong per question; the reason and until instead',
    async () => {
      const { contestId, w1, w2 } = await weeks();
      const { r, attemptId } = await publishedWeek1(w1.id, contestId);
      const review = cat.check(await http.get(`/attempts/${attemptId}`, r.token), [200]).body;
      expect(review.review).toHaveLength(3);
      for (const item of review.review) {
        expect(item).toEqual(
          expect.objectContaining({
            correct: null,
            earned: null,
            correctOptionIds: [],
            acceptedAnswers: null,
            correctValue: null,
            explanation: null,
            legalReference: null,
            keyWithheld: { reason: 'in_open_round', until: w2.closesAt },
          }),
        );
      }
      expect(JSON.stringify(review)).not.toContain(SECRET.explanation);
    },
  );

  cat.attack('K02 the question also sits in a scheduled week 3 closing later', 'withheld until the last round drawing it closes', async () => {
    const w3Closes = iso(Date.now() + 3 * 86400_000);
    const { contestId, w1 } = await weeks([{ opensAt: iso(Date.now() + 86400_000), closesAt: w3Closes }]);
    const { r, attemptId } = await publishedWeek1(w1.id, contestId);
    const review = (await http.get(`/attempts/${attemptId}`, r.token)).body.review as { keyWithheld?: { until: string } }[];
    expect(review.map((i) => i.keyWithheld?.until)).toEqual([w3Closes, w3Closes, w3Closes]);
  });

  cat.attack(
    'K03 the organiser edits a question between weeks (week 2 draws the new version, same key)',
    'still withheld: the stable question is what counts',
    async () => {
      const c = await newContest(http, setup.organiser);
      const w1 = await ok(http.post(`/contests/${c.id}/rounds`, quizRound(setup.bankId, { selection: [{ bankId: setup.bankId, count: 6 }] }), o()), 'week 1');
      await ok(http.post(`/contests/${c.id}/publish`, {}, o()), 'publish contest');
      // Week 1's versions are now locked: an edit makes a new version, which week 2 freezes.
      const q = setup.questions[0];
      await ok(http.patch(`/question-banks/${setup.bankId}/questions/${q.id}`, { legalReference: 'Điều 1 (sửa lỗi chính tả)' }, o()), 'edit question');
      await ok(
        http.post(`/contests/${c.id}/rounds`, quizRound(setup.bankId, { title: 'Tuần 2', selection: [{ bankId: setup.bankId, count: 6 }] }), o()),
        'week 2',
      );
      const { r, attemptId } = await publishedWeek1(w1.id, c.id);
      const body = (await http.get(`/attempts/${attemptId}`, r.token)).body;
      const edited = body.questions.findIndex((x: { stem: string }) => x.stem === q.stem);
      expect(edited).toBeGreaterThanOrEqual(0);
      expect(body.review[edited].keyWithheld).toEqual(expect.objectContaining({ reason: 'in_open_round' }));
      expect(body.review[edited].correctOptionIds).toEqual([]);
    },
  );

  cat.attack(
    'K04 every other read a week-1 entrant can make (results, explain, my attempts, personal data, round, board)',
    'no explanation or key marker anywhere',
    async () => {
      const { contestId, w1 } = await weeks();
      const { r } = await publishedWeek1(w1.id, contestId);
      const reads = [
        `/rounds/${w1.id}/results`,
        `/rounds/${w1.id}/results/explain/${r.user.id}`,
        `/rounds/${w1.id}/my-attempts`,
        `/rounds/${w1.id}`,
        `/rounds/${w1.id}/leaderboard`,
        `/rounds/${w1.id}/leaderboard/me`,
        `/contests/${contestId}/awards`,
        '/me/data',
      ];
      for (const path of reads) {
        const res = cat.check(await http.get(path, r.token), [200, 403, 404, 409]);
        expect(JSON.stringify(res.body)).not.toContain(SECRET.explanation);
      }
    },
  );

  cat.attack('K05 a resident asks for the publication preview of withheld keys', '403', async () => {
    const { contestId, w1 } = await weeks();
    const r = await entrant(http, contestId);
    cat.check(await http.get(`/rounds/${w1.id}/results/withheld-keys`, r.token), 403);
  });

  cat.attack('K06 once the last round drawing the question has closed', 'the key is shown (withholding is not forever)', async () => {
    // A bank of its own: the other cases leave rounds open on the shared one.
    const own = await orgWithBank(http, admin, 3);
    const c = await newContest(http, own.organiser);
    const selection = [{ bankId: own.bankId, count: 3 }];
    const w1 = await ok(http.post(`/contests/${c.id}/rounds`, quizRound(own.bankId, { selection }), own.organiser.token), 'week 1');
    const w2 = await ok(http.post(`/contests/${c.id}/rounds`, quizRound(own.bankId, { title: 'Tuần 2', selection }), own.organiser.token), 'week 2');
    await ok(http.post(`/contests/${c.id}/publish`, {}, own.organiser.token), 'publish contest');
    const r = await entrant(http, c.id);
    const a = await takeAttempt(http, r.token, w1.id, own.questions, 3);
    await ok(http.post(`/rounds/${w1.id}/close`, { force: true }, own.organiser.token), 'close week 1');
    const pub = await ok(http.post(`/rounds/${w1.id}/results/publish`, undefined, own.organiser.token), 'publish week 1');
    expect(pub.withheldKeys).toHaveLength(3);
    expect((await http.get(`/attempts/${a.id}`, r.token)).body.review[0].keyWithheld).toBeDefined();
    await ok(http.post(`/rounds/${w2.id}/close`, { force: true }, own.organiser.token), 'close week 2');
    // The answer grace of week 2's last attempts passes first.
    const review = await waitFor(
      async () => {
        const b = (await http.get(`/attempts/${a.id}`, r.token)).body;
        return b.review.every((i: { keyWithheld?: unknown }) => i.keyWithheld === undefined) ? b.review : undefined;
      },
      api.config.answerGraceMs + 5000,
      200,
    );
    expect(review.every((i: { correctOptionIds: string[]; correct: boolean }) => i.correctOptionIds.length > 0 && i.correct === true)).toBe(true);
    expect((await http.get(`/rounds/${w1.id}/results/withheld-keys`, own.organiser.token)).body.questions).toEqual([]);
  });

  // Item 9: the live board of an open round with a prediction question.

  /** A round open now with a prediction question (and the board live), plus `n` entrants who submitted. */
  async function predictionRound(target: 'entrants' | 'perfect-score-entrants', n: number, over: Record<string, unknown> = {}) {
    const c = await newContest(http, setup.organiser);
    const round = await ok(
      http.post(
        `/contests/${c.id}/rounds`,
        quizRound(setup.bankId, {
          selection: [{ bankId: setup.bankId, count: 3 }],
          predictionQuestion: { prompt: 'Có bao nhiêu người?', target, countBy: 'people' },
          ...over,
        }),
        o(),
      ),
      'prediction round',
    );
    await ok(http.post(`/contests/${c.id}/publish`, {}, o()), 'publish contest');
    const people: Session[] = [];
    for (let i = 0; i < n; i++) {
      const p = await entrant(http, c.id);
      people.push(p);
      // Everyone but the last answers everything right: the perfect-score count is n − 1.
      await takeAttempt(http, p.token, round.id, setup.questions, i === n - 1 ? 1 : 3, 5);
    }
    return { contestId: c.id as string, round, people };
  }

  cat.attack(
    'P01 the number of entrants read off the board (total) when the prediction asks for it',
    'total hidden from residents: page, me, socket join',
    async () => {
      const { round, people } = await predictionRound('entrants', 3);
      const me = people[2];
      const page = cat.check(await http.get(`/rounds/${round.id}/leaderboard`, me.token), [200]).body;
      expect(page.total).toBeNull();
      expect(page.concealed).toEqual(expect.objectContaining({ reason: 'prediction_open', hidden: expect.arrayContaining(['total']) }));
      const mine = cat.check(await http.get(`/rounds/${round.id}/leaderboard/me`, me.token), [200]).body;
      expect(mine.total).toBeNull();
      const s = connect(api.url, { token: me.token });
      sockets.push(s);
      await connected(s);
      const ack = await s.emitWithAck('leaderboard:join', { roundId: round.id });
      expect(ack.ok).toBe(true);
      expect(ack.total).toBeNull();
      expect(ack.me.total).toBeNull();
      // Staff still see the true figure.
      expect((await http.get(`/rounds/${round.id}/leaderboard`, o())).body.total).toBe(3);
    },
  );

  cat.attack('P02 the number of perfect scores read off the scores on the board', "others' scores hidden (own kept); pushed updates too", async () => {
    const { round, people, contestId } = await predictionRound('perfect-score-entrants', 3);
    const me = people[0];
    const page = (await http.get(`/rounds/${round.id}/leaderboard`, me.token)).body;
    expect(page.items).toHaveLength(3);
    for (const row of page.items) expect(row.score).toBe(row.userId === me.user.id ? 3 : null);
    expect(page.concealed.hidden).toEqual(expect.arrayContaining(['scores']));
    const s = connect(api.url, { token: me.token });
    sockets.push(s);
    await connected(s);
    expect((await s.emitWithAck('leaderboard:join', { roundId: round.id })).ok).toBe(true);
    const updates = collect(s, 'leaderboard:update');
    const late = await entrant(http, contestId);
    await takeAttempt(http, late.token, round.id, setup.questions, 3, 1);
    // A push carries the rows when they changed (the late entrant's row), else only their hash.
    const pushed = await until(
      updates,
      (u: { top?: { userId: string; score: number | null }[] }) => !!u.top?.some((row) => row.userId === late.user.id),
      10_000,
    );
    expect(pushed.top!.length).toBeGreaterThan(0);
    expect(pushed.top!.every((row) => row.score === null)).toBe(true);
  });

  cat.attack(
    'P03 the 22nd entrant counts entrants from the board: paging past the top 20, their own rank, the submit answer',
    'only the top 20 are listed; ranks beyond it are withheld everywhere',
    async () => {
      const { round, contestId, people } = await predictionRound('entrants', 21);
      const last = await entrant(http, contestId);
      const start = (await http.post(`/rounds/${round.id}/attempts`, {}, last.token)).body;
      const sub = cat.check(await http.post(`/attempts/${start.id}/submit`, { prediction: 3 }, last.token), [200]).body;
      expect(sub.score).toBe(0);
      expect(sub.rank).toBeNull();
      const deep = cat.check(await http.get(`/rounds/${round.id}/leaderboard?offset=20&limit=5`, last.token), [200]).body;
      expect(deep.items).toEqual([]);
      const spanning = (await http.get(`/rounds/${round.id}/leaderboard?offset=15&limit=10`, last.token)).body;
      expect(spanning.items.map((i: { rank: number }) => i.rank)).toEqual([16, 17, 18, 19, 20]);
      const mine = (await http.get(`/rounds/${round.id}/leaderboard/me`, last.token)).body;
      expect(mine.rank).toBeNull();
      expect(mine.score).toBe(0);
      expect(mine.concealed).toEqual(expect.objectContaining({ topN: 20 }));
      // Within the top 20 a rank is no secret.
      const top = (await http.get(`/rounds/${round.id}/leaderboard/me`, people[0].token)).body.rank;
      expect(top).toBeGreaterThanOrEqual(1);
      expect(top).toBeLessThanOrEqual(20);
      expect((await http.get(`/rounds/${round.id}/leaderboard?offset=20&limit=5`, o())).body.items).toHaveLength(2);
    },
    180_000,
  );

  cat.attack('P04 the organiser turns the protection off in the round form', 'the board shows every figure again', async () => {
    const { round, people } = await predictionRound('entrants', 2);
    await ok(http.patch(`/rounds/${round.id}`, { leaderboard: { visibility: 'live', hidePredictionFigures: false } }, o()), 'turn off');
    const page = await waitFor(async () => {
      const b = (await http.get(`/rounds/${round.id}/leaderboard`, people[0].token)).body;
      return b.total === 2 ? b : undefined;
    }, 5000);
    expect(page.concealed).toBeUndefined();
    expect((await http.get(`/rounds/${round.id}`, o())).body.leaderboard.hidePredictionFigures).toBe(false);
  });
});
