import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { verify } from 'jsonwebtoken';
import { Pool } from 'pg';
import { Server, Socket } from 'socket.io';
import { requiredEnv } from '../lib/env';
import { floorKeys, openFloorRedis } from './floor-redis';

/**
 * The floor of an entry (issue 18): the api's wire protocol, with the least work the product's
 * guarantees need behind it, and nothing else. The same routes, Socket.IO events and reply sizes
 * as the api, so bench-floor drives it with the surge's own driver; behind them, one PostgreSQL
 * statement per commit and one Redis round trip per step (register: 1 statement; start: 1 + 1
 * script; an answer: 1 script; submit: 1 script, 1 statement, 1 pipeline). No Nest, validation,
 * rate limits, logging, metrics, integrity checks or scoring. What the api spends above this
 * process's CPU is our code; what this process spends is Node, Socket.IO, Redis and PostgreSQL
 * moving the entry's messages on this machine.
 */
const port = Number(requiredEnv('PORT'));
const secret = requiredEnv('JWT_SECRET');
const keys = floorKeys(requiredEnv('REDIS_PREFIX'));
const db = new Pool({ connectionString: requiredEnv('DATABASE_URL'), max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
const redis = openFloorRedis(requiredEnv('REDIS_URL'), true);

/** Access tokens, verified once each (as TokenService caches them). */
const verified = new Map<string, string>();
function userOf(header: string | undefined): string | null {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : header;
  if (!token) return null;
  const hit = verified.get(token);
  if (hit) return hit;
  try {
    const sub = (verify(token, secret, { algorithms: ['HS256'] }) as { sub: string }).sub;
    verified.set(token, sub);
    return sub;
  } catch {
    return null;
  }
}

const QUESTIONS = 20;
const id12 = () => randomBytes(6).toString('hex');

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function register(user: string, contestId: string, res: ServerResponse): Promise<void> {
  const r = await db.query({
    name: 'floor-register',
    text: `INSERT INTO floor_registration (contest_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id, created_at`,
    values: [contestId, user],
  });
  if (!r.rows.length) return send(res, 409, { statusCode: 409, code: 'already_registered' });
  send(res, 201, { id: r.rows[0].id, contestId, userId: user, unit: null, fields: {}, createdAt: r.rows[0].created_at });
}

async function start(user: string, roundId: string, res: ServerResponse): Promise<void> {
  const r = await db.query({
    name: 'floor-start',
    text: `INSERT INTO floor_attempt (round_id, user_id, status) VALUES ($1, $2, 'in_progress') RETURNING id, started_at`,
    values: [roundId, user],
  });
  const id: string = r.rows[0].id;
  const deadline = Date.now() + 3600_000;
  const questions = Array.from({ length: QUESTIONS }, (_, i) => ({
    id: id12(),
    type: 'single',
    points: 1,
    stem: `Câu ${i + 1}: Theo Luật Bầu cử đại biểu Quốc hội và HĐND, điều kiện thứ ${i + 1} là gì?`,
    options: [0, 1, 2, 3].map((k) => ({ id: id12(), text: `Phương án ${String.fromCharCode(65 + k)} của câu ${i + 1}` })),
  }));
  const fields = [`owner`, user, 'round', roundId, 'status', 'in_progress', 'deadline', String(deadline)];
  for (const q of questions) fields.push(`q:${q.id}`, `single|${q.options.map((o) => o.id).join(',')}`);
  await redis.floorInit(keys.meta(id), keys.deadlines, deadline, id, ...fields);
  send(res, 201, { id, roundId, status: 'in_progress', attemptNo: 1, startedAt: r.rows[0].started_at, deadlineAt: new Date(deadline), questions });
}

async function submit(user: string, attemptId: string, res: ServerResponse): Promise<void> {
  const closed = (await redis.floorClose(keys.meta(attemptId), keys.ans(attemptId), user)) as [string, string, string[]];
  if (closed[0] !== 'ok') return send(res, 409, { statusCode: 409, code: closed[0] });
  const answers = closed[2];
  const k: string[] = [];
  const v: string[] = [];
  for (let i = 0; i < answers.length; i += 2) {
    k.push(answers[i]);
    v.push(answers[i + 1]);
  }
  const score = k.length;
  await db.query({
    name: 'floor-submit',
    text: `WITH u AS (UPDATE floor_attempt SET status = 'submitted', score = $2, submitted_at = now() WHERE id = $1 AND status = 'in_progress' RETURNING id)
           INSERT INTO floor_answer (attempt_id, question_key, value, rev)
           SELECT u.id, x.k, x.v, 1 FROM u, unnest($3::text[], $4::jsonb[]) AS x(k, v)
           ON CONFLICT (attempt_id, question_key) DO UPDATE SET value = EXCLUDED.value, rev = floor_answer.rev + 1`,
    values: [attemptId, score, k, v],
  });
  const roundId = closed[1];
  // One write: the attempt's final status, the board, the round marked changed (as the api marks it for its
  // ticker; this floor's ticker compares totals, so the mark is only its cost), the rank.
  const [, , , rank] = await Promise.all([
    redis.hset(keys.meta(attemptId), 'status', 'submitted'),
    redis.zadd(keys.board(roundId), score, user),
    redis.sadd(keys.changed, roundId),
    redis.zrevrank(keys.board(roundId), user),
  ]);
  send(res, 200, { attemptId, status: 'submitted', score, maxScore: QUESTIONS, timeTakenMs: 0, submittedAt: new Date(), rank: (rank ?? 0) + 1 });
}

const ROUTES: [string, RegExp, (user: string, id: string, res: ServerResponse) => Promise<void>][] = [
  ['POST', /^\/api\/v1\/contests\/([^/]+)\/register$/, register],
  ['POST', /^\/api\/v1\/rounds\/([^/]+)\/attempts$/, start],
  ['POST', /^\/api\/v1\/attempts\/([^/]+)\/submit$/, submit],
];

function handle(req: IncomingMessage, res: ServerResponse): void {
  // The body is read to its end, as any server does (the surge sends `{}`).
  req.resume();
  req.on('end', () => {
    if (req.url === '/api/v1/health') return send(res, 200, { status: 'ok' });
    const route = ROUTES.find(([m, re]) => m === req.method && re.test(req.url ?? ''));
    if (!route) return send(res, 404, { statusCode: 404 });
    const user = userOf(req.headers.authorization);
    if (!user) return send(res, 401, { statusCode: 401 });
    route[2](user, route[1].exec(req.url!)![1], res).catch((e: Error) => send(res, 500, { statusCode: 500, message: e.message }));
  });
}

const http = createServer({ keepAliveTimeout: 65_000 }, handle);
const io = new Server(http, { serveClient: false, transports: ['websocket', 'polling'], pingInterval: 25_000, pingTimeout: 20_000, perMessageDeflate: false });
const live = io.of('/live');
live.use((socket, next) => {
  const user = userOf((socket.handshake.auth as { token?: string }).token);
  if (!user) return next(new Error('Sign in required'));
  socket.data.user = user;
  next();
});
/** Board rooms with sockets on this instance: each gets one update a second while its board changes. */
const watched = new Set<string>();
live.on('connection', (socket: Socket) => {
  const user = socket.data.user as string;
  void socket.join(`u:${user}`);
  socket.emit('session', { userId: user, role: 'resident', serverTime: new Date().toISOString() });
  void redis.zadd(keys.sockets(user), Date.now(), socket.id);
  socket.on('disconnect', () => void redis.zrem(keys.sockets(user), socket.id));
  socket.on('attempt:answer', (p: { attemptId: string; questionId: string; optionIds?: string[] }, ack: (r: unknown) => void) => {
    redis
      .floorSave(keys.meta(p.attemptId), keys.ans(p.attemptId), keys.dirty, user, p.questionId, JSON.stringify({ optionIds: p.optionIds }), p.attemptId)
      .then(
        (r) => ack(r === 'ok' ? { ok: true, seq: 1, serverTime: new Date().toISOString() } : { ok: false, error: { code: r } }),
        () => ack({ ok: false, error: { code: 'unavailable' } }),
      );
  });
  socket.on('leaderboard:join', (p: { roundId: string }, ack: (r: unknown) => void) => {
    void socket.join(`b:${p.roundId}`);
    watched.add(p.roundId);
    // As the api's join: the top and the total, read in one write. Display rows are not the floor's work: it sends none.
    Promise.all([redis.zrevrange(keys.board(p.roundId), 0, 9, 'WITHSCORES'), redis.zcard(keys.board(p.roundId))]).then(
      ([, total]) => ack({ ok: true, roundId: p.roundId, top: [], topHash: 'floor', total }),
      () => ack({ ok: false, error: { statusCode: 503 } }),
    );
  });
});

/** As the live ticker: once a second, for each watched round whose board grew, one read and one push to its room. */
// About the size of the api's pushes during a surge (bench:surge's updateBytes: a mean of 350–375 bytes).
const filler = 'x'.repeat(200);
const pushed = new Map<string, number>();
setInterval(() => {
  for (const roundId of watched) {
    const at = new Date().toISOString();
    void redis.zcard(keys.board(roundId)).then((total) => {
      if (pushed.get(roundId) === total) return;
      pushed.set(roundId, total);
      live.to(`b:${roundId}`).emit('leaderboard:update', { roundId, topHash: 'floor', total, at, filler });
    });
  }
}, 1000).unref();

http.listen(port, '127.0.0.1', () => process.stdout.write(`floor api listening on ${port}\n`));
process.on('SIGTERM', () => {
  void io.close();
  void Promise.allSettled([db.end(), redis.quit()]).then(() => process.exit(0));
});
