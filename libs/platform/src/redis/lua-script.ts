import { createHash } from 'node:crypto';
import type { RedisClient } from './create-redis';

/** A Lua script run by EVALSHA (one round trip), loaded on first NOSCRIPT. */
export class LuaScript {
  readonly sha: string;
  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run<T = unknown>(redis: RedisClient, keys: string[], args: (string | number)[]): Promise<T> {
    try {
      return (await redis.evalsha(this.sha, keys.length, ...keys, ...args)) as T;
    } catch (e) {
      if (!/NOSCRIPT/.test((e as Error).message)) throw e;
      return (await redis.eval(this.source, keys.length, ...keys, ...args)) as T;
    }
  }
}
