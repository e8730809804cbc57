/**
 * Redis memory per hot attempt and per board entry (docs/capacity.md), measured with
 * `MEMORY USAGE … SAMPLES 0` on keys shaped exactly as the platform writes them: a hot attempt
 * through AttemptHotStore.init + save-shaped answers, board entries through encodeEntry.
 *   node dist/load-tests/redis-memory.js            (REDIS_CLUSTER_NODES from scripts/cluster.sh env, else REDIS_URL)
 * Writes under its own prefix and deletes what it wrote. Prints one JSON line.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { encodeEntry, RoundKeys } from '@lc/leaderboard';
import { AppConfig, createRedisClient, RedisKeys } from '@lc/platform';

const ATTEMPTS = 500;
const QUESTIONS = 20;
const BOARD = 100_000;

async function main(): Promise<void> {
  const nodes = (process.env.REDIS_CLUSTER_NODES ?? '').split(',').filter(Boolean);
  const target = {
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisClusterNodes: nodes.length ? nodes.map((n) => ({ host: n.split(':')[0], port: Number(n.split(':')[1]) })) : null,
  };
  const r = createRedisClient(target);
  const keys = new RedisKeys({ redisPrefix: `mem${randomBytes(3).toString('hex')}` } as AppConfig);
  let meta = 0;
  let ans = 0;
  for (let i = 0; i < ATTEMPTS; i++) {
    const id = randomUUID();
    const draw = Array.from({ length: QUESTIONS }, (_, q) => ({
      key: `q${q}`,
      versionId: randomUUID(),
      type: 'single',
      options: Array.from({ length: 4 }, () => ({ id: randomBytes(4).toString('hex') })),
    }));
    const now = Date.now();
    const m: (string | number)[] = ['owner', randomUUID(), 'round', randomUUID(), 'contest', randomUUID(), 'status', 'in_progress', 'started', now];
    m.push('deadline', now + 9e5, 'ttl', now + 4.5e6, 'attemptNo', 1, 'pv', 1, 'draw', JSON.stringify(draw), 'rev', 20, 'rlw', 1, 'rlc', 3, 'frev', 20);
    for (const q of draw) m.push(`q:${q.key}`, `single|${q.options.map((o) => o.id).join(',')}`);
    const a: string[] = [];
    for (const q of draw) a.push(q.key, `3|2|${now}|${JSON.stringify({ optionIds: [q.options[0].id] })}`);
    const tag = `{h${i % 64}}`;
    const mk = keys.key('attempt', tag, id, 'meta');
    const ak = keys.key('attempt', tag, id, 'ans');
    await r.hset(mk, ...m);
    await r.hset(ak, ...a);
    meta += Number(await r.memory('USAGE', mk, 'SAMPLES', 0));
    ans += Number(await r.memory('USAGE', ak, 'SAMPLES', 0));
    await r.del(mk, ak);
  }
  const k = new RoundKeys(keys, randomUUID());
  for (let i = 0; i < BOARD; i += 1000) {
    const z: (string | number)[] = [];
    const h: string[] = [];
    for (let j = 0; j < 1000; j++) {
      const userId = randomUUID();
      const e = encodeEntry({ userId, score: Math.round(Math.random() * 2000) / 100, timeTakenMs: Math.floor(Math.random() * 9e5), submittedAtMs: Date.now() });
      z.push(e.score, e.member);
      h.push(userId, e.member);
    }
    await r.zadd(k.board('live'), ...z);
    await r.hset(k.who('live'), ...h);
  }
  const zb = Number(await r.memory('USAGE', k.board('live'), 'SAMPLES', 0));
  const hb = Number(await r.memory('USAGE', k.who('live'), 'SAMPLES', 0));
  await r.del(k.board('live'), k.who('live'));
  r.disconnect();
  process.stdout.write(
    `${JSON.stringify({
      hotAttempt: {
        questions: QUESTIONS,
        metaBytes: Math.round(meta / ATTEMPTS),
        answersBytes: Math.round(ans / ATTEMPTS),
        totalBytes: Math.round((meta + ans) / ATTEMPTS),
      },
      boardEntry: { entries: BOARD, zsetBytes: Math.round(zb / BOARD), whoBytes: Math.round(hb / BOARD), totalBytes: Math.round((zb + hb) / BOARD) },
    })}\n`,
  );
}

void main().catch((e: Error) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
