import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { expectError, Http, startApi, TestApi, testConfig } from '../../../test/harness';
import { loginAdmin, newResident, newStaff, Session } from '../../../test/factories';
import { entrant, iso, newContest, orgWithBank, OrgSetup, quizRound, sleep, waitFor } from '../../contests/test/factories';
import { answerBody } from '../../attempts/test/helpers';
import { shortName } from '../../leaderboard/src/display/short-name';
import { collect, connect, connected, until } from '../../leaderboard/test/helpers';
import { download, readCsv, readXlsx, takeAttempt } from './results-helpers';

/**
 * Results through the HTTP API: closing (on time or forced), provisional results, void and
 * reinstate before publication, publication (answer key, rules locked), audited corrections,
 * who may do what (other tenants see 404), bad input (4xx), and worker-written exports.
 */
describe('round results: close, review, publish, correct, export', () => {
  let api: TestApi;
  let http: Http;
  let admin: Session;
  let setup: OrgSetup;
  let other: OrgSetup;
  let worker: INestApplicationContext | null = null;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    admin = await loginAdmin(http);
    setup = await orgWithBank(http, admin, 4);
    other = await orgWithBank(http, admin, 1);
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  // Not about integrity: test attempts answer in milliseconds, which the default threshold flags
  // (too_fast), and a flagged, unreviewed winner holds publication back (see test/abuse/attacks-integrity-publish).
  const integrity = { minSecondsPerQuestion: 0 };

  /** A published contest with one open quiz round of 4 questions closing in `closesInMs`. */
  async function liveRound(closesInMs: number, over: Record<string, unknown> = {}) {
    const c = await newContest(http, setup.organiser);
    const round = (
      await http.post(
        `/contests/${c.id}/rounds`,
        quizRound(setup.bankId, {
          closesAt: iso(Date.now() + closesInMs),
          maxAttempts: 2,
          selection: [{ bankId: setup.bankId, count: 4 }],
          integrity,
          ...over,
        }),
        setup.organiser.token,
      )
    ).body;
    expect((await http.post(`/contests/${c.id}/publish`, {}, setup.organiser.token)).status).toBe(200);
    return { contest: c, round };
  }

  it('checks rules input, tenancy and roles', async () => {
    const o = setup.organiser.token;
    const { round, contest } = await liveRound(3600_000);
    const judge = await newStaff(http, admin, 'judge', setup.org.id);
    const resident = await entrant(http, contest.id);

    const bad = expectError(
      await http.put(
        `/rounds/${round.id}/rules`,
        { rankingRules: { chain: ['score', 'luck', 'score'] }, prizes: { tiers: [{ code: 'Nhất!', name: '', count: -1 }] } },
        o,
      ),
      400,
    );
    expect(bad.code).toBe('invalid_ranking_rules');
    expect(bad.details.map((d: any) => d.field)).toEqual(['chain[1]', 'chain[2]']);
    expect(expectError(await http.put(`/rounds/${round.id}/rules`, { prizes: { tiers: [{ code: 'x', name: 'X', count: 1.5 }] } }, o), 400).code).toBe(
      'invalid_prize_plan',
    );
    expect(
      expectError(await http.put(`/rounds/${round.id}/rules`, { prizes: { tiers: [{ code: 'nhat', name: 'Nhất', perGroup: { tinh: 1 } }] } }, o), 400).code,
    ).toBe('group_field_required');
    expect(expectError(await http.put(`/rounds/${round.id}/rules`, { unknownField: 1 }, o), 400).code).toBe('validation_failed');
    expect(expectError(await http.put(`/contests/${contest.id}/award-rules`, { unitPrizes: { points: -1, tiers: [] } }, o), 400).code).toBe(
      'invalid_unit_prizes',
    );
    expect(expectError(await http.put(`/contests/${contest.id}/award-rules`, { headcounts: { 'Xã A': 0 } }, o), 400).code).toBe('invalid_award_rules');

    const ok = await http.put(
      `/rounds/${round.id}/rules`,
      { rankingRules: { chain: ['score', 'since-open'] }, prizes: { tiers: [{ code: 'nhat', name: 'Giải Nhất', count: 1 }] } },
      o,
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual(expect.objectContaining({ configured: true, locked: false, groupField: null }));
    expect(ok.body.rankingRules.chain).toEqual(['score', 'since-open']);
    expect((await http.get(`/rounds/${round.id}/rules`, resident.token)).body.rankingRules.chain).toEqual(['score', 'since-open']);
    // attemptScoring names the representative attempt, as on the round; representative is its deprecated alias for one release.
    expect(ok.body.rankingRules).toEqual(expect.objectContaining({ attemptScoring: 'best', representative: 'best' }));
    const prizes = { tiers: [{ code: 'nhat', name: 'Giải Nhất', count: 1 }] };
    const byAlias = await http.put(`/rounds/${round.id}/rules`, { rankingRules: { chain: ['score', 'since-open'], representative: 'last' }, prizes }, o);
    expect(byAlias.body.rankingRules).toEqual(expect.objectContaining({ attemptScoring: 'last', representative: 'last' }));
    const both = expectError(await http.put(`/rounds/${round.id}/rules`, { rankingRules: { attemptScoring: 'best', representative: 'last' }, prizes }, o), 400);
    expect(both.code).toBe('alias_conflict');
    expect(both.details.map((d: any) => d.field)).toEqual(['attemptScoring']);
    const byName = await http.put(
      `/rounds/${round.id}/rules`,
      { rankingRules: { chain: ['score', 'since-open'], attemptScoring: 'best', representative: 'best' }, prizes },
      o,
    );
    expect(byName.body.rankingRules).toEqual(expect.objectContaining({ attemptScoring: 'best', representative: 'best' }));
    // Residents read the prizes the results will award, not the list the round was created with.
    expect((await http.get(`/rounds/${round.id}`, resident.token)).body.prizes).toEqual([{ name: 'Giải Nhất', count: 1 }]);
    const inContest = ((await http.get(`/contests/${contest.id}/rounds`, resident.token)).body as any[]).find((r: any) => r.id === round.id);
    expect(inContest.prizes).toEqual([{ name: 'Giải Nhất', count: 1 }]);

    // Other tenants see nothing; judges and residents do not write rules or close rounds.
    expectError(await http.get(`/rounds/${round.id}/rules`, other.organiser.token), 404);
    expectError(await http.put(`/rounds/${round.id}/rules`, {}, other.organiser.token), 404);
    expectError(await http.post(`/rounds/${round.id}/close`, { force: true }, other.organiser.token), 404);
    expectError(await http.get(`/rounds/${round.id}/results`, other.organiser.token), 404);
    expectError(await http.get(`/contests/${contest.id}/award-rules`, other.organiser.token), 404);
    expectError(await http.put(`/rounds/${round.id}/rules`, {}, judge.token), 403);
    expectError(await http.post(`/rounds/${round.id}/close`, { force: true }, resident.token), 403);
    expectError(await http.post(`/rounds/${round.id}/close`, { force: true }, judge.token), 403); // not assigned
    expect((await http.post(`/rounds/${round.id}/judges`, { userId: judge.user.id }, o)).status).toBe(201);
    expect(expectError(await http.post(`/rounds/${round.id}/close`, { force: true }, judge.token), 403).message).toMatch(/early/);
    expect(expectError(await http.post(`/rounds/${round.id}/close`, { force: 'yes' }, o), 400).code).toBe('validation_failed');
    expectError(await http.post('/rounds/not-a-uuid/close', {}, o), 400);
    expect(expectError(await http.get(`/rounds/${round.id}/results/export?format=pdf`, o), 400).code).toBe('validation_failed');
  });

  it("stores a blank document setting as unset, so the award decision keeps its default (the organisation's name…)", async () => {
    const c = await newContest(http, setup.organiser);
    const r = await http.put(`/contests/${c.id}/award-rules`, { documents: { issuerName: '   ', signerName: ' Nguyễn Văn A ' } }, setup.organiser.token);
    expect(r.status).toBe(200);
    expect(r.body.documents).toEqual({ signerName: 'Nguyễn Văn A' });
  });

  it('forces an early close, needs the custom prediction value, voids and reinstates before publication', async () => {
    const o = setup.organiser.token;
    const { round, contest } = await liveRound(3600_000, {
      predictionQuestion: { prompt: 'Tỉnh có bao nhiêu cử tri (nghìn người)?', target: 'custom', countBy: 'people' },
    });
    const judge = await newStaff(http, admin, 'judge', setup.org.id);
    expect((await http.post(`/rounds/${round.id}/judges`, { userId: judge.user.id }, o)).status).toBe(201);
    const [a, b, c] = [await entrant(http, contest.id), await entrant(http, contest.id), await entrant(http, contest.id)];
    const aBest = await takeAttempt(http, a.token, round.id, setup.questions, 4, 1000);
    // a's second try and b miss different questions: equal wrong answers would flag both (identical_answers).
    const aSecond = await takeAttempt(http, a.token, round.id, setup.questions, (q) => q !== setup.questions[0], 1200);
    const bOnly = await takeAttempt(http, b.token, round.id, setup.questions, (q) => q !== setup.questions[1], 1100);
    const running = (await http.post(`/rounds/${round.id}/attempts`, {}, c.token)).body;
    expect(
      (await http.put(`/attempts/${running.id}/answers/${running.questions[0].id}`, answerBody(running.questions[0], setup.questions, true), c.token)).status,
    ).toBe(200);

    expect(expectError(await http.post(`/attempts/${aBest.id}/void`, { reason: 'ngắn' }, judge.token), 400).code).toBe('validation_failed');
    expectError(await http.post(`/attempts/${aBest.id}/void`, { reason: 'Trùng thiết bị với tài khoản khác' }, other.organiser.token), 404);
    expectError(await http.post(`/attempts/${aBest.id}/void`, { reason: 'Trùng thiết bị với tài khoản khác' }, a.token), 403);
    expect(expectError(await http.post(`/attempts/${running.id}/void`, { reason: 'Đang làm bài nhưng nghi vấn' }, judge.token), 409).code).toBe(
      'attempt_in_progress',
    );

    expect(expectError(await http.post(`/rounds/${round.id}/close`, { force: true }, o), 400).code).toBe('prediction_actual_required');
    const closed = await http.post(`/rounds/${round.id}/close`, { force: true, predictionActual: 1200 }, o);
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual(expect.objectContaining({ rankedCount: 3, predictionActual: 1200, finalisedAttempts: 1 }));
    // The attempt in progress ended now, with the answer it had saved; no new attempt can start.
    const ended = (await http.get(`/attempts/${running.id}`, c.token)).body;
    expect(ended).toEqual(expect.objectContaining({ status: 'expired', score: 1 }));
    expect(Date.parse(ended.submittedAt)).toBeLessThan(Date.parse(ended.deadlineAt));
    expect(expectError(await http.post(`/rounds/${round.id}/attempts`, {}, b.token), 409).code).toBe('round_not_open');
    const again = await http.post(`/rounds/${round.id}/close`, {}, judge.token); // re-closing while provisional recomputes
    expect(again.status).toBe(200);
    expect(again.body).toEqual(
      expect.objectContaining({ version: 2, predictionActual: 1200, outputHash: closed.body.outputHash, inputHash: closed.body.inputHash }),
    );

    // Void before publication: the leaderboard drops to the person's best remaining attempt, the results go stale.
    const voided = await http.post(`/attempts/${aBest.id}/void`, { reason: 'Trùng thiết bị với tài khoản khác' }, judge.token);
    expect(voided.status).toBe(200);
    expect(voided.body).toEqual(expect.objectContaining({ statusBefore: 'submitted', status: 'void', resultsStale: true }));
    expect(expectError(await http.post(`/attempts/${aBest.id}/void`, { reason: 'Trùng thiết bị lần nữa' }, judge.token), 409).code).toBe(
      'attempt_already_void',
    );
    const board = await http.get(`/rounds/${round.id}/leaderboard?limit=10`, o);
    expect(board.body.items.find((i: any) => i.userId === a.user.id)).toEqual(expect.objectContaining({ score: 3 }));
    expect(expectError(await http.post(`/rounds/${round.id}/results/publish`, undefined, o), 409).code).toBe('results_stale');
    expect((await http.get(`/rounds/${round.id}/results`, o)).body.stale).toBe(true);

    let res = (await http.post(`/rounds/${round.id}/close`, {}, o)).body;
    expect(res.version).toBe(3);
    let items = (await http.get(`/rounds/${round.id}/results`, o)).body.items;
    expect(items[0]).toEqual(expect.objectContaining({ userId: a.user.id, attemptId: aSecond.id, score: 3, attemptsCounted: 1, separatedFromPrevious: null }));
    expect(items[1]).toEqual(expect.objectContaining({ userId: b.user.id, attemptId: bOnly.id, score: 3 }));

    // Reinstating restores what the attempt was; the audit has both, with the reason.
    const back = await http.post(`/attempts/${aBest.id}/reinstate`, { reason: 'Đã xác minh: thiết bị dùng chung ở trường' }, o);
    expect(back.body).toEqual(expect.objectContaining({ statusBefore: 'void', status: 'submitted' }));
    const audit: { action: string; reason: string; before: any; after: any }[] = await api.app
      .get(DataSource)
      .query(`SELECT action, reason, before, after FROM audit_log WHERE entity_id = $1 ORDER BY at`, [aBest.id]);
    expect(audit.map((x) => [x.action, x.before.status, x.after.status])).toEqual([
      ['attempt.void', 'submitted', 'void'],
      ['attempt.reinstate', 'void', 'submitted'],
    ]);
    res = (await http.post(`/rounds/${round.id}/close`, {}, o)).body;
    items = (await http.get(`/rounds/${round.id}/results`, o)).body.items;
    expect(items[0]).toEqual(expect.objectContaining({ userId: a.user.id, attemptId: aBest.id, score: 4, attemptsCounted: 2 }));
    expect(res.outputHash).toBe(closed.body.outputHash); // the same inputs again: the same ranking
    // The explanation of a's place names the counted attempt; a resident may not ask before publication.
    const why = (await http.get(`/rounds/${round.id}/results/explain/${b.user.id}`, judge.token)).body;
    expect(why).toEqual(expect.objectContaining({ userId: b.user.id, personId: b.user.id }));
    expect(why.lines.map((l: any) => l.key)).toEqual(expect.arrayContaining(['ranking.explain.place', 'ranking.explain.behind.score']));
    // Staff read it in the third person, with the person's short name, never "Bạn".
    expect(why.perspective).toBe('staff');
    expect(why.vi.startsWith(`${shortName(b.input.fullName)} xếp hạng `)).toBe(true);
    expect(why.vi).not.toMatch(/\bbạn\b/i);
    expect(expectError(await http.get(`/rounds/${round.id}/results/explain/${a.user.id}`, a.token), 409).code).toBe('results_not_published');
  });

  it('publishes (answer key, rules locked), refuses voids after, corrects with an audited diff', async () => {
    const o = setup.organiser.token;
    const closesAt = Date.now() + 6000;
    const { round, contest } = await liveRound(6000, {
      predictionQuestion: { prompt: 'Bao nhiêu người đạt điểm tối đa?', target: 'perfect-score-entrants', countBy: 'people' },
    });
    expect(
      (
        await http.put(
          `/rounds/${round.id}/rules`,
          {
            prizes: {
              tiers: [
                { code: 'nhat', name: 'Giải Nhất', count: 1 },
                { code: 'nhi', name: 'Giải Nhì', count: 1 },
              ],
            },
          },
          o,
        )
      ).status,
    ).toBe(200);
    const [a, b, c] = [await entrant(http, contest.id), await entrant(http, contest.id), await entrant(http, contest.id)];
    const aAt = await takeAttempt(http, a.token, round.id, setup.questions, 4, 2);
    const bAt = await takeAttempt(http, b.token, round.id, setup.questions, 4, 1);
    await takeAttempt(http, c.token, round.id, setup.questions, 3, 2);
    // A resident watching the round hears of the close and of the publication.
    const socket = connect(api.url, { token: c.token });
    await connected(socket);
    expect((await socket.timeout(5000).emitWithAck('leaderboard:join', { roundId: round.id })).ok).toBe(true);
    const statuses = collect(socket, 'round:status');
    await sleep(closesAt + 200 - Date.now());
    const closed = await http.post(`/rounds/${round.id}/close`, {}, o);
    expect(closed.body.predictionActual).toBe(2); // two people answered every question
    await until(statuses, (p: any) => p.roundId === round.id && p.status === 'closed');
    expect(expectError(await http.post(`/rounds/${round.id}/close`, { predictionActual: 3 }, o), 400).code).toBe('prediction_actual_counted');
    let items = (await http.get(`/rounds/${round.id}/results`, o)).body.items;
    expect(items.map((i: any) => [i.userId, i.prize?.code ?? null])).toEqual([
      [a.user.id, 'nhat'],
      [b.user.id, 'nhi'],
      [c.user.id, null],
    ]);
    expect((await http.get(`/attempts/${aAt.id}`, a.token)).body.review).toBeUndefined();

    expect((await http.post(`/rounds/${round.id}/results/publish`, undefined, o)).status).toBe(200);
    expect(expectError(await http.post(`/rounds/${round.id}/results/publish`, undefined, o), 409).code).toBe('results_published');
    await until(statuses, (p: any) => p.status === 'published');
    socket.disconnect();
    expect((await http.get(`/attempts/${aAt.id}`, a.token)).body.review).toEqual(expect.any(Array));
    expect((await http.get(`/rounds/${round.id}`, a.token)).body.status).toBe('published');
    expect(expectError(await http.put(`/rounds/${round.id}/rules`, {}, o), 409).code).toBe('rules_locked');
    expect(expectError(await http.post(`/attempts/${aAt.id}/void`, { reason: 'Phát hiện gian lận sau công bố' }, o), 409).code).toBe('results_published');
    expect(expectError(await http.post(`/rounds/${round.id}/close`, {}, o), 409).code).toBe('results_published');
    expect(expectError(await http.get(`/rounds/${round.id}/results/explain/${b.user.id}`, a.token), 404).statusCode).toBe(404);
    const mine = (await http.get(`/rounds/${round.id}/results/explain/${a.user.id}`, a.token)).body;
    expect(mine.rank).toBe(1);
    expect(mine.perspective).toBe('self');
    expect(mine.vi.startsWith('Bạn xếp hạng 1 ')).toBe(true);

    // A correction: a's attempt is void after all. b moves up to first, c gets the second prize.
    expect(expectError(await http.post(`/rounds/${round.id}/results/corrections`, { reason: 'Không có gì' }, o), 400).code).toBe('nothing_to_correct');
    expect(
      expectError(await http.post(`/rounds/${round.id}/results/corrections`, { reason: 'Sai vòng thi', voidAttemptIds: [other.bankId] }, o), 400).code,
    ).toBe('not_in_round');
    // Staff pick the person from the results (name without diacritics, rank, phone digits), not paste ids.
    const people = (await http.get(`/rounds/${round.id}/results/people?q=${encodeURIComponent('NGUYEN thi binh')}`, o)).body;
    expect(people.total).toBe(3);
    expect(people.items.map((p: any) => [p.userId, p.rank, p.prize])).toEqual([
      [a.user.id, 1, 'Giải Nhất'],
      [b.user.id, 2, 'Giải Nhì'],
      [c.user.id, 3, null],
    ]);
    expect(people.items[0]).toEqual(expect.objectContaining({ fullName: 'Nguyễn Thị Bình', phoneMasked: expect.stringMatching(/^\d{2,4}\*+\d{2,4}$/) }));
    expect(people.items[0].attempts).toEqual([expect.objectContaining({ id: aAt.id, attemptNo: 1, status: 'submitted', counted: true })]);
    const phoneDigits = people.items[1].phoneMasked.slice(-3);
    expect((await http.get(`/rounds/${round.id}/results/people?q=${phoneDigits}`, o)).body.items.map((p: any) => p.userId)).toContain(b.user.id);
    expect((await http.get(`/rounds/${round.id}/results/people?q=Tr%E1%BA%A7n%20Kh%C3%B4ng%20C%C3%B3`, o)).body).toEqual({ items: [], total: 0 });
    expect((await http.get(`/rounds/${round.id}/results/people?limit=1&offset=2`, o)).body.items.map((p: any) => p.userId)).toEqual([c.user.id]);

    // The preview says what confirming will change, and changes nothing.
    const ask = { reason: 'Xác minh gian lận: dùng tài khoản của người khác', voidAttemptIds: [aAt.id] };
    expect(expectError(await http.post(`/rounds/${round.id}/results/corrections/preview`, { reason: 'Không có gì' }, o), 400).code).toBe('nothing_to_correct');
    const preview = await http.post(`/rounds/${round.id}/results/corrections/preview`, ask, o);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual(
      expect.objectContaining({
        roundId: round.id,
        dryRun: true,
        version: (await http.get(`/rounds/${round.id}/results`, o)).body.version + 1,
        prizeNames: { nhat: 'Giải Nhất', nhi: 'Giải Nhì' },
      }),
    );
    // userId names the person; personId stays one release as its deprecated alias, in the change and its snapshots.
    for (const ch of preview.body.changes) {
      expect(ch.personId).toBe(ch.userId);
      for (const snap of [ch.before, ch.after]) if (snap) expect(snap).toEqual(expect.objectContaining({ userId: ch.userId, personId: ch.userId }));
    }
    expect(Object.fromEntries(preview.body.changes.map((ch: any) => [ch.userId, ch.changed]))).toEqual({
      [a.user.id]: ['removed'],
      [b.user.id]: ['rank', 'award'],
      [c.user.id]: ['rank', 'award'],
    });
    expect((await http.get(`/attempts/${aAt.id}`, a.token)).body.status).toBe('submitted');
    expect((await http.get(`/rounds/${round.id}/results`, o)).body.items.map((i: any) => i.userId)).toEqual([a.user.id, b.user.id, c.user.id]);
    expect((await http.get(`/rounds/${round.id}/results/corrections`, o)).body.total).toBe(0);

    const fix = await http.post(`/rounds/${round.id}/results/corrections`, ask, o);
    expect(fix.status).toBe(201);
    expect(fix.body.changes).toEqual(preview.body.changes);
    const byPerson = Object.fromEntries(fix.body.changes.map((ch: any) => [ch.userId, ch]));
    expect(byPerson[a.user.id].changed).toEqual(['removed']);
    expect(byPerson[b.user.id]).toEqual(
      expect.objectContaining({ before: expect.objectContaining({ rank: 2, award: 'nhi' }), after: expect.objectContaining({ rank: 1, award: 'nhat' }) }),
    );
    expect(byPerson[c.user.id].after).toEqual(expect.objectContaining({ rank: 2, award: 'nhi' }));
    items = (await http.get(`/rounds/${round.id}/results`, o)).body.items;
    expect(items.map((i: any) => i.userId)).toEqual([b.user.id, c.user.id]);
    const after = (await http.get(`/rounds/${round.id}/results`, o)).body;
    expect(after).toEqual(expect.objectContaining({ status: 'published', predictionActual: 1 }));
    const list = await http.get(`/rounds/${round.id}/results/corrections`, o);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toEqual(expect.objectContaining({ reason: expect.stringContaining('gian lận'), beforeHash: closed.body.outputHash }));
    expect((await http.get(`/rounds/${round.id}/results`, b.token)).body.me).toEqual(expect.objectContaining({ rank: 1 }));
    expect((await http.get(`/attempts/${bAt.id}`, b.token)).body.status).toBe('submitted');
    expect((await http.get(`/attempts/${aAt.id}`, a.token)).body.status).toBe('void');

    const cert = await download(api.url, `/rounds/${round.id}/results/certificates/${b.user.id}.pdf`, b.token);
    expect(cert.status).toBe(200);
    expect(cert.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await download(api.url, `/rounds/${round.id}/results/certificates/${b.user.id}.pdf`, c.token)).status).toBe(404);
    expect((await download(api.url, `/rounds/${round.id}/results/decision.pdf`, o)).body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await download(api.url, `/rounds/${round.id}/results/decision.pdf`, other.organiser.token)).status).toBe(404);
  });

  it('writes big exports in the worker, with progress, and serves only the finished file', async () => {
    const o = setup.organiser.token;
    const { round, contest } = await liveRound(3600_000);
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await entrant(http, contest.id, { unit: i === 0 ? '+Đội xung kích' : 'Sở Tư pháp' }));
    for (const [i, p] of people.entries()) await takeAttempt(http, p.token, round.id, setup.questions, 4 - i);
    expect(expectError(await http.post(`/rounds/${round.id}/results/exports`, { format: 'xlsx' }, o), 409).code).toBe('round_not_closed');
    expect((await http.post(`/rounds/${round.id}/close`, { force: true }, o)).status).toBe(200);
    expect(expectError(await http.post(`/rounds/${round.id}/results/exports`, { format: 'pdf' }, o), 400).code).toBe('validation_failed');

    const queued = await http.post(`/rounds/${round.id}/results/exports`, { format: 'xlsx', scope: 'ranking' }, o);
    expect(queued.status).toBe(202);
    expect(queued.body).toEqual(
      expect.objectContaining({ status: 'queued', downloadUrl: null, label: 'Kết quả vòng 1 — Tuần 1 (XLSX)', fileName: 'Kết quả vòng 1 - Tuần 1.xlsx' }),
    );
    const id = queued.body.id;
    // No worker yet: nothing to download.
    expect(expectError(await http.get(`/exports/${id}/download`, o), 409).code).toBe('export_not_ready');
    expectError(await http.get(`/exports/${id}`, other.organiser.token), 404);
    expectError(await http.get(`/exports/${id}/download`, other.organiser.token), 404);
    expectError(await http.get(`/exports/${id}`, people[0].token), 403);

    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig()), { logger: false });
    const done = await waitFor(async () => {
      const s = (await http.get(`/exports/${id}`, o)).body;
      return s.status === 'done' || s.status === 'failed' ? s : undefined;
    }, 30_000);
    expect(done).toEqual(
      expect.objectContaining({ status: 'done', progress: { rowsWritten: 3, rowsTotal: 3, percent: 100 }, downloadUrl: `/api/v1/exports/${id}/download` }),
    );
    const file = await download(api.url, `/exports/${id}/download`, o);
    expect(file.status).toBe(200);
    // Named for what it holds (not the storage id): an ASCII fallback and the Vietnamese name (RFC 5987).
    expect(done.fileName).toBe('Kết quả vòng 1 - Tuần 1.xlsx');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="Ket-qua-vong-1-Tuan-1.xlsx"; filename*=UTF-8''${encodeURIComponent('Kết quả vòng 1 - Tuần 1.xlsx')}`,
    );
    const sheet = await readXlsx(file.body);
    expect(sheet).toHaveLength(4);
    expect(sheet[1]).toContain("'+Đội xung kích");

    const csvJob = (await http.post(`/rounds/${round.id}/results/exports`, { format: 'csv', scope: 'winners' }, o)).body;
    const csvDone = await waitFor(async () => {
      const s = (await http.get(`/exports/${csvJob.id}`, o)).body;
      return s.status === 'done' ? s : undefined;
    }, 30_000);
    expect(csvDone.progress.rowsTotal).toBe(0); // no prize plan: no winners
    expect(csvDone.label).toBe('Người đạt giải vòng 1 — Tuần 1 (CSV)');
    const csv = await download(api.url, `/exports/${csvJob.id}/download`, o);
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readCsv(csv.body)).toHaveLength(1);
  });

  it('gives prizes by quota per group (a registration field) and keeps one prize per person across rounds', async () => {
    const o = setup.organiser.token;
    const c = await newContest(http, setup.organiser);
    const mk = (title: string) =>
      http
        .post(`/contests/${c.id}/rounds`, quizRound(setup.bankId, { title, selection: [{ bankId: setup.bankId, count: 4 }], integrity }), o)
        .then((r) => r.body);
    const r1 = await mk('Tuần 1');
    const r2 = await mk('Tuần 2');
    expect((await http.post(`/contests/${c.id}/publish`, {}, o)).status).toBe(200);
    const perGroup = { prizes: { tiers: [{ code: 'nhat', name: 'Giải Nhất', perGroup: { tinh: 1, huyen: 1 } }] }, groupField: 'group' };
    expect((await http.put(`/rounds/${r1.id}/rules`, perGroup, o)).status).toBe(200);
    expect((await http.put(`/rounds/${r2.id}/rules`, { prizes: { tiers: [{ code: 'nhat', name: 'Giải Nhất', count: 1 }] } }, o)).status).toBe(200);
    const t1 = await entrant(http, c.id, { fields: { group: 'tinh' } });
    const t2 = await entrant(http, c.id, { fields: { group: 'tinh' } });
    const h1 = await entrant(http, c.id, { fields: { group: 'huyen' } });
    await takeAttempt(http, t1.token, r1.id, setup.questions, 4);
    await takeAttempt(http, t2.token, r1.id, setup.questions, 3);
    await takeAttempt(http, h1.token, r1.id, setup.questions, 1);
    expect((await http.post(`/rounds/${r1.id}/close`, { force: true }, o)).status).toBe(200);
    const items = (await http.get(`/rounds/${r1.id}/results?winners=true`, o)).body.items;
    expect(items.map((i: any) => [i.userId, i.prize.code, i.prize.group])).toEqual([
      [t1.user.id, 'nhat', 'tinh'],
      [h1.user.id, 'nhat', 'huyen'],
    ]);
    expect((await http.post(`/rounds/${r1.id}/results/publish`, undefined, o)).status).toBe(200);

    // Week 2: t1 is best again but already holds a prize: the first prize passes to t2.
    await takeAttempt(http, t1.token, r2.id, setup.questions, 4);
    await takeAttempt(http, t2.token, r2.id, setup.questions, 2);
    expect((await http.post(`/rounds/${r2.id}/close`, { force: true }, o)).status).toBe(200);
    const week2 = (await http.get(`/rounds/${r2.id}/results`, o)).body.items;
    expect(week2.map((i: any) => [i.rank, i.prize?.code ?? null])).toEqual([
      [1, null],
      [2, 'nhat'],
    ]);
    const awards = (await http.get(`/contests/${c.id}/awards`, o)).body;
    expect(awards.winners.map((w: any) => [w.roundSeq, w.userId]).sort()).toEqual(
      [
        [1, h1.user.id],
        [1, t1.user.id],
        [2, t2.user.id],
      ].sort(),
    );
    const publicAwards = (await http.get(`/contests/${c.id}/awards`, t2.token)).body;
    expect(publicAwards.winners).toHaveLength(2); // week 2 is not published yet
    expect(JSON.stringify(publicAwards)).not.toContain(t1.input.nationalId);
    expect(publicAwards.winners[0].fullName).toBeUndefined();
  });

  it('refuses to publish a prize its winner has since had published in another round, until a new close passes it on', async () => {
    const o = setup.organiser.token;
    const c = await newContest(http, setup.organiser);
    const mk = (title: string) =>
      http
        .post(`/contests/${c.id}/rounds`, quizRound(setup.bankId, { title, selection: [{ bankId: setup.bankId, count: 4 }], integrity }), o)
        .then((r) => r.body);
    const r1 = await mk('Tuần 1');
    const r2 = await mk('Tuần 2');
    expect((await http.post(`/contests/${c.id}/publish`, {}, o)).status).toBe(200);
    const onePrize = { prizes: { tiers: [{ code: 'nhat', name: 'Giải Nhất', count: 1 }] } };
    for (const r of [r1, r2]) expect((await http.put(`/rounds/${r.id}/rules`, onePrize, o)).status).toBe(200);
    const best = await entrant(http, c.id);
    const next = await entrant(http, c.id);
    for (const r of [r1, r2]) {
      await takeAttempt(http, best.token, r.id, setup.questions, 4);
      await takeAttempt(http, next.token, r.id, setup.questions, 2);
    }
    // Both closed while neither is published: each gives its first prize to the same person.
    for (const r of [r1, r2]) expect((await http.post(`/rounds/${r.id}/close`, { force: true }, o)).status).toBe(200);
    expect((await http.post(`/rounds/${r1.id}/results/publish`, undefined, o)).status).toBe(200);
    const refused = expectError(await http.post(`/rounds/${r2.id}/results/publish`, undefined, o), 409);
    expect(refused.code).toBe('results_stale');
    expect(refused.details).toEqual({ userIds: [best.user.id], roundIds: [r1.id] });

    expect((await http.post(`/rounds/${r2.id}/close`, { force: true }, o)).status).toBe(200);
    const week2 = (await http.get(`/rounds/${r2.id}/results`, o)).body.items;
    expect(week2.map((i: any) => [i.userId, i.prize?.code ?? null])).toEqual([
      [best.user.id, null],
      [next.user.id, 'nhat'],
    ]);
    expect((await http.post(`/rounds/${r2.id}/results/publish`, undefined, o)).status).toBe(200);
  });

  it('lets an admin act anywhere but residents nowhere', async () => {
    const { round } = await liveRound(3600_000);
    const stranger = await newResident(http);
    expectError(await http.get(`/rounds/${round.id}/results/corrections`, stranger.token), 403);
    expectError(await http.get(`/rounds/${round.id}/results/decision.pdf`, stranger.token), 403);
    expect((await http.post(`/rounds/${round.id}/close`, { force: true }, admin.token)).status).toBe(200);
    expect((await http.get(`/rounds/${round.id}/results`, admin.token)).body).toEqual(expect.objectContaining({ total: 0, items: [] }));
  });
});
