import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dropRedisPrefix } from '../../../scripts/lib/scratch-db';
import { startApi, TestApi } from '../../../test/harness';
import { loginAdmin } from '../../../test/factories';
import { entrant, liveQuiz, orgWithBank, OrgSetup } from '../../contests/test/factories';
import { getQueueToken } from '@nestjs/bullmq';
import Redis from 'ioredis';
import { Queues, REDIS, RedisKeys } from '@lc/platform';
import { AttemptHotStore } from '../src/hot/attempt-hot-store';
import { UNWRITTEN, WRITTEN } from '../src/hot/attempt.scripts';
import { AnswerWritebackTimer } from '../src/writeback/answer-writeback.processor';
import { finaliseAttempt, finaliseQuery } from '../src/submit/finalise-store';
import { writeAnswers } from '../src/writeback/answer-store';
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

  const ownerOf = async (attemptId: string) => {
    const [a] = await db.query<{ roundId: string; userId: string }[]>(`SELECT round_id AS "roundId", user_id AS "userId" FROM attempt WHERE id = $1`, [
      attemptId,
    ]);
    return a;
  };
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

  it('reads a batch in one Redis call and settles it in one, and never brings back an attempt that has left Redis', async () => {
    const { contest, round } = await liveQuiz(http, setup, { selection: [{ bankId: setup.bankId, count: 3 }], durationSeconds: 300 });
    const attempts: { id: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await entrant(http, contest.id);
      const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
      const res = await http.put(`/attempts/${at.id}/answers/${at.questions[0].id}`, answerBody(at.questions[0], setup.questions, true), r.token);
      expect(res.status).toBe(200);
      attempts.push(at);
    }
    const hot = api.app.get(AttemptHotStore);
    const redis = hot.redis as Redis;
    // The third attempt's state expires after its answer was saved; its answers are still there.
    const gone = hot.meta(attempts[2].id);
    await redis.del(gone);
    // What the hot store's connection sends, pipelined or not, as Redis sees it.
    const watcher = new Redis(process.env.REDIS_URL!);
    const monitor = await watcher.monitor();
    const port = `:${(redis as unknown as { stream: { localPort: number } }).stream.localPort}`;
    const sent: string[][] = [];
    const ended = new Promise<void>((done) =>
      monitor.on('monitor', (_time: string, args: string[], source: string) => {
        if (!source.endsWith(port)) return;
        if (args[0] === 'echo' && args[1] === 'flushed') done();
        else sent.push(args);
      }),
    );
    try {
      expect(await writeback.flush()).toBe(3);
      await redis.echo('flushed');
      await ended;
    } finally {
      monitor.disconnect();
      watcher.disconnect();
    }
    const calls = (sha: string) => sent.filter((a) => a[0].toLowerCase() === 'evalsha' && a[1] === sha).length;
    expect([calls(UNWRITTEN.sha), calls(WRITTEN.sha)]).toEqual([1, 1]);
    expect(await redis.exists(gone)).toBe(0);
    expect(await redis.scard(hot.dirtySetOf(attempts[0].id).inflight)).toBe(0);
    for (const at of attempts) expect(await rows(at.id)).toHaveLength(1);
    // Marked written: nothing is written again.
    await redis.sadd(hot.dirtySetOf(attempts[0].id).dirty, attempts[0].id, attempts[1].id);
    expect(await writeback.flush()).toBe(0);
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
  it('finds the attempt it finishes, and those with identical answers, by point lookups, however many attempts the round has, even with no statistics', async () => {
    const { contest, round } = await liveQuiz(http, setup, { selection: [{ bankId: setup.bankId, count: 3 }], durationSeconds: 300 });
    const r = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    const { userId } = await ownerOf(at.id);
    const c = new Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    try {
      await c.query('BEGIN');
      // 3,000 other entrants of the round, half still answering, half submitted with other answer patterns.
      await c.query(
        `WITH u AS (INSERT INTO "user" (full_name, password_hash, role) SELECT 'Người dự thi ' || g, 'x', 'resident' FROM generate_series(1, 3000) g RETURNING id)
         INSERT INTO attempt (round_id, contest_id, user_id, attempt_no, status, started_at, deadline_at, questions, answer_hash)
         SELECT $1, $2, u.id, 1, CASE WHEN row_number() OVER () % 2 = 0 THEN 'in_progress' ELSE 'submitted' END, now(), now() + interval '5 minutes', '[]', md5(u.id::text) FROM u`,
        [round.id, contest.id],
      );
      // As on a server that has not analysed the table yet (autovacuum off, a fresh restore, a new round's first surge).
      await c.query(`DELETE FROM pg_statistic WHERE starelid = 'attempt'::regclass`);
      const q = finaliseQuery({
        attemptId: at.id,
        roundId: round.id,
        userId,
        status: 'submitted',
        submittedAt: new Date(),
        score: 1,
        maxScore: 3,
        timeTakenMs: 1000,
        prediction: null,
        answerHash: 'a-pattern-nobody-else-has',
        correctCount: 1,
        submitKey: null,
        flags: [],
        answers: at.questions.map((x: { id: string }) => ({ questionKey: x.id, answer: { value: 1 }, seq: 1, rev: 1, receivedAt: new Date() })),
      });
      const [{ 'QUERY PLAN': plan }] = (await c.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.text}`, q.values)).rows;
      type Node = {
        'Node Type': string;
        Operation?: string;
        'Relation Name'?: string;
        Alias?: string;
        'Actual Rows': number;
        'Shared Hit Blocks': number;
        'Shared Read Blocks': number;
        Plans?: Node[];
      };
      const nodes = (n: Node): Node[] => [n, ...(n.Plans ?? []).flatMap(nodes)];
      const update = nodes(plan[0].Plan).find((n) => n.Operation === 'Update')!;
      expect(plan[0].Plan['Actual Rows']).toBe(1);
      // A point lookup reads a few index pages; the scan of every attempt in progress read about 1,500 here.
      expect(update['Shared Hit Blocks'] + update['Shared Read Blocks']).toBeLessThan(100);
      // The identical-answers lookup (alias o) read every attempt of the round by uq_attempt_round_user_no: about 3,000 pages.
      const identical = nodes(plan[0].Plan).filter((n) => n.Alias === 'o');
      expect(identical).toHaveLength(1);
      expect(identical[0]['Actual Rows']).toBe(0);
      expect(identical[0]['Shared Hit Blocks'] + identical[0]['Shared Read Blocks']).toBeLessThan(100);
    } finally {
      await c.query('ROLLBACK').catch(() => undefined);
      await c.end();
    }
  });

  it('writes rows in lock order, behind and at the submit: a transaction holding one answer row and then taking another does not deadlock with either', async () => {
    type Row = { attemptId: string; questionKey: string; answer: unknown; seq: number; rev: number; receivedAt: Date };
    const writers: Record<string, (rows: Row[]) => Promise<unknown>> = {
      writeBehind: (rows) => writeAnswers(db, rows),
      submit: async (rows) =>
        finaliseAttempt(db, {
          ...(await ownerOf(rows[0].attemptId)),
          attemptId: rows[0].attemptId,
          status: 'submitted',
          submittedAt: new Date(),
          score: 0,
          maxScore: 3,
          timeTakenMs: 1000,
          prediction: null,
          answerHash: null,
          correctCount: 0,
          submitKey: null,
          flags: [],
          answers: rows,
        }),
    };
    // Both orders of the batch: a statement's own order is its plan's (a join) unless it sorts.
    for (const [writer, reversed] of [
      ['writeBehind', false],
      ['writeBehind', true],
      ['submit', false],
      ['submit', true],
    ] as const) {
      const { contest, round } = await liveQuiz(http, setup, { selection: [{ bankId: setup.bankId, count: 3 }], durationSeconds: 300 });
      const r = await entrant(http, contest.id);
      const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
      // The keys in PostgreSQL's own order, the one the statement takes its locks in.
      const [{ keys }] = await db.query<{ keys: string[] }[]>('SELECT array_agg(k ORDER BY k) AS keys FROM unnest($1::text[]) AS k', [
        at.questions.map((q: { id: string }) => q.id),
      ]);
      const [first, , last] = keys;
      const row = (questionKey: string) => ({ attemptId: at.id, questionKey, answer: { value: 1 }, seq: 1, rev: 5, receivedAt: new Date() });
      const other = new Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      const insert = (k: string) =>
        other.query(`INSERT INTO attempt_answer (attempt_id, question_key, value, seq, rev, received_at) VALUES ($1, $2, '{"value":0}', 0, 1, now())`, [
          at.id,
          k,
        ]);
      try {
        await other.query('BEGIN');
        await insert(first);
        // In lock order the write waits at the first row (held above) before touching the last.
        const write = writers[writer](reversed ? [row(last), row(first)] : [row(first), row(last)]).then(
          () => null,
          (e: Error) => e,
        );
        for (let i = 0; i < 100; i++) {
          const [{ n }] = await db.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND (query LIKE 'INSERT INTO attempt_answer%' OR query LIKE 'WITH cut AS%')`,
          );
          if (n > 0) break;
          await new Promise((res) => setTimeout(res, 20));
        }
        // Out of order, the write would hold the last row now and this insert would close a cycle (40P01).
        await insert(last);
        await other.query('COMMIT');
        expect(await write).toBeNull();
      } finally {
        await other.query('ROLLBACK').catch(() => undefined);
        await other.end();
      }
      const after = await db.query<{ question_key: string; rev: number }[]>('SELECT question_key, rev FROM attempt_answer WHERE attempt_id = $1', [at.id]);
      expect(
        after
          .filter((x) => x.rev === 5)
          .map((x) => x.question_key)
          .sort(),
      ).toEqual([first, last].sort());
    }
  });
});
