import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AppConfig, ClockService, REDIS, RedisClient, RedisKeys } from '@lc/platform';
import { normalisePhone } from '../pii/pii';
import { PiiService } from '../pii/pii.service';
import { LOGIN_LIMITS, type LoginLimitPolicy, loginAccountKey } from './login-limits';

/** How long a client the holder signed in from stays exempt from the account-wide delay. */
const KNOWN_CLIENT_DAYS = 90;

/**
 * Both counters are checked and the try is counted in one step, so a burst of parallel
 * guesses is counted in full; a right password takes its own try back. Each counter is a hash
 * { n: tries, at: ms of the last } and expires after the window.
 */
const TAKE = `
local now = tonumber(ARGV[1])
local function wait(key, free, base, max)
  local v = redis.call('HMGET', key, 'n', 'at')
  local n = tonumber(v[1]) or 0
  if n < free then return 0 end
  local d = math.min(max, base * 2 ^ math.min(30, n - free)) * 1000
  return math.max(0, tonumber(v[2]) + d - now)
end
local w = wait(KEYS[1], tonumber(ARGV[3]), tonumber(ARGV[5]), tonumber(ARGV[6]))
-- A client the holder signed in from before is not slowed by what strangers do to the account.
if redis.call('SISMEMBER', KEYS[3], ARGV[8]) == 0 then
  w = math.max(w, wait(KEYS[2], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[7])))
end
if w > 0 then return w end
for i = 1, 2 do
  redis.call('HINCRBY', KEYS[i], 'n', 1)
  redis.call('HSET', KEYS[i], 'at', now)
  redis.call('EXPIRE', KEYS[i], ARGV[2])
end
return 0
`;

/** Sign-in limits (rules in login-limits.ts), shared by every api instance through Redis. */
@Injectable()
export class LoginLimiter {
  private readonly policy: LoginLimitPolicy;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly clock: ClockService,
    private readonly pii: PiiService,
    config: AppConfig,
  ) {
    const freePerAccount = config.authRateLimitPerMinute;
    this.policy = { ...LOGIN_LIMITS, freePerAccount, freePerClient: Math.min(LOGIN_LIMITS.freePerClient, freePerAccount) };
  }

  /** Counts a try of `login` from `client`, or throws 429 login_delayed with Retry-After while it must wait. */
  async take(login: string, client: string): Promise<void> {
    const [clientKey, accountKey, knownKey, clientId] = this.keysFor(login, client);
    const p = this.policy;
    const waitMs = Number(
      await this.redis.eval(
        TAKE,
        3,
        clientKey,
        accountKey,
        knownKey,
        this.clock.now(),
        p.windowSeconds,
        p.freePerClient,
        p.freePerAccount,
        p.baseDelaySeconds,
        p.maxClientDelaySeconds,
        p.maxAccountDelaySeconds,
        clientId,
      ),
    );
    if (waitMs > 0) {
      const retryAfter = Math.ceil(waitMs / 1000);
      throw new HttpException(
        {
          message: `Too many wrong sign-in attempts; try again in ${retryAfter} s or reset the password`,
          code: 'login_delayed',
          details: { retryAfterSeconds: retryAfter },
          retryAfter,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  /** A right password: this client starts afresh, becomes a known one, and its try no longer counts against the account. */
  async succeeded(login: string, client: string): Promise<void> {
    const [clientKey, accountKey, knownKey, clientId] = this.keysFor(login, client);
    await this.redis
      .multi()
      .del(clientKey)
      .hincrby(accountKey, 'n', -1)
      .sadd(knownKey, clientId)
      .expire(knownKey, KNOWN_CLIENT_DAYS * 86400)
      .exec();
  }

  /** After a password reset the holder proved who they are: the account's counter and their client's go. */
  async clear(login: string, client: string): Promise<void> {
    const [clientKey, accountKey] = this.keysFor(login, client);
    await this.redis.del(clientKey, accountKey);
  }

  private tag(login: string): string {
    // Hashed: no phone number or e-mail in Redis key names. Braces keep both keys in one cluster slot.
    return `{${this.pii.hash('login', loginAccountKey(login, normalisePhone)).slice(0, 32)}}`;
  }

  /** [this client's counter, the account's counter, the account's known clients, this client's id]. */
  private keysFor(login: string, client: string): [string, string, string, string] {
    const tag = this.tag(login);
    const clientId = this.pii.hash('login-client', client).slice(0, 24);
    return [this.keys.key('login-tries', tag, 'client', clientId), this.keys.key('login-tries', tag), this.keys.key('login-tries', tag, 'known'), clientId];
  }
}
