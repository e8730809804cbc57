import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService, badRequest, notFound } from '@lc/platform';
import { User } from '../users/user.entity';
import type { Actor } from './actor';
import { AuthService, requireStrongPassword, Session } from './auth.service';
import { hashPassword, verifyPassword } from './passwords';
import { RefreshToken } from './refresh-token.entity';
import { TokenService } from './token.service';

/**
 * What a person does to keep their own account safe: change the password, sign out
 * everywhere. Each ends every session (token version bumped, refresh tokens revoked, the
 * revocation published so access tokens and sockets die within seconds on every instance).
 */
@Injectable()
export class AccountSecurityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /** Every other session ends; this device gets a fresh one, so the person stays signed in here. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<Session> {
    const u = await this.db.getRepository(User).findOneBy({ id: actor.id, deletedAt: IsNull() });
    if (!u) throw notFound('User');
    if (!(await verifyPassword(u.passwordHash, currentPassword))) {
      throw badRequest('wrong_password', 'currentPassword is not the current password', [
        { field: 'currentPassword', problems: ['is not the current password'] },
      ]);
    }
    requireStrongPassword(newPassword, 'newPassword');
    if (newPassword === currentPassword)
      throw badRequest('same_password', 'newPassword is the current password', [{ field: 'newPassword', problems: ['is the current password'] }]);
    const user = await this.endEverySession(actor, u.id, 'user.password_change', { passwordHash: await hashPassword(newPassword) });
    return this.auth.startSession(user);
  }

  async signOutEverywhere(actor: Actor): Promise<void> {
    await this.endEverySession(actor, actor.id, 'user.sign_out_everywhere', {});
  }

  /**
   * Applies `changes` and ends every session of the account in one transaction, then tells
   * every instance. Returns the user as it now is.
   */
  async endEverySession(actor: Actor, userId: string, action: string, changes: Partial<User>, outer?: EntityManager): Promise<User> {
    const run = async (m: EntityManager) => {
      const u = await m.getRepository(User).findOne({ where: { id: userId, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!u) throw notFound('User');
      const tokenVersion = u.tokenVersion + 1;
      await m.getRepository(User).update({ id: u.id }, { ...changes, tokenVersion });
      await m.getRepository(RefreshToken).update({ userId: u.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record(actor, { action, entityType: 'user', entityId: u.id }, m);
      return { ...u, ...changes, tokenVersion } as User;
    };
    const user = outer ? await run(outer) : await this.db.transaction(run);
    await this.tokens.revoke(user.id, user.deactivatedAt ? null : user.tokenVersion);
    return user;
  }
}
