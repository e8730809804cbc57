import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService, notFound } from '@lc/platform';
import type { Actor } from '../auth/actor';
import { verifyPassword } from '../auth/passwords';
import { RefreshToken } from '../auth/refresh-token.entity';
import { TokenService, unauthorized } from '../auth/token.service';
import { PiiService } from '../pii/pii.service';
import { anonymisedUser } from '../users/anonymise';
import { User } from '../users/user.entity';
import { toUserView, type UserView } from '../users/user-view';

/** The account's part of the person's data export. */
export interface ExportedAccount {
  /** The user view, but with the owner's own phone and national ID decrypted: the one place they are shown in full. */
  profile: UserView;
  consents: { personalDataConsentAt: string | null; guardianName: string | null; guardianConsentAt: string | null };
}

const iso = (d: Date | null): string | null => (d === null ? null : new Date(d).toISOString());

/**
 * Identity's part of a person's data export and of erasing their account (Decree 13/2023,
 * art. 14 and 16): the user row, its tokens and sessions. The export and the erasure
 * themselves are composed above every feature module (libs/personal-data).
 */
@Injectable()
export class AccountPersonalData {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pii: PiiService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  async export(userId: string): Promise<ExportedAccount> {
    const u = await this.db.getRepository(User).findOneBy({ id: userId, deletedAt: IsNull() });
    if (!u) throw notFound('User');
    return {
      profile: {
        ...toUserView(u),
        phone: u.phoneEncrypted ? this.pii.open(u.phoneEncrypted) : null,
        nationalId: u.nationalIdEncrypted ? this.pii.open(u.nationalIdEncrypted) : null,
      },
      consents: { personalDataConsentAt: iso(u.consentAt), guardianName: u.guardianName, guardianConsentAt: iso(u.guardianConsentAt) },
    };
  }

  /** Before the erasure's transaction: argon2 is slow and must not hold the row lock. */
  async confirmPassword(actor: Actor, password: string): Promise<void> {
    const u = await this.db.getRepository(User).findOneBy({ id: actor.id, deletedAt: IsNull() });
    if (!u) throw notFound('User');
    if (!(await verifyPassword(u.passwordHash, password))) throw unauthorized('Wrong password');
  }

  /**
   * In the caller's transaction: the row stays, anonymised, so what others' places depend on
   * remains valid; sign-in stops and refresh tokens die. Audited as the holder's own request,
   * or as the admin's who erased it.
   */
  async erase(m: EntityManager, by: Actor, userId: string): Promise<void> {
    const locked = await m.getRepository(User).findOne({ where: { id: userId, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    if (!locked) throw notFound('User');
    const now = new Date();
    await m.getRepository(User).update({ id: userId }, anonymisedUser(locked.tokenVersion, now));
    await m.getRepository(RefreshToken).update({ userId, revokedAt: IsNull() }, { revokedAt: now });
    const own = by.id === userId;
    await this.audit.record(
      by,
      own
        ? { action: 'user.self_delete', entityType: 'user', entityId: userId, before: { role: locked.role }, reason: 'requested by the account holder' }
        : { action: 'user.delete', entityType: 'user', entityId: userId, before: { role: locked.role, organisationId: locked.organisationId }, reason: null },
      m,
    );
  }

  /** After the erasure commits: every access token dies at once, on every instance. */
  endSessions(userId: string): Promise<void> {
    return this.tokens.revoke(userId, null);
  }
}
