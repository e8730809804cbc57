import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, badRequest, REDIS, RedisClient, RedisKeys } from '@lc/platform';
import { Messages } from '../messages/messages';
import { PiiService } from '../pii/pii.service';
import { type Role, User } from '../users/user.entity';
import type { Actor } from './actor';
import { AccountSecurityService } from './account-security.service';
import { AuthService, requireStrongPassword, Session } from './auth.service';
import { LoginLimiter } from './login-limiter.service';
import { hashPassword } from './passwords';
import { newResetCode, RESET_CODE_COOLDOWN_SECONDS, RESET_CODE_MAX_TRIES, RESET_CODE_TTL_SECONDS, resetCodeHash, resetMessage, sameHash } from './reset-codes';

/** Counts a try and answers the stored hash, or nothing once the code is gone or spent. */
const TRY_CODE = `
local h = redis.call('HGET', KEYS[1], 'h')
if not h then return false end
local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
if n > tonumber(ARGV[1]) then redis.call('DEL', KEYS[1]) return false end
return h
`;

const invalidCode = () =>
  badRequest('invalid_reset_code', 'The code is wrong or has expired; ask for a new one', [{ field: 'code', problems: ['is wrong or has expired'] }]);

/**
 * Forgotten password: a one-time code goes to the address typed (an e-mail login gets an
 * e-mail, a phone login an SMS), then the code and a new password end every session and
 * start one. The request answers the same whether or not the account exists (no enumeration)
 * and sends in the background, so timing does not tell either.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly security: AccountSecurityService,
    private readonly limiter: LoginLimiter,
    private readonly messages: Messages,
    private readonly pii: PiiService,
  ) {}

  async request(login: string): Promise<void> {
    const user = await this.auth.findByLogin(login);
    if (!user || user.deactivatedAt) return;
    const byEmail = login.includes('@');
    const to = byEmail ? user.email : user.phoneEncrypted ? this.pii.open(user.phoneEncrypted) : null;
    if (!to) return;
    // NX: one code a minute per account; asking again within the minute keeps the code already sent.
    const fresh = await this.redis.set(this.key(user.id, 'cooldown'), '1', 'EX', RESET_CODE_COOLDOWN_SECONDS, 'NX');
    if (fresh !== 'OK') return;
    const code = newResetCode();
    const key = this.key(user.id, 'code');
    await this.redis
      .multi()
      .del(key)
      .hset(key, 'h', resetCodeHash(this.config.piiKey, user.id, code), 'n', 0)
      .expire(key, RESET_CODE_TTL_SECONDS)
      .exec();
    void this.messages.send(byEmail ? 'email' : 'sms', { to, ...resetMessage(code) });
  }

  async confirm(login: string, code: string, newPassword: string, client: string): Promise<Session> {
    requireStrongPassword(newPassword, 'newPassword');
    const user: User | null = await this.auth.findByLogin(login);
    if (!user || user.deactivatedAt) throw invalidCode();
    const key = this.key(user.id, 'code');
    const stored = (await this.redis.eval(TRY_CODE, 1, key, RESET_CODE_MAX_TRIES)) as string | null;
    if (!stored || !sameHash(stored, resetCodeHash(this.config.piiKey, user.id, code))) throw invalidCode();
    await this.redis.del(key);
    const actor: Actor = { id: user.id, role: user.role as Role, organisationId: user.organisationId };
    const updated = await this.security.endEverySession(actor, user.id, 'user.password_reset', { passwordHash: await hashPassword(newPassword) });
    await this.limiter.clear(login, client);
    return this.auth.startSession(updated);
  }

  private key(userId: string, what: 'code' | 'cooldown'): string {
    return this.keys.key('password-reset', userId, what);
  }
}
