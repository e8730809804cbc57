import Redis, { Cluster, ClusterOptions, RedisOptions } from 'ioredis';

/**
 * What every Redis user of the platform holds: one server (`REDIS_URL`), or a Redis Cluster
 * (`REDIS_CLUSTER_NODES`). The commands we use exist on both; what differs is that on a
 * cluster every multi-key command, MULTI and Lua script must stay within one hash slot
 * (`{hash tags}`, checked for every script by test/architecture/redis-one-slot.spec.ts).
 */
export type RedisClient = Redis | Cluster;

export interface RedisClientOptions {
  /** Give up on a command after this long, so a hung Redis makes requests fail cleanly instead of hanging. */
  commandTimeoutMs?: number;
  /** BullMQ workers need null (block forever on BRPOPLPUSH-style commands). */
  maxRetriesPerRequest?: number | null;
  name?: string;
  keyPrefix?: string;
  /**
   * Commands issued in one turn of the event loop leave in one write (ioredis auto-pipelining):
   * under a surge each request's token check and Lua call cost a socket write each, the largest
   * single item of the api's CPU profile (issue 18). Not for blocking or subscriber connections.
   */
  autoPipelining?: boolean;
}

/** Where Redis is: AppConfig's two fields (a cluster when its node list is set). */
export interface RedisTarget {
  redisUrl: string;
  redisClusterNodes: { host: string; port: number }[] | null;
}

function serverOptions(opts: RedisClientOptions): RedisOptions {
  return {
    connectionName: opts.name,
    commandTimeout: opts.commandTimeoutMs,
    maxRetriesPerRequest: opts.maxRetriesPerRequest === undefined ? 2 : opts.maxRetriesPerRequest,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(200 * times, 2000),
    lazyConnect: false,
    enableAutoPipelining: opts.autoPipelining ?? false,
  };
}

export function createRedis(url: string, opts: RedisClientOptions = {}): Redis {
  return new Redis(url, { ...serverOptions(opts), keyPrefix: opts.keyPrefix });
}

/**
 * The platform's connection factory: a single server, or a cluster client that follows
 * MOVED/ASK redirections and, after a master dies, the promoted replica (slots are re-read
 * on every redirection and every 5 s). Credentials of REDIS_URL apply to every cluster node.
 */
export function createRedisClient(target: RedisTarget, opts: RedisClientOptions = {}): RedisClient {
  if (!target.redisClusterNodes) return createRedis(target.redisUrl, opts);
  const u = new URL(target.redisUrl);
  const options: ClusterOptions = {
    redisOptions: {
      ...serverOptions(opts),
      username: u.username || undefined,
      password: u.password ? decodeURIComponent(u.password) : undefined,
      tls: u.protocol === 'rediss:' ? {} : undefined,
    },
    keyPrefix: opts.keyPrefix,
    enableOfflineQueue: true,
    enableAutoPipelining: opts.autoPipelining ?? false,
    // A master's failover takes the cluster's node timeout plus an election: keep retrying
    // (each command still ends at commandTimeoutMs), re-reading the slot map as we go.
    clusterRetryStrategy: (times) => Math.min(200 * times, 2000),
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 300,
    retryDelayOnTryAgain: 100,
    maxRedirections: 32,
    slotsRefreshTimeout: 2000,
    slotsRefreshInterval: 5000,
    // Sharded pub/sub (SSUBSCRIBE) goes to the node owning the channel's slot: the live adapter's.
    shardedSubscribers: true,
    scaleReads: 'master',
  };
  return new Cluster(target.redisClusterNodes, options);
}

/** Closes a client politely (pending replies arrive), or at once when Redis is not answering. */
export async function quitRedis(client: RedisClient): Promise<void> {
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

const SAFE_POLICIES = ['noeviction'];

/**
 * BullMQ jobs and hot attempt state must never be evicted. Refuse to run against a Redis
 * that could silently drop them (on a cluster: any master that could).
 */
export async function assertNoEviction(redis: RedisClient): Promise<void> {
  if (redis instanceof Cluster) await redis.ping(); // connected, with the slot map read
  for (const server of redis instanceof Cluster ? redis.nodes('master') : [redis]) {
    const info = await server.info('memory');
    const m = /maxmemory_policy:(\S+)/.exec(info);
    const policy = m?.[1];
    if (policy && !SAFE_POLICIES.includes(policy)) {
      throw new Error(
        `Redis maxmemory-policy is "${policy}"${redis instanceof Cluster ? ` on ${server.options.host}:${server.options.port}` : ''}, which can evict queue keys and saved answers. ` +
          `Set it to noeviction (redis-cli CONFIG SET maxmemory-policy noeviction, and in redis.conf).`,
      );
    }
  }
}

/** Every key matching `pattern` on every master (a cluster), or the one server. */
export async function scanAll(redis: RedisClient, pattern: string, onKeys: (keys: string[], server: Redis) => Promise<void>): Promise<void> {
  const servers = redis instanceof Cluster ? redis.nodes('master') : [redis];
  for (const s of servers) {
    for await (const keys of s.scanStream({ match: pattern, count: 5000 })) if ((keys as string[]).length) await onKeys(keys as string[], s);
  }
}
