import { createRedisClient, RedisClient } from '@lc/platform';

/**
 * The bench's own Redis client: the one server of REDIS_URL, or the cluster of
 * REDIS_CLUSTER_NODES (`source <(bash scripts/cluster.sh env)`), like the processes it measures.
 */
export function benchRedis(redisUrl: string): RedisClient {
  const nodes = (process.env.REDIS_CLUSTER_NODES ?? '').split(',').filter(Boolean);
  const redisClusterNodes = nodes.length ? nodes.map((n) => ({ host: n.slice(0, n.lastIndexOf(':')), port: Number(n.slice(n.lastIndexOf(':') + 1)) })) : null;
  return createRedisClient({ redisUrl: redisClusterNodes ? 'redis://' : redisUrl, redisClusterNodes }, { maxRetriesPerRequest: null });
}
