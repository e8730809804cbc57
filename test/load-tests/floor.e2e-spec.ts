import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { io } from 'socket.io-client';
import { waitFor } from '../../libs/contests/test/factories';
import { FLOOR_TABLES } from '../../load-tests/floor/floor-tables';
import { AnswerSocket } from '../../load-tests/lib/answer-socket';
import { JsonClient } from '../../load-tests/lib/http-client';
import { Stats } from '../../load-tests/lib/stats';
import { runSurge } from '../../load-tests/lib/surge';
import { DIST, freePort } from '../processes';

/**
 * bench:floor's servers (issue 18) stand for the least an entry costs: they must do that
 * work, or the floor they measure is too low. Driven by the surge's own driver, every entry
 * is acknowledged and in PostgreSQL, answers reach PostgreSQL without a submit (the
 * write-behind), and a watcher gets the board pushed.
 */
describe('bench:floor servers', () => {
  const procs: ChildProcess[] = [];
  let url: string;
  let db: Client;
  const prefix = `floor${randomUUID().slice(0, 8)}`;
  const jwt = new JwtService({ secret: process.env.JWT_SECRET! });
  const resident = () => {
    const id = randomUUID();
    return { id, token: jwt.sign({ sub: id, role: 'resident', typ: 'access' }, { expiresIn: 600, algorithm: 'HS256' }) };
  };
  const start = (script: string, env: Record<string, string>) => {
    const p = spawn(process.execPath, [join(DIST, 'load-tests/floor', script)], {
      env: { ...process.env, DATABASE_POOL_SIZE: '4', REDIS_PREFIX: prefix, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    procs.push(p);
    return new Promise<void>((resolve, reject) => {
      p.stdout!.on('data', (d: Buffer) => /listening|started/.test(d.toString()) && resolve());
      p.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    });
  };

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    await db.query(FLOOR_TABLES);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    await Promise.all([start('floor-server.js', { PORT: String(port) }), start('floor-worker.js', {})]);
  });

  afterAll(async () => {
    procs.forEach((p) => p.kill('SIGTERM'));
    await db.end();
  });

  it('acknowledges every entry of a surge, with its attempt and answers in PostgreSQL', async () => {
    const roundId = randomUUID();
    const residents = Array.from({ length: 6 }, resident);
    const watcher = io(`${url}/live`, { transports: ['websocket'], auth: { token: resident().token }, forceNew: true });
    const totals: number[] = [];
    watcher.on('leaderboard:update', (u: { total: number }) => totals.push(u.total));
    await new Promise((r) => watcher.once('connect', () => r(undefined)));
    expect(await watcher.emitWithAck('leaderboard:join', { roundId })).toMatchObject({ ok: true });

    const stats = new Stats();
    const client = new JsonClient(url, stats, 8);
    const surge = await runSurge([client], { contestId: randomUUID(), roundId, residents, rate: 6, thinkMs: 10, answers: 3, autosave: 'socket' }, [url]);
    client.close();
    expect(surge.failedEntrants).toBe(0);
    expect(surge.acks.map((a) => a.userId).sort()).toEqual(residents.map((r) => r.id).sort());
    const { rows } = await db.query<{ n: string; answers: string }>(
      `SELECT count(*) AS n, sum((SELECT count(*) FROM floor_answer x WHERE x.attempt_id = a.id)) AS answers
         FROM floor_attempt a WHERE a.round_id = $1 AND a.status = 'submitted'`,
      [roundId],
    );
    expect({ n: Number(rows[0].n), answers: Number(rows[0].answers) }).toEqual({ n: 6, answers: 18 });
    await waitFor(async () => (totals.includes(6) ? true : undefined), 5000);
    watcher.close();
  });

  it('writes answers behind to PostgreSQL before any submit', async () => {
    const r = resident();
    const client = new JsonClient(url, new Stats(), 2);
    const started = await client.call<{ id: string; questions: { id: string; options: { id: string }[] }[] }>(
      'start',
      'POST',
      `/rounds/${randomUUID()}/attempts`,
      {},
      r.token,
    );
    client.close();
    const socket = await AnswerSocket.open(url, r.token);
    const stats = new Stats();
    for (const q of started.body.questions.slice(0, 2)) await socket.save(stats, 'autosave', started.body.id, q.id, { optionIds: [q.options[1].id] });
    socket.close();
    expect(stats.errors).toBe(0);
    const rows = await waitFor(async () => {
      const { rows: got } = await db.query<{ question_key: string; value: { optionIds: string[] } }>(
        `SELECT question_key, value FROM floor_answer WHERE attempt_id = $1 ORDER BY question_key`,
        [started.body.id],
      );
      return got.length === 2 ? got : undefined;
    }, 5000);
    const sent = started.body.questions.slice(0, 2).map((q) => ({ question_key: q.id, value: { optionIds: [q.options[1].id] } }));
    expect(rows).toEqual(sent.sort((a, b) => a.question_key.localeCompare(b.question_key)));
  });
});
