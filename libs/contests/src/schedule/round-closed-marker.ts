import { Inject, Injectable } from '@nestjs/common';
import { allHotShardTags, AppConfig, hotShardOf, hotShardTag, REDIS, RedisClient, RedisKeys } from '@lc/platform';

/** Outlives every attempt of the round that Redis may still hold in progress (deadline + an hour). */
const KEEP_AFTER_CLOSE_MS = 86400_000;

/**
 * The moment a round closed, in Redis, where every instance's attempt scripts read it in the
 * same atomic step as the rest of their checks: each instance caches the round row for a
 * second, so the cache cannot be what refuses an answer after a close. Written once the
 * round's row says closed and before the close is acknowledged; PostgreSQL stays the record.
 */
@Injectable()
export class RoundClosedMarker {
  /** The key is `head + roundId + tail`: scripts that know the round only from an attempt's state build it so. */
  readonly head: string;
  readonly tail: string;
  /**
   * On Redis Cluster the marker is written once per hot-attempt shard (`round:{h<n>}:<id>:closed`),
   * so each attempt's scripts read the copy in their own slot (see platform `hot-shards.ts`).
   */
  private readonly sharded: boolean;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    config: AppConfig,
  ) {
    this.sharded = config.redisClusterNodes !== null;
    this.head = keys.key('round', '{');
    this.tail = this.sharded ? ':closed' : '}:closed';
  }

  /** The `head` the scripts of this attempt use (`tail` is the same for all). */
  headFor(attemptId: string): string {
    return this.sharded ? this.keys.key('round', hotShardTag(hotShardOf(attemptId)), '') : this.head;
  }

  /** Every copy of the round's marker (one on a single server). */
  keysOf(roundId: string): string[] {
    return this.sharded ? allHotShardTags().map((tag) => this.keys.key('round', tag, roundId, 'closed')) : [`${this.head}${roundId}${this.tail}`];
  }

  async mark(roundId: string, closedAt: Date, closesAt: Date): Promise<void> {
    const keepUntil = Math.max(closedAt.getTime(), closesAt.getTime()) + KEEP_AFTER_CLOSE_MS;
    // Each copy is its own command: on a cluster they live on different masters. Every copy is
    // written before the close is acknowledged (a failure throws, and the close is retried).
    await Promise.all(this.keysOf(roundId).map((k) => this.redis.set(k, String(closedAt.getTime()), 'PXAT', keepUntil)));
  }
}
