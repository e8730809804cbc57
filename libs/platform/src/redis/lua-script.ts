import { createHash } from 'node:crypto';
import { Cluster } from 'ioredis';
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

  /**
   * Many calls in one pipeline (one write, one round trip); loads the script once if Redis lost it.
   * On a cluster a pipeline must stay on one node: the calls go out together instead, each to its own.
   */
  async runMany<T = unknown>(redis: RedisClient, calls: { keys: string[]; args: (string | number)[] }[]): Promise<T[]> {
    if (!calls.length) return [];
    if (redis instanceof Cluster) return Promise.all(calls.map((c) => this.run<T>(redis, c.keys, c.args)));
    const exec = async () => {
      const p = redis.pipeline();
      for (const c of calls) p.evalsha(this.sha, c.keys.length, ...c.keys, ...c.args);
      return (await p.exec()) ?? [];
    };
    let res = await exec();
    if (res.some(([e]) => e && /NOSCRIPT/.test(e.message))) {
      await redis.script('LOAD', this.source);
      res = await exec();
    }
    return res.map(([e, v]) => {
      if (e) throw e;
      return v as T;
    });
  }
}
