import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { expectError, Http, startApi, TestApi, testConfig } from '../../../test/harness';
import { loginAdmin } from '../../../test/factories';
import { entrant, iso, liveQuiz, orgWithBank, OrgSetup, sleep, waitFor } from '../../contests/test/factories';
import { REDIS, RedisClient } from '@lc/platform';
import { AttemptHotStore } from '../src/hot/attempt-hot-store';
import { answerBody } from './helpers';

/**
 * The clock's side: answers after deadline + grace are refused, the worker finalises an
 * attempt whose time is up with what was saved (even when the api that started it is gone),
 * answers reach PostgreSQL behind the scenes, and an attempt survives losing Redis.
 */
describe('deadlines, expiry and write-behind (real PostgreSQL + Redis + worker)', () => {
  let api: TestApi;
  let http: Http;
  let db: DataSource;
  let worker: INestApplicationContext;
  let setup: OrgSetup;
  let redis: RedisClient;
  let hot: AttemptHotStore;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    db = api.app.get(DataSource);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig()), { logger: false });
    // The app's own client and key layout: a single server or a cluster (REDIS_CLUSTER_NODES).
    redis = api.app.get<RedisClient>(REDIS);
    hot = api.app.get(AttemptHotStore);
    setup = await orgWithBank(http, await loginAdmin(http), 6);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const statusInDb = async (id: string) => ((await db.query('SELECT status FROM attempt WHERE id = $1', [id])) as { status: string }[])[0]?.status;

  it('ends at the round close, accepts answers within the grace, refuses them after with a clear 409', async () => {
    const { contest, round } = await liveQuiz(http, setup, { closesAt: iso(Date.now() + 3500), selection: [{ bankId: setup.bankId, count: 3 }] });
    const r = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    // deadline = min(start + duration, round close)
    expect(at.deadlineAt).toBe(round.closesAt);
    const deadline = Date.parse(at.deadlineAt);
    const [q1, q2, q3] = at.questions;
    expect((await http.put(`/attempts/${at.id}/answers/${q1.id}`, answerBody(q1, setup.questions, true), r.token)).status).toBe(200);

    await sleep(deadline + 700 - Date.now());
    // Late by less than the grace (network latency): still taken.
    expect((await http.put(`/attempts/${at.id}/answers/${q2.id}`, answerBody(q2, setup.questions, true), r.token)).status).toBe(200);

    await sleep(deadline + 2300 - Date.now());
    const late = expectError(await http.put(`/attempts/${at.id}/answers/${q3.id}`, answerBody(q3, setup.questions, true), r.token), 409);
    // The worker may have finalised it in the meantime; either way the answer is refused clearly.
    if (late.code === 'deadline_passed') expect(late.details.deadlineAt).toBe(at.deadlineAt);
    else expect(late).toEqual(expect.objectContaining({ code: 'attempt_closed', details: { status: 'expired' } }));

    const sub = expectError(await http.post(`/attempts/${at.id}/submit`, {}, r.token), 409);
    expect(sub.code).toBe('deadline_passed');
    expect(sub.details.result).toEqual(expect.objectContaining({ status: 'expired', score: 2, maxScore: 3 }));
    expect(await statusInDb(at.id)).toBe('expired');
  });

  it('writes answers behind to PostgreSQL within a second, and the worker finalises within 5 s of the deadline with the api gone', async () => {
    const other = await startApi();
    const h = new Http(other.url);
    const { contest, round } = await liveQuiz(http, setup, { closesAt: iso(Date.now() + 3000), selection: [{ bankId: setup.bankId, count: 4 }] });
    const r = await entrant(h, contest.id);
    const at = (await h.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    const deadline = Date.parse(at.deadlineAt);
    const [q1, q2] = at.questions;
    expect((await h.put(`/attempts/${at.id}/answers/${q1.id}`, answerBody(q1, setup.questions, true), r.token)).status).toBe(200);
    expect((await h.put(`/attempts/${at.id}/answers/${q2.id}`, answerBody(q2, setup.questions, false), r.token)).status).toBe(200);
    const savedAt = Date.now();
    await waitFor(
      async () => ((await db.query('SELECT count(*)::int AS n FROM attempt_answer WHERE attempt_id = $1', [at.id]))[0].n === 2 ? true : undefined),
      3000,
      50,
    );
    expect(Date.now() - savedAt).toBeLessThan(1200);

    await other.close();
    const doneAt = await waitFor(async () => ((await statusInDb(at.id)) === 'expired' ? Date.now() : undefined), deadline + 8000 - Date.now(), 100);
    expect(doneAt - deadline).toBeLessThan(5000);
    const [row] = await db.query('SELECT score::float8 AS score, max_score::float8 AS max, time_taken_ms, submitted_at FROM attempt WHERE id = $1', [at.id]);
    expect(row).toEqual(expect.objectContaining({ score: 1, max: 4, time_taken_ms: deadline - Date.parse(at.startedAt) }));
    const mine = await http.get(`/rounds/${round.id}/my-attempts`, r.token);
    expect(mine.body.items[0]).toEqual(expect.objectContaining({ status: 'expired', score: 1 }));
    const board = await http.get(`/rounds/${round.id}/leaderboard`, r.token);
    if (board.status === 200) expect(board.body.items.map((x: any) => x.userId)).toContain(r.user.id);
  });

  it('rebuilds an attempt from PostgreSQL when Redis loses it', async () => {
    const { contest, round } = await liveQuiz(http, setup, { selection: [{ bankId: setup.bankId, count: 5 }] });
    const r = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    for (const q of at.questions.slice(0, 3))
      expect((await http.put(`/attempts/${at.id}/answers/${q.id}`, answerBody(q, setup.questions, true), r.token)).status).toBe(200);
    await waitFor(
      async () => ((await db.query('SELECT count(*)::int AS n FROM attempt_answer WHERE attempt_id = $1', [at.id]))[0].n === 3 ? true : undefined),
      3000,
      50,
    );

    const lost = await redis.del(hot.meta(at.id), hot.ans(at.id));
    expect(lost).toBe(2);

    const resumed = await http.get(`/attempts/${at.id}`, r.token);
    expect(Object.keys(resumed.body.answers)).toHaveLength(3);
    const q4 = at.questions[3];
    expect((await http.put(`/attempts/${at.id}/answers/${q4.id}`, answerBody(q4, setup.questions, true), r.token)).status).toBe(200);
    await redis.del(hot.meta(at.id), hot.ans(at.id));
    // Lost again before the write-behind of q4 perhaps: what PostgreSQL holds is what counts.
    const sub = await http.post(`/attempts/${at.id}/submit`, {}, r.token);
    expect(sub.status).toBe(200);
    expect([3, 4]).toContain(sub.body.score);
  });
});
