/**
 * npm run bench:live — a live final on stage (issue 20), on this machine: two api instances
 * (built code, production mode) on a scratch database and Redis prefix; N players on
 * sockets, half on each instance, answer Q questions driven by a host on the first
 * instance; then the final ends and each player's attempt is checked in PostgreSQL.
 * Prints one JSON document:
 *   questionDelivery  host's `next` sent → live:question at each player (ms, p50/p99/max)
 *   answerAck         live:answer sent → its ack (ms)
 *   revealToBoard     host's `reveal` sent → live:board at each player (ms)
 *   hostRequests      the host's next / reveal HTTP round trips (ms)
 *   lostAnswers / doubleCountedAnswers  acknowledged answers missing from, or counted twice
 *                     in, the reveal distributions and the attempts written at the end (must be 0)
 *
 * Knobs (env): BENCH_LIVE_PLAYERS (2000), BENCH_LIVE_QUESTIONS (10), BENCH_LIVE_SECONDS
 * (seconds per question, 10), BENCH_LIVE_THINK_MS (players answer within this, 4000),
 * BENCH_KEEP=1 keeps the scratch database and Redis keys.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import { API_NODE_ARGS, benchProcessEnv, intEnv, loadDotEnv, log, machineInfo } from './lib/env';
import { JsonClient, must } from './lib/http-client';
import { freePort, sampleRss, startProcess, stopProcess, waitHealthy, Proc } from './lib/procs';
import { createScratchDatabase, dropRedisPrefix, dropScratchDatabase } from '../scripts/lib/scratch-db';
import { createResidents, seedOrganiser } from './lib/seed';
import { percentiles, round, Stats } from './lib/stats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Shown {
  roundId: string;
  index: number;
  question: { id: string; stem: string; options: { id: string; text: string }[] };
}

async function main(): Promise<void> {
  loadDotEnv();
  const playersN = intEnv('BENCH_LIVE_PLAYERS', 2000);
  const questionsN = intEnv('BENCH_LIVE_QUESTIONS', 10);
  const seconds = intEnv('BENCH_LIVE_SECONDS', 10);
  const thinkMs = Math.min(intEnv('BENCH_LIVE_THINK_MS', 4000), seconds * 1000 - 500);
  const keep = process.env.BENCH_KEEP === '1';
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const dbName = `lc_bench_${run}`;
  const prefix = `bench${run}`;
  const redisUrl = process.env.REDIS_URL!;
  const admin = { email: 'bench-admin@bench.local', password: 'Bench-admin-2026' };
  const result: Record<string, unknown> = {
    machine: { ...machineInfo(), loadAvgBefore: os.loadavg().map((x) => round(x, 2)) },
    config: { players: playersN, questions: questionsN, secondsPerQuestion: seconds, thinkMs, apiInstances: 2, transport: 'websocket' },
  };
  const procs: Proc[] = [];
  const sockets: Socket[] = [];
  let stopRss = () => {};
  log(`scratch database ${dbName}, Redis prefix ${prefix}`);
  const databaseUrl = await createScratchDatabase(process.env.DATABASE_URL!, dbName);
  try {
    const env = benchProcessEnv({ databaseUrl, redisUrl, prefix, admin, poolSize: '10' });
    const ports = [await freePort(), await freePort()];
    const apis = [0, 1].map((i) => startProcess(`api${i + 1}`, 'apps/api/src/main.js', env, ports[i], API_NODE_ARGS));
    procs.push(...apis);
    stopRss = sampleRss(procs);
    await Promise.all(apis.map((p) => waitHealthy(p)));
    log('api ×2 up');

    // ---- seed: staff, a bank, a published contest with one live round ----
    const seedStats = new Stats();
    const http = new JsonClient(apis[0].url!, seedStats, 8);
    const { token: host } = await seedOrganiser(http, admin, {
      organisation: `Sở Tư pháp live ${run}`,
      organiser: 'Người dẫn chương trình',
      email: `host.${run}@bench.local`,
    });
    const bank = await must(http.call('seed', 'POST', '/question-banks', { name: 'Chung kết (bench)' }, host), 'bank');
    const rightText = new Map<string, string>();
    for (let i = 0; i < questionsN; i++) {
      const stem = `Câu ${i + 1}: Theo Luật Bầu cử, điều kiện thứ ${i + 1} là gì?`;
      const options = [0, 1, 2, 3].map((k) => ({ text: `Phương án ${String.fromCharCode(65 + k)} câu ${i + 1}`, correct: k === i % 4 }));
      rightText.set(stem, options[i % 4].text);
      await must(
        http.call(
          'seed',
          'POST',
          `/question-banks/${bank.id}/questions`,
          { type: 'single', stem, options, points: 1, difficulty: 1, topic: 'Chung kết' },
          host,
        ),
        'question',
      );
    }
    const contest = await must(http.call('seed', 'POST', '/contests', { title: `Chung kết trực tiếp (bench ${run})` }, host), 'contest');
    const liveRound = await must(
      http.call(
        'seed',
        'POST',
        `/contests/${contest.id}/rounds`,
        {
          title: 'Ai nhanh hơn',
          kind: 'live',
          opensAt: new Date(Date.now() - 1000).toISOString(),
          closesAt: new Date(Date.now() + 6 * 3600_000).toISOString(),
          questions: [{ bankId: bank.id, count: questionsN }],
          secondsPerQuestion: seconds,
          speedBonus: { maxPoints: 5 },
        },
        host,
      ),
      'live round',
    );
    const roundId: string = liveRound.id;
    await must(http.call('seed', 'POST', `/contests/${contest.id}/publish`, {}, host), 'publish');
    const residents = await createResidents(databaseUrl, process.env.JWT_SECRET!, playersN, 'L');
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(`INSERT INTO registration (contest_id, user_id, unit) SELECT $1, id, 'Đơn vị bench' FROM unnest($2::uuid[]) AS t(id)`, [
      contest.id,
      residents.map((r) => r.id),
    ]);
    log(`${playersN} players registered`);

    // ---- players connect, half on each instance, and join ----
    const questionAt: number[][] = Array.from({ length: questionsN }, () => []);
    const boardAt: number[][] = Array.from({ length: questionsN }, () => []);
    const ackMs: number[] = [];
    let tNext = 0;
    let tReveal = 0;
    let revealIndex = -1;
    const acked: number[] = Array(questionsN).fill(0);
    const refused: Record<string, number> = {};
    const pending: Promise<void>[] = [];
    const connectOne = (i: number) =>
      new Promise<Socket>((resolve, reject) => {
        const s = io(`${apis[i % 2].url}/live`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: residents[i].token } });
        s.once('connect', () => resolve(s));
        s.once('connect_error', reject);
      });
    for (let i = 0; i < playersN; i += 100) {
      const batch = await Promise.all(Array.from({ length: Math.min(100, playersN - i) }, (_, k) => connectOne(i + k)));
      sockets.push(...batch);
    }
    const joins = await Promise.all(sockets.map((s) => s.timeout(30_000).emitWithAck('live:join', { roundId })));
    const joinFailures = joins.filter((j) => !j.ok).length;
    log(`${sockets.length} sockets joined (${joinFailures} refused)`);
    sockets.forEach((s, i) => {
      s.on('live:question', (p: Shown) => {
        questionAt[p.index]?.push(performance.now() - tNext);
        // Think, then answer: 60 % right, the rest wrong.
        const right = p.question.options.find((o) => o.text === rightText.get(p.question.stem))!;
        const wrong = p.question.options.find((o) => o.id !== right.id)!;
        const pick = (i * 7919 + p.index * 31) % 10 < 6 ? right : wrong;
        pending.push(
          sleep(200 + Math.random() * (thinkMs - 200)).then(async () => {
            const t = performance.now();
            const ack = await s
              .timeout(10_000)
              .emitWithAck('live:answer', { roundId, questionId: p.question.id, optionIds: [pick.id] })
              .catch(() => ({ ok: false, code: 'timeout' }));
            if (ack.ok) {
              ackMs.push(performance.now() - t);
              acked[p.index]++;
            } else refused[ack.code] = (refused[ack.code] ?? 0) + 1;
          }),
        );
      });
      s.on('live:board', () => {
        if (revealIndex >= 0) boardAt[revealIndex].push(performance.now() - tReveal);
      });
    });

    // The driver shares the CPU with what it measures: its own event-loop delay is reported beside the figures.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    // ---- the host runs the final ----
    const hostHttp = new JsonClient(apis[0].url!, new Stats(), 4);
    await must(hostHttp.call('host', 'POST', `/rounds/${roundId}/live/start`, {}, host), 'start');
    const counted: number[] = [];
    const nextHttp: number[] = [];
    const revealHttp: number[] = [];
    const loadDuring: number[] = [];
    for (let q = 0; q < questionsN; q++) {
      pending.length = 0;
      tNext = performance.now();
      await must(hostHttp.call('host', 'POST', `/rounds/${roundId}/live/next`, { fromIndex: q - 1 }, host), `next ${q}`);
      nextHttp.push(performance.now() - tNext);
      // Every player has the question and answered (or the window is over).
      const until = Date.now() + seconds * 1000;
      while (questionAt[q].length < sockets.length && Date.now() < until) await sleep(20);
      await sleep(thinkMs + 200);
      await Promise.all(pending);
      loadDuring.push(os.loadavg()[0]);
      revealIndex = q;
      tReveal = performance.now();
      const revealed = await must(hostHttp.call('host', 'POST', `/rounds/${roundId}/live/reveal`, { fromIndex: q }, host), `reveal ${q}`);
      revealHttp.push(performance.now() - tReveal);
      counted.push(Object.values(revealed.reveal.distribution as Record<string, number>).reduce((x, y) => x + y, 0));
      const boardUntil = Date.now() + 5000;
      while (boardAt[q].length < sockets.length && Date.now() < boardUntil) await sleep(20);
      revealIndex = -1;
      log(`question ${q + 1}/${questionsN}: delivered ${questionAt[q].length}, acked ${acked[q]}, counted ${counted[q]}, boards ${boardAt[q].length}`);
    }
    lag.disable();
    result.driverEventLoopDelayMs = { p50: round(lag.percentile(50) / 1e6), p99: round(lag.percentile(99) / 1e6), max: round(lag.max / 1e6) };
    const ended = await must(hostHttp.call('host', 'POST', `/rounds/${roundId}/live/end`, {}, host), 'end');

    // ---- nothing lost, nothing twice: the reveals and the attempts in PostgreSQL ----
    const [{ attempts, answers, people }] = (
      await db.query(
        `SELECT count(*)::int AS attempts, count(DISTINCT user_id)::int AS people,
                (SELECT count(*)::int FROM attempt_answer aa JOIN attempt t ON t.id = aa.attempt_id WHERE t.round_id = $1) AS answers
           FROM attempt WHERE round_id = $1`,
        [roundId],
      )
    ).rows as { attempts: number; answers: number; people: number }[];
    await db.end();
    const totalAcked = acked.reduce((x, y) => x + y, 0);
    const totalCounted = counted.reduce((x, y) => x + y, 0);
    const all = (xs: number[][]) => xs.flat();
    result.questionDelivery = { ...percentiles(all(questionAt)), count: all(questionAt).length, expected: sockets.length * questionsN };
    result.answerAck = { ...percentiles(ackMs), count: totalAcked, refused };
    result.revealToBoard = { ...percentiles(all(boardAt)), count: all(boardAt).length, expected: sockets.length * questionsN };
    // The host's own requests (server work before and around the broadcast), to tell it from delivery.
    result.hostRequests = { next: percentiles(nextHttp), reveal: percentiles(revealHttp) };
    result.answers = { acked: totalAcked, countedAtReveal: totalCounted, inAttempts: answers, attempts, people, attemptsWrittenAtEnd: ended.attemptsWritten };
    result.lostAnswers = Math.max(totalAcked - totalCounted, 0) + Math.max(totalAcked - answers, 0);
    result.doubleCountedAnswers = Math.max(totalCounted - totalAcked, 0) + Math.max(answers - totalAcked, 0) + (attempts - people);
    result.joinFailures = joinFailures;
    result.targets = {
      questionDeliveryP99Under250ms: (result.questionDelivery as { p99: number }).p99 < 250,
      ackP99Under150ms: (result.answerAck as { p99: number }).p99 < 150,
    };
    result.loadAvg = { during1m: loadDuring.map((x) => round(x, 2)), after: os.loadavg().map((x) => round(x, 2)) };
    result.rssMb = Object.fromEntries(procs.map((p) => [p.name, p.rss]));
  } finally {
    for (const s of sockets) s.disconnect();
    stopRss();
    await Promise.all(procs.map((p) => stopProcess(p)));
    if (!keep) {
      await dropScratchDatabase(process.env.DATABASE_URL!, dbName).catch((e: Error) => log(`drop database: ${e.message}`));
      await dropRedisPrefix(redisUrl, prefix).catch((e: Error) => log(`drop redis prefix: ${e.message}`));
    }
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (e: Error) => {
    log(`bench:live failed: ${e.stack ?? e.message}`);
    process.exit(1);
  },
);
