import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, LuaScript, REDIS, RedisClient, RedisKeys } from '@lc/platform';

/** Adds the socket, then answers (and forgets) the oldest beyond the limit. By its hash (EVALSHA), as every other script: not its source on each connection. */
export const ADMIT = new LuaScript(`
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], 86400)
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
if over <= 0 then return {} end
local old = redis.call('ZRANGE', KEYS[1], 0, over - 1)
redis.call('ZREM', KEYS[1], unpack(old))
return old
`);

/**
 * At most LIVE_MAX_SOCKETS_PER_USER live connections per user across every instance: one
 * sorted set of socket ids per user, by connection time. A new connection beyond the limit
 * closes the oldest (a new tab works; a script opening thousands cannot hold them). Ids left
 * by a crashed instance are the oldest, so they are the first to go.
 */
@Injectable()
export class SocketQuota {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly config: AppConfig,
  ) {}

  /** Returns the ids of the sockets to close. */
  async admit(userId: string, socketId: string, at: number): Promise<string[]> {
    return ADMIT.run<string[]>(this.redis, [this.key(userId)], [at, socketId, this.config.liveMaxSocketsPerUser]);
  }

  async release(userId: string, socketId: string): Promise<void> {
    await this.redis.zrem(this.key(userId), socketId);
  }

  private key(userId: string): string {
    return this.keys.key('live', 'sockets', userId);
  }
}
