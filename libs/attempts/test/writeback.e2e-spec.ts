import { DataSource } from 'typeorm';
import { dropRedisPrefix } from '../../../scripts/lib/scratch-db';
import { startApi, TestApi } from '../../../test/harness';
import { loginAdmin } from '../../../test/factories';
import { entrant, liveQuiz, orgWithBank, OrgSetup } from '../../contests/test/factories';
import { getQueueToken } from '@nestjs/bullmq';
import Redis from 'ioredis';
import { Queues, REDIS, RedisKeys } from '@lc/platform';
import { AttemptHotStore } from '../src/hot/attempt-hot-store';
import { AnswerWritebackTimer } from '../src/writeback/answer-writeback.processor';
import { AnswerWritebackService } from '../src/writeback/answer-writeback.service';
import { answerBody, RecordingHttp } from './helpers';

/**
 * The write-behind of autosaves (run by the worker every 500 ms; called directly here). Its
 * own Redis prefix: no other process of the test run flushes this dirty set meanwhile.
 */
describe('answer write-behind (real PostgreSQL + Redis)', () => {
  const prefix = `${process.env.REDIS_PREFIX}wb`;
  let api: TestApi;
  let http: RecordingHttp;
  let db: DataSource;
  let writeback: AnswerWritebackService;
  let setup: OrgSetup;

  beforeAll(async () => {
    api = await startApi({ REDIS_PREFIX: prefix });
    http = new RecordingHttp(api.url);
    db = api.app.get(DataSource);
    writeback = api.app.get(AnswerWritebackService);
    setup = await orgWithBank(http, await loginAdmin(http), 6, ['single', 'numeric', 'single']);
  });
  afterAll(async () => {
    await api.close();
    await dropRedisPrefix(process.env.REDIS_URL!, prefix);
  });

  const rows = (attemptId: string) =>
    db.query<{ question_key: string; seq: number; value: unknown }[]>(
      'SELECT question_key, seq, value FROM attempt_answer WHERE attempt_id = $1 ORDER BY question_key',
      [attemptId],
    );

  it('writes each change once: only the answers changed since the last flush, all of them on the first', async () => {
    const { contest, round } = await liveQuiz(http, setup, { selection: [{ bankId: setup.bankId, count: 3 }], durationSeconds: 300 });
    const r = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    const save = async (i: number, right: boolean) => {
      const res = await http.put(`/attempts/${at.id}/answers/${at.questions[i].id}`, answerBody(at.questions[i], setup.questions, right), r.token);
      expect(res.status).toBe(200);
    };
    for (const i of [0, 1, 2]) await save(i, false);
    expect(await writeback.flush()).toBe(3);
    expect(await rows(at.id)).toHaveLength(3);
    expect(await writeback.flush()).toBe(0);

    await save(1, true);
    expect(await writeback.flush()).toBe(1);
    const after = await rows(at.id);
    const changed = after.find((x) => x.question_key === at.questions[1].id)!;
    expect(changed.seq).toBe(2);
    expect(changed.value).toEqual(expect.objectContaining(answerBody(at.questions[1], setup.questions, true)));
    expect(after.filter((x) => x.seq === 1)).toHaveLength(2);

    // Two changes of one answer between flushes: one row, the newest.
    await save(2, true);
    await save(2, false);
    expect(await writeback.flush()).toBe(1);
    expect((await rows(at.id)).find((x) => x.question_key === at.questions[2].id)!.seq).toBe(3);
  });

  it('one worker flushes at a time (a lease); one that takes the lease over first writes what a dead flusher left in flight', async () => {
    const { contest, round } = await liveQuiz(http, setup, { selection: [{ bankId: setup.bankId, count: 3 }], durationSeconds: 300 });
    const r = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    const timer = () =>
      new AnswerWritebackTimer(api.app.get<symbol, Redis>(REDIS), api.app.get(RedisKeys), writeback, api.app.get(getQueueToken(Queues.answerWriteback)));
    const [a, b] = [timer(), timer()];
    expect(await a.tick()).toBe(0); // takes the lease: nothing to write yet
    expect(await b.tick()).toBeNull(); // held by a
    const res = await http.put(`/attempts/${at.id}/answers/${at.questions[0].id}`, answerBody(at.questions[0], setup.questions, true), r.token);
    expect(res.status).toBe(200);
    // a dies mid-batch: the attempt was taken from the dirty set, never written, and its lease lapses.
    const hot = api.app.get(AttemptHotStore);
    expect(await hot.takeDirty(10)).toEqual([at.id]);
    expect(await b.tick()).toBeNull();
    await api.app.get<symbol, Redis>(REDIS).del(api.app.get(RedisKeys).key('answers', 'flusher'));
    expect(await b.tick()).toBe(1);
    expect(await rows(at.id)).toHaveLength(1);
    expect(await a.tick()).toBeNull(); // b holds it now
    await b.onModuleDestroy(); // a clean stop hands the lease back at once
    expect(await a.tick()).toBe(0);
    await a.onModuleDestroy();
  });
  it('a submit writes only what the write-behind has not: rows already written are left alone, not locked again', async () => {
    const { contest, round } = await liveQuiz(http, setup, { selection: [{ bankId: setup.bankId, count: 3 }], durationSeconds: 300 });
    const r = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    const save = async (i: number, right: boolean) =>
      expect((await http.put(`/attempts/${at.id}/answers/${at.questions[i].id}`, answerBody(at.questions[i], setup.questions, right), r.token)).status).toBe(
        200,
      );
    await save(0, true);
    await save(1, true);
    expect(await writeback.flush()).toBe(2);
    await save(2, false); // not written behind yet: the submit writes it
    const sub = await http.post(`/attempts/${at.id}/submit`, {}, r.token);
    expect(sub.status).toBe(200);
    expect(sub.body).toEqual(expect.objectContaining({ status: 'submitted', score: 2, maxScore: 3 }));
    const after = await db.query<{ question_key: string; locked: boolean }[]>(
      `SELECT question_key, xmax::text <> '0' AS locked FROM attempt_answer WHERE attempt_id = $1`,
      [at.id],
    );
    expect(after).toHaveLength(3);
    // The two written behind were not touched by the submit's statement (an upsert that changes nothing still locks its row).
    const byKey = new Map(after.map((x) => [x.question_key, x.locked]));
    expect(byKey.get(at.questions[0].id)).toBe(false);
    expect(byKey.get(at.questions[1].id)).toBe(false);
  });
});
