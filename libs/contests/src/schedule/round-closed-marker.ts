import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS, RedisKeys } from '@lc/platform';

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
  readonly tail = '}:closed';

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    keys: RedisKeys,
  ) {
    this.head = keys.key('round', '{');
  }

  key(roundId: string): string {
    return `${this.head}${roundId}${this.tail}`;
  }

  async mark(roundId: string, closedAt: Date, closesAt: Date): Promise<void> {
    const keepUntil = Math.max(closedAt.getTime(), closesAt.getTime()) + KEEP_AFTER_CLOSE_MS;
    await this.redis.set(this.key(roundId), String(closedAt.getTime()), 'PXAT', keepUntil);
  }
}
