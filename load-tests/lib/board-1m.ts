import { randomUUID } from 'node:crypto';
import { benchRedis } from './bench-redis';
import { encodeEntry, RoundKeys } from '@lc/leaderboard';
import { AppConfig, RedisKeys } from '@lc/platform';
import { Resident } from './seed';

/**
 * Fills a round's live board straight in Redis (pipelined ZADDs of 1,000 members): the
 * point is /leaderboard/me with a million entries, not a million submissions.
 * The given residents get entries spread over the whole board.
 */
export async function fillBoard(
  redisUrl: string,
  prefix: string,
  roundId: string,
  entries: number,
  residents: Resident[],
): Promise<{ loadMs: number; zcard: number }> {
  const r = benchRedis(redisUrl);
  const k = new RoundKeys(new RedisKeys({ redisPrefix: prefix } as AppConfig), roundId);
  const started = Date.now();
  const base = Date.now() - 3 * 86400_000;
  try {
    const synthetic = entries - residents.length;
    for (let i = 0; i < synthetic; i += 20_000) {
      const pipe = r.pipeline();
      for (let j = i; j < Math.min(synthetic, i + 20_000); j += 1000) {
        const args: (string | number)[] = [];
        for (let m = j; m < Math.min(synthetic, j + 1000); m++) {
          const e = encodeEntry({ userId: randomUUID(), score: m % 21, timeTakenMs: 30_000 + ((m * 7919) % 570_000), submittedAtMs: base + m * 200 });
          args.push(e.score, e.member);
        }
        pipe.zadd(k.board('live'), ...args);
      }
      await pipe.exec();
    }
    const pipe = r.pipeline();
    residents.forEach((res, i) => {
      const e = encodeEntry({ userId: res.id, score: i % 21, timeTakenMs: 60_000 + i, submittedAtMs: base + i });
      pipe.zadd(k.board('live'), e.score, e.member);
      pipe.hset(k.who('live'), res.id, e.member);
    });
    await pipe.exec();
    return { loadMs: Date.now() - started, zcard: await r.zcard(k.board('live')) };
  } finally {
    r.disconnect();
  }
}
