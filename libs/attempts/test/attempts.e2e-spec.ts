import { DataSource } from 'typeorm';
import { expectError, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newResident, Session } from '../../../test/factories';
import { entrant, iso, liveQuiz, orgWithBank, OrgSetup, SECRET, sleep } from '../../contests/test/factories';
import { answerAll, answerBody, RecordingHttp } from './helpers';

/**
 * Two api instances on one database and one Redis prefix, as behind a load balancer:
 * requests for one resident alternate between them.
 */
describe('attempts across two api instances (real PostgreSQL + Redis + HTTP)', () => {
  let a: TestApi;
  let b: TestApi;
  let httpA: RecordingHttp;
  let httpB: RecordingHttp;
  let db: DataSource;
  let admin: Session;
  let setup: OrgSetup;

  beforeAll(async () => {
    [a, b] = await Promise.all([startApi(), startApi()]);
    httpA = new RecordingHttp(a.url);
    httpB = new RecordingHttp(b.url);
    db = a.app.get(DataSource);
    admin = await loginAdmin(httpA);
    setup = await orgWithBank(httpA, admin, 12, ['single', 'multiple', 'true_false', 'numeric', 'short_text', 'single']);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  /** Only residents' responses: staff may see more (flags, ip). */
  const residentBodies: unknown[] = [];

  it('starts with its own draw and server deadline, autosaves, resumes on another login and instance, submits once', async () => {
    const { contest, round } = await liveQuiz(httpA, setup, { selection: [{ bankId: setup.bankId, count: 6 }], durationSeconds: 300 });
    const r = await entrant(httpA, contest.id);
    const before = Date.now();
    const start = await httpA.post(`/rounds/${round.id}/attempts`, {}, r.token);
    expect(start.status).toBe(201);
    const at = start.body;
    expect(Object.keys(at).sort()).toEqual(['answers', 'attemptNo', 'deadlineAt', 'id', 'questions', 'roundId', 'serverTime', 'startedAt', 'status']);
    expect(at.questions).toHaveLength(6);
    for (const q of at.questions) {
      expect(Object.keys(q).sort()).toEqual(['id', 'options', 'points', 'stem', 'type']);
      for (const o of q.options) expect(Object.keys(o).sort()).toEqual(['id', 'text']);
    }
    const deadline = Date.parse(at.deadlineAt);
    expect(deadline - Date.parse(at.startedAt)).toBe(300_000);
    expect(Math.abs(Date.parse(at.serverTime) - before)).toBeLessThan(5000);

    // Answer half on A, half on B.
    const half = Math.ceil(at.questions.length / 2);
    for (const [i, q] of at.questions.entries()) {
      const h = i < half ? httpA : httpB;
      const saved = await h.put(`/attempts/${at.id}/answers/${q.id}`, answerBody(q, setup.questions, i % 2 === 0), r.token);
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({ questionId: q.id, seq: 1, savedAt: expect.any(String) });
    }
    // Change one answer: the newest wins.
    const first = at.questions[0];
    expect((await httpB.put(`/attempts/${at.id}/answers/${first.id}`, answerBody(first, setup.questions, true), r.token)).body.seq).toBe(2);

    // Another device: a fresh login on the other instance sees every saved answer.
    const login = await httpB.post('/auth/login', { login: r.input.phone, password: r.input.password });
    const resumed = await httpB.get(`/attempts/${at.id}`, login.body.accessToken);
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe('in_progress');
    expect(resumed.body.deadlineAt).toBe(at.deadlineAt);
    expect(resumed.body.questions).toEqual(at.questions);
    expect(Object.keys(resumed.body.answers).sort()).toEqual(at.questions.map((q: any) => q.id).sort());
    expect(resumed.body.answers[first.id]).toEqual(expect.objectContaining({ ...answerBody(first, setup.questions, true), seq: 2 }));
    expect(resumed.body.integrity).toBeUndefined();

    const expected = at.questions.filter((_q: any, i: number) => i === 0 || i % 2 === 0).length;
    const sub = await httpA.post(`/attempts/${at.id}/submit`, {}, r.token, { 'Idempotency-Key': `k-${at.id}` });
    expect(sub.status).toBe(200);
    expect(sub.body).toEqual(expect.objectContaining({ attemptId: at.id, status: 'submitted', score: expected, maxScore: 6, rank: 1 }));
    expect(sub.body.timeTakenMs).toBeGreaterThan(0);
    // A retry, with or without the key and on either instance, returns the stored result.
    for (const h of [httpA, httpB]) {
      const again = await h.post(`/attempts/${at.id}/submit`, {}, r.token, { 'Idempotency-Key': `k-${at.id}` });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(sub.body);
    }
    expect((await httpB.post(`/attempts/${at.id}/submit`, { prediction: 5 }, r.token)).body).toEqual(sub.body);
    // Answers after submitting are refused.
    expect(expectError(await httpB.put(`/attempts/${at.id}/answers/${first.id}`, answerBody(first, setup.questions, false), r.token), 409).code).toBe(
      'attempt_closed',
    );

    const rows = await db.query('SELECT status, score::float8 AS score, submit_key FROM attempt WHERE round_id = $1 AND user_id = $2', [round.id, r.user.id]);
    expect(rows).toEqual([{ status: 'submitted', score: expected, submit_key: `k-${at.id}` }]);
    const answers = await db.query('SELECT count(*)::int AS n FROM attempt_answer WHERE attempt_id = $1', [at.id]);
    expect(answers[0].n).toBe(6);

    const mine = await httpB.get(`/rounds/${round.id}/my-attempts`, r.token);
    expect(mine.body).toEqual(expect.objectContaining({ maxAttempts: 1, remaining: 0, inProgress: null }));
    expect(mine.body.items).toEqual([expect.objectContaining({ id: at.id, status: 'submitted', score: expected })]);
    expect(expectError(await httpA.post(`/rounds/${round.id}/attempts`, {}, r.token), 409).code).toBe('attempt_limit_reached');
    residentBodies.push(start.body, resumed.body, sub.body, mine.body);
  });

  it('holds one attempt in progress and the attempt limit under concurrent starts on both instances', async () => {
    const { contest, round } = await liveQuiz(httpA, setup, { maxAttempts: 2 });
    const r = await entrant(httpA, contest.id);
    const burst = () => Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? httpA : httpB).post(`/rounds/${round.id}/attempts`, {}, r.token)));

    const first = await burst();
    const won = first.filter((x) => x.status === 201);
    expect(won).toHaveLength(1);
    for (const x of first.filter((y) => y.status !== 201)) {
      expect(expectError(x, 409).code).toBe('attempt_in_progress');
      expect(x.body.details.attemptId).toBe(won[0].body.id);
    }
    expect((await httpB.post(`/attempts/${won[0].body.id}/submit`, {}, r.token)).status).toBe(200);

    const second = await burst();
    expect(second.filter((x) => x.status === 201)).toHaveLength(1);
    const secondId = second.find((x) => x.status === 201)!.body.id;
    expect(second.find((x) => x.status === 201)!.body.attemptNo).toBe(2);
    expect((await httpA.post(`/attempts/${secondId}/submit`, {}, r.token)).status).toBe(200);

    const third = await burst();
    for (const x of third) expect(expectError(x, 409).code).toBe('attempt_limit_reached');
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM attempt WHERE round_id = $1 AND user_id = $2', [round.id, r.user.id]);
    expect(n).toBe(2);
  });

  it('counts concurrent submits on both instances once', async () => {
    const { contest, round } = await liveQuiz(httpA, setup, { selection: [{ bankId: setup.bankId, count: 4 }] });
    const r = await entrant(httpA, contest.id);
    const at = (await httpA.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    const score = await answerAll(httpB, r.token, at, setup.questions, 3);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? httpA : httpB).post(`/attempts/${at.id}/submit`, {}, r.token, { 'Idempotency-Key': `same-${i % 3}` })),
    );
    for (const x of results) {
      expect(x.status).toBe(200);
      expect(x.body).toEqual(expect.objectContaining({ attemptId: at.id, score, maxScore: 4 }));
    }
    expect(new Set(results.map((x) => x.body.submittedAt)).size).toBe(1);
    const rows = await db.query(`SELECT status, submitted_at FROM attempt WHERE id = $1`, [at.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('submitted');
    const audit = await db.query(`SELECT count(*)::int AS n FROM attempt WHERE round_id = $1 AND status = 'submitted'`, [round.id]);
    expect(audit[0].n).toBe(1);
    const board = await httpA.get(`/rounds/${round.id}/leaderboard`, r.token);
    if (board.status === 200) expect(board.body.total).toBe(1);
  });

  it('rejects option and question ids from another attempt, stale changes and wrong kinds', async () => {
    const { contest, round } = await liveQuiz(httpA, setup, { selection: [{ bankId: setup.bankId, count: 12 }] });
    const x = await entrant(httpA, contest.id);
    const y = await entrant(httpA, contest.id);
    const ax = (await httpA.post(`/rounds/${round.id}/attempts`, {}, x.token)).body;
    const ay = (await httpB.post(`/rounds/${round.id}/attempts`, {}, y.token)).body;
    const choiceX = ax.questions.find((q: any) => q.type === 'single');
    const sameInY = ay.questions.find((q: any) => q.stem === choiceX.stem);
    // Same question, different ids in each attempt: nothing to copy between entrants.
    expect(sameInY.id).not.toBe(choiceX.id);
    expect(sameInY.options.map((o: any) => o.id)).not.toEqual(expect.arrayContaining([choiceX.options[0].id]));

    expect(expectError(await httpA.put(`/attempts/${ay.id}/answers/${sameInY.id}`, { optionIds: [choiceX.options[0].id] }, y.token), 400).code).toBe(
      'unknown_option',
    );
    expectError(await httpA.put(`/attempts/${ay.id}/answers/${choiceX.id}`, { optionIds: [sameInY.options[0].id] }, y.token), 404);
    // Someone else's attempt looks missing.
    expectError(await httpB.put(`/attempts/${ax.id}/answers/${choiceX.id}`, { optionIds: [choiceX.options[0].id] }, y.token), 404);
    expectError(await httpB.get(`/attempts/${ax.id}`, y.token), 404);
    expect(
      expectError(await httpA.put(`/attempts/${ax.id}/answers/${choiceX.id}`, { optionIds: [choiceX.options[0].id, choiceX.options[1].id] }, x.token), 400)
        .code,
    ).toBe('one_option_only');
    expect(expectError(await httpA.put(`/attempts/${ax.id}/answers/${choiceX.id}`, { value: 3 }, x.token), 400).code).toBe('wrong_answer_kind');
    const numeric = ax.questions.find((q: any) => q.type === 'numeric');
    expect(expectError(await httpA.put(`/attempts/${ax.id}/answers/${numeric.id}`, { value: 'mười tám' }, x.token), 400).code).toBe('wrong_answer_kind');
    expect((await httpA.put(`/attempts/${ax.id}/answers/${numeric.id}`, { value: '18' }, x.token)).status).toBe(200);
    expectError(await httpA.put(`/attempts/${ax.id}/answers/${numeric.id}`, { value: 1, optionIds: [] }, x.token), 400);
    expectError(await httpA.put(`/attempts/${ax.id}/answers/${numeric.id}`, { value: { $gt: 1 } }, x.token), 400);

    expect((await httpA.put(`/attempts/${ax.id}/answers/${choiceX.id}`, { optionIds: [choiceX.options[1].id], seq: 5 }, x.token)).body.seq).toBe(5);
    const stale = expectError(await httpB.put(`/attempts/${ax.id}/answers/${choiceX.id}`, { optionIds: [choiceX.options[2].id], seq: 4 }, x.token), 409);
    expect(stale.code).toBe('stale_answer');
    expect(stale.details.seq).toBe(5);
    expect((await httpB.put(`/attempts/${ax.id}/answers/${choiceX.id}`, { optionIds: [], seq: 6 }, x.token)).status).toBe(200);
    const view = await httpA.get(`/attempts/${ax.id}`, x.token);
    expect(view.body.answers[choiceX.id]).toEqual(expect.objectContaining({ optionIds: [], seq: 6 }));
    residentBodies.push(ax, ay, view.body);
  });

  it('lets in only registered entrants of an open round', async () => {
    const { round } = await liveQuiz(httpA, setup);
    const stranger = await newResident(httpA);
    expect(expectError(await httpA.post(`/rounds/${round.id}/attempts`, {}, stranger.token), 403).code).toBe('not_registered');
    expectError(await httpA.post(`/rounds/${round.id}/attempts`, {}, setup.organiser.token), 403);
    const later = await liveQuiz(httpA, setup, { opensAt: iso(Date.now() + 3600_000), closesAt: iso(Date.now() + 7200_000) });
    const r = await entrant(httpA, later.contest.id);
    const notYet = expectError(await httpB.post(`/rounds/${later.round.id}/attempts`, {}, r.token), 409);
    expect(notYet.code).toBe('round_not_open');
    expect(notYet.details.opensAt).toBe(later.round.opensAt);
    expectError(await httpA.post(`/rounds/00000000-0000-0000-0000-000000000000/attempts`, {}, r.token), 404);
  });

  it('flags impossibly fast, shared-device and identical attempts for staff only', async () => {
    const { contest, round } = await liveQuiz(httpA, setup, { selection: [{ bankId: setup.bankId, count: 12 }], shuffleQuestions: true });
    const device = { 'x-device-id': `device-${Date.now()}` };
    // p entered for another unit than their profile's: the listing names the unit of the registration.
    const p = await entrant(httpA, contest.id, { unit: 'Phòng Tư pháp huyện Gia Viễn' }, { province: 'Ninh Bình' });
    const q = await entrant(httpA, contest.id);
    const start = (s: Session) => httpA.req('POST', `/rounds/${round.id}/attempts`, { token: s.token, headers: device, body: {} });
    const ap = (await start(p)).body;
    const aq = (await start(q)).body;
    // Same answers with mistakes, submitted at once: too fast, one device, identical pattern.
    const firstHalf = (k: { id: string }) => setup.questions.findIndex((x) => x.id === k.id) < 6;
    await answerAll(httpA, p.token, ap, setup.questions, firstHalf);
    await answerAll(httpB, q.token, aq, setup.questions, firstHalf);
    expect((await httpA.post(`/attempts/${ap.id}/submit`, {}, p.token)).status).toBe(200);
    expect((await httpB.post(`/attempts/${aq.id}/submit`, {}, q.token)).status).toBe(200);
    expect((await httpB.post(`/attempts/${aq.id}/events`, { kind: 'focus_lost' }, q.token)).status).toBe(409);

    await sleep(300);
    const list = await httpA.get(`/rounds/${round.id}/attempts?flagged=true`, setup.organiser.token);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    for (const row of list.body.items) {
      const codes = row.flags.map((f: any) => f.code);
      expect(codes).toEqual(expect.arrayContaining(['too_fast', 'shared_device', 'identical_answers']));
      expect(row.deviceId).toBe(device['x-device-id']);
    }
    const whereFrom = Object.fromEntries(list.body.items.map((r: { userId: string; unit: string; province: string }) => [r.userId, [r.unit, r.province]]));
    expect(whereFrom).toEqual({ [p.user.id]: ['Phòng Tư pháp huyện Gia Viễn', 'Ninh Bình'], [q.user.id]: ['Trường THPT Hòn Gai', 'Quảng Ninh'] });
    const staffView = await httpB.get(`/attempts/${ap.id}`, setup.organiser.token);
    expect(staffView.body.integrity.flags.length).toBeGreaterThanOrEqual(3);
    const own = await httpB.get(`/attempts/${ap.id}`, p.token);
    expect(own.body.integrity).toBeUndefined();
    expect(JSON.stringify(own.body)).not.toContain('shared_device');
    expectError(await httpA.get(`/rounds/${round.id}/attempts`, p.token), 403);
    residentBodies.push(own.body);
  });

  it('flags every account on a crowded device once: the earlier ones when the limit is reached, later ones on their own start', async () => {
    const { contest, round } = await liveQuiz(httpA, setup);
    const device = { 'x-device-id': `crowd-${Date.now()}` };
    const people = [await entrant(httpA, contest.id), await entrant(httpA, contest.id), await entrant(httpA, contest.id), await entrant(httpA, contest.id)];
    const ids: string[] = [];
    for (const [i, s] of people.entries())
      ids.push((await (i % 2 ? httpB : httpA).req('POST', `/rounds/${round.id}/attempts`, { token: s.token, headers: device, body: {} })).body.id);
    await sleep(300);
    const rows = await db.query(`SELECT id, flags FROM attempt WHERE id = ANY($1::uuid[])`, [ids]);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.flags.filter((f: { code: string }) => f.code === 'shared_device')).toHaveLength(1);
  });

  it('records integrity events while the attempt runs', async () => {
    const { contest, round } = await liveQuiz(httpA, setup);
    const r = await entrant(httpA, contest.id);
    const at = (await httpA.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    expect((await httpB.post(`/attempts/${at.id}/events`, { kind: 'focus_lost', at: new Date().toISOString() }, r.token)).status).toBe(201);
    expect((await httpA.post(`/attempts/${at.id}/events`, { kind: 'focus_back' }, r.token)).status).toBe(201);
    expect(expectError(await httpA.post(`/attempts/${at.id}/events`, { kind: 'teleported' }, r.token), 400).code).toBe('unknown_event');
    const other = await entrant(httpA, contest.id);
    expectError(await httpA.post(`/attempts/${at.id}/events`, { kind: 'focus_lost' }, other.token), 404);
    const rows = await db.query('SELECT kind, client_at IS NOT NULL AS has_client FROM attempt_event WHERE attempt_id = $1 ORDER BY kind', [at.id]);
    // Two events may share a millisecond, so order by kind rather than time.
    expect(rows).toEqual([
      { kind: 'focus_back', has_client: false },
      { kind: 'focus_lost', has_client: true },
    ]);
    const staff = await httpA.get(`/rounds/${round.id}/attempts`, setup.organiser.token);
    expect(staff.body.items.find((x: any) => x.id === at.id).events).toBe(2);
  });

  it('never lets correct answers or explanations out before results are published, then shows the review', async () => {
    const { contest, round } = await liveQuiz(httpA, setup, { selection: [{ bankId: setup.bankId, count: 12 }] });
    const r = await entrant(httpA, contest.id);
    const at = (await httpB.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    await answerAll(httpA, r.token, at, setup.questions, 6);
    const sub = await httpA.post(`/attempts/${at.id}/submit`, { prediction: 42 }, r.token);
    const after = await httpB.get(`/attempts/${at.id}`, r.token);
    expect(after.body.review).toBeUndefined();
    residentBodies.push(at, sub.body, after.body);

    const secrets = [SECRET.explanation, SECRET.accepted, ...setup.questions.flatMap((q) => q.bankOptionIds), ...setup.questions.map((q) => q.id)];
    const everything = [...residentBodies, ...httpA.bodies, ...httpB.bodies].filter((body) => !isStaffBody(body));
    expect(everything.length).toBeGreaterThan(50);
    for (const body of everything) {
      // An entrant's own typed answers may of course hold the right text.
      const text = JSON.stringify(body, (k, v) => (k === 'answers' || k === 'value' ? undefined : v));
      expect(text).not.toMatch(/"correct"|"explanation"|"accepted"|"ref"|"versionId"|"correctOptionIds"/);
      for (const s of secrets) if (text.includes(s)) throw new Error(`leaked ${s} in ${text.slice(0, 300)}`);
    }

    // The judges publish results (the judging module's job; done here in SQL), then the key shows —
    // once no other round draws these questions (SPEC "Anti-cheating"): this file's other rounds share the bank.
    await db.query(
      `UPDATE round SET status = 'closed', closed_at = now() - interval '1 minute' WHERE id <> $1 AND status IN ('scheduled', 'open') AND contest_id IN (SELECT id FROM contest WHERE organisation_id = $2)`,
      [round.id, setup.org.id],
    );
    await db.query(`UPDATE round SET status = 'published' WHERE id = $1`, [round.id]);
    await sleep(1100);
    const review = await httpA.get(`/attempts/${at.id}`, r.token);
    expect(review.body.review).toHaveLength(12);
    const single = at.questions.find((q: any) => q.type === 'single');
    const key = setup.questions.find((q) => q.stem === single.stem)!;
    const item = review.body.review.find((x: any) => x.questionId === single.id);
    expect(item.correctOptionIds).toEqual(single.options.filter((o: any) => key.correctTexts.includes(o.text)).map((o: any) => o.id));
    expect(item.explanation).toContain(SECRET.explanation);
    expect(review.body.review.filter((x: any) => x.correct).length).toBe(sub.body.score);
  });

  function isStaffBody(body: unknown): boolean {
    // Bodies from staff calls (question banks with their keys, staff lists) are not residents' to scan.
    const text = JSON.stringify(body ?? null);
    return /"integrity"|"bankId"|"organisationId"|"flags"|"accessToken"|"selection"|"locked"/.test(text);
  }
});
