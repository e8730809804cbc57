import { benchRedis } from './bench-redis';
import { BoardStore, encodeEntry } from '@lc/leaderboard';
import { AppConfig, RedisKeys } from '@lc/platform';
import { AnswerSocket, AutosaveTransport, randomAnswer } from './answer-socket';
import { JsonClient } from './http-client';
import { Resident } from './seed';
import { CpuSpend, minusIdle, msPer, perSecond, ServerCpuMeter, serverSeconds, spend } from './server-cpu';

/**
 * Where a surge's server CPU goes, kind by kind. Node runs every request's callbacks
 * interleaved on one thread, so CPU per route cannot be read off a shared run without
 * async context tracking (the promise hooks we removed for costing 14% of the api). So
 * each kind runs alone, on the same processes right after the surge, and the server's CPU
 * (api ×2, the worker, our PostgreSQL backends by process, Redis) is read from /proc
 * around it, minus what the server burns at rest over the same time. Exact for what it
 * measures; what only happens under the surge's mix (contention, bigger GC) stays in the
 * surge's `unattributed`.
 */
export interface PhaseCost {
  count: number;
  /** Server CPU per request (ms), by process: the request's own side (api, its backends, Redis). */
  perRequest: Record<string, number>;
  /** The worker's side started by these requests (the write-behind), per request. */
  workerPerRequest: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Seconds of server CPU per second at rest (nothing sent) over `seconds`. */
export async function idleRate(meter: ServerCpuMeter, seconds: number): Promise<CpuSpend> {
  const a = await meter.sample();
  await sleep(seconds * 1000);
  return perSecond(spend(a, await meter.sample()));
}

/** Waits (up to `maxS`) until the server is back near rest, e.g. after thousands of sockets closed. */
export async function settle(meter: ServerCpuMeter, idle: CpuSpend, maxS: number): Promise<void> {
  const restCores = serverSeconds(idle);
  const until = Date.now() + maxS * 1000;
  let a = await meter.sample();
  while (Date.now() < until) {
    await sleep(500);
    const b = await meter.sample();
    if (serverSeconds(perSecond(spend(a, b))) <= restCores + 0.03) return;
    a = b;
  }
}

/** Runs `work` and reports its server CPU minus the idle rate, split into the request side and the worker side. */
export async function measure(meter: ServerCpuMeter, idle: CpuSpend, count: number, work: () => Promise<unknown>): Promise<PhaseCost> {
  const a = await meter.sample();
  await work();
  const s = minusIdle(spend(a, await meter.sample()), idle);
  const worker = (s.worker ?? 0) + (s['postgres:worker'] ?? 0);
  const request = { ...s, worker: 0, 'postgres:worker': 0 };
  return { count, perRequest: msPer(request, count), workerPerRequest: (worker * 1000) / Math.max(1, count) };
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < items.length; i = next++) await fn(items[i], i);
    }),
  );
}

export type Kind = 'register' | 'start' | 'connect' | 'autosave' | 'submit';

/**
 * register, start, the /live connection (socket autosave), autosave ×answers, submit: each kind alone
 * over `residents`, 16 in flight, alternating instances.
 */
export async function costByKind(
  meter: ServerCpuMeter,
  idle: CpuSpend,
  clients: JsonClient[],
  ids: { contestId: string; roundId: string },
  residents: Resident[],
  answers: number,
  transport: AutosaveTransport,
  urls: string[],
): Promise<Partial<Record<Kind, PhaseCost>> & Record<Exclude<Kind, 'connect'>, PhaseCost>> {
  const http = (i: number) => clients[i % clients.length];
  const attempts: { id: string; token: string; questions: { id: string; options?: { id: string }[] }[] }[] = [];
  const register = await measure(meter, idle, residents.length, () =>
    pool(residents, 16, (r, i) => http(i).call('cost', 'POST', `/contests/${ids.contestId}/register`, {}, r.token)),
  );
  const start = await measure(meter, idle, residents.length, () =>
    pool(residents, 16, async (r, i) => {
      const a = await http(i).call('cost', 'POST', `/rounds/${ids.roundId}/attempts`, {}, r.token);
      if (a.status >= 200 && a.status < 300) attempts.push({ ...(a.body as { id: string; questions: [] }), token: r.token });
    }),
  );
  const sockets = new Map<string, AnswerSocket>();
  const connect =
    transport === 'socket'
      ? await measure(meter, idle, attempts.length, () =>
          pool(attempts, 16, async (a, i) => void sockets.set(a.id, await AnswerSocket.open(urls[i % urls.length], a.token))),
        )
      : undefined;
  const saves = attempts.flatMap((a) => a.questions.slice(0, answers).map((q) => ({ a, q })));
  // The write-behind runs every 500 ms: the pause lets it write the last saves inside the phase.
  const autosave = await measure(meter, idle, saves.length, async () => {
    await pool(saves, 16, ({ a, q }, i) => {
      // Random, as in the surge: a fixed choice per place gave most attempts one answer pattern, so each
      // submit also found and flagged identical attempts (submit measured 7.7 ms, PostgreSQL 4.4; now 4.4 and 1.2).
      const body = randomAnswer(q);
      const live = sockets.get(a.id);
      if (live) return live.save(clients[0].stats, 'cost', a.id, q.id, body);
      return http(i).call('cost', 'PUT', `/attempts/${a.id}/answers/${q.id}`, body, a.token);
    });
    await sleep(1500);
  });
  for (const s of sockets.values()) s.close();
  const submit = await measure(meter, idle, attempts.length, async () => {
    await pool(attempts, 16, (a, i) => http(i).call('cost', 'POST', `/attempts/${a.id}/submit`, {}, a.token, 60_000));
    await sleep(1500);
  });
  return { register, start, ...(connect ? { connect } : {}), autosave, submit };
}

/**
 * The once-a-second board push and its fan-out to every watcher: the board changes ten
 * times a second (entries recorded straight into Redis by the driver, as a submit would),
 * for `seconds`, with the watchers connected. Returns server CPU seconds per second, idle removed.
 */
export async function tickerCost(
  meter: ServerCpuMeter,
  idle: CpuSpend,
  redisUrl: string,
  prefix: string,
  roundId: string,
  residents: Resident[],
  seconds: number,
): Promise<CpuSpend> {
  // BENCH_WATCHERS=0: nobody to push to, and no resident to record.
  if (!residents.length) return {};
  const redis = benchRedis(redisUrl);
  const store = new BoardStore(redis, new RedisKeys({ redisPrefix: prefix } as AppConfig));
  try {
    const a = await meter.sample();
    const until = Date.now() + seconds * 1000;
    for (let i = 0; Date.now() < until; i++) {
      const r = residents[i % residents.length];
      await store.record(
        roundId,
        r.id,
        encodeEntry({ userId: r.id, score: 1 + (i % 20), timeTakenMs: 60_000 + i, submittedAtMs: Date.now() }),
        'best',
        Date.now(),
      );
      await sleep(100);
    }
    await sleep(1100); // the last tick
    const x = spend(a, await meter.sample());
    return perSecond({ wall: x.wall, s: minusIdle(x, idle) });
  } finally {
    redis.disconnect();
  }
}
