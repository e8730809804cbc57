import Redis, { RedisOptions } from 'ioredis';

export interface RedisClientOptions {
  /** Give up on a command after this long, so a hung Redis makes requests fail cleanly instead of hanging. */
  commandTimeoutMs?: number;
  /** BullMQ workers need null (block forever on BRPOPLPUSH-style commands). */
  maxRetriesPerRequest?: number | null;
  name?: string;
  keyPrefix?: string;
}

export function createRedis(url: string, opts: RedisClientOptions = {}): Redis {
  const options: RedisOptions = {
    connectionName: opts.name,
    commandTimeout: opts.commandTimeoutMs,
    maxRetriesPerRequest: opts.maxRetriesPerRequest === undefined ? 2 : opts.maxRetriesPerRequest,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(200 * times, 2000),
    lazyConnect: false,
    keyPrefix: opts.keyPrefix,
  };
  return new Redis(url, options);
}

/** Closes a client politely (pending replies arrive), or at once when Redis is not answering. */
export async function quitRedis(client: Redis): Promise<void> {
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

const SAFE_POLICIES = ['noeviction'];

/**
 * BullMQ jobs and hot attempt state must never be evicted. Refuse to run against a Redis
 * that could silently drop them.
 */
export async function assertNoEviction(redis: Redis): Promise<void> {
  const info = await redis.info('memory');
  const m = /maxmemory_policy:(\S+)/.exec(info);
  const policy = m?.[1];
  if (policy && !SAFE_POLICIES.includes(policy)) {
    throw new Error(
      `Redis maxmemory-policy is "${policy}", which can evict queue keys and saved answers. ` +
        `Set it to noeviction (redis-cli CONFIG SET maxmemory-policy noeviction, and in redis.conf).`,
    );
  }
}
