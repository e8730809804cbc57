import { Pool } from 'pg';
import { requiredEnv } from '../lib/env';
import { floorKeys, openFloorRedis } from './floor-redis';

/**
 * The floor's write-behind (floor-server.ts says what a floor is): every 500 ms, up to 200
 * answers saved since the last flush, read in one pipeline, written in one statement, then
 * taken off the in-flight set. No lease, sweeps or retries.
 */
const keys = floorKeys(requiredEnv('REDIS_PREFIX'));
const db = new Pool({ connectionString: requiredEnv('DATABASE_URL'), max: 4 });
const redis = openFloorRedis(requiredEnv('REDIS_URL'));

async function flush(): Promise<void> {
  for (;;) {
    // Members are "attemptId|questionId": each answer saved since the last flush, once.
    const taken = await redis.floorTakeDirty(keys.dirty, keys.inflight, 200);
    if (!taken.length) return;
    const pairs = taken.map((m) => m.split('|'));
    const read = redis.pipeline();
    for (const [a, q] of pairs) read.hget(keys.ans(a), q);
    const values = (await read.exec()) ?? [];
    await db.query({
      name: 'floor-write-behind',
      text: `INSERT INTO floor_answer (attempt_id, question_key, value, rev)
             SELECT x.a, x.k, x.v, 0 FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) AS x(a, k, v) WHERE x.v IS NOT NULL
             ON CONFLICT (attempt_id, question_key) DO UPDATE SET value = EXCLUDED.value WHERE floor_answer.rev = 0`,
      values: [pairs.map((p) => p[0]), pairs.map((p) => p[1]), values.map(([, v]) => v as string | null)],
    });
    await redis.srem(keys.inflight, ...taken);
    if (taken.length < 200) return;
  }
}

let running = false;
setInterval(() => {
  if (running) return;
  running = true;
  flush()
    .catch((e: Error) => process.stderr.write(`floor write-behind failed: ${e.message}\n`))
    .finally(() => (running = false));
}, 500);
process.stdout.write('floor worker started\n');
process.on('SIGTERM', () => void Promise.allSettled([db.end(), redis.quit()]).then(() => process.exit(0)));
