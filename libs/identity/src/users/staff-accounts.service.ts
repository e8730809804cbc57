import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService, badRequest, conflict, escapeLike, foldedSql, foldVietnamese, forbidden, notFound, Page } from '@lc/platform';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/passwords';
import { RefreshToken } from '../auth/refresh-token.entity';
import { TokenService } from '../auth/token.service';
import { PasswordResetView, StaffUserView, UpdateStaffUserDto } from '../dto/staff-user.dto';
import { Organisation } from '../organisations/organisation.entity';
import { STAFF_ROLES, User } from './user.entity';
import { toStaffView } from './staff-view';
import { temporaryPassword } from './temporary-password';

export interface StaffFilter {
  role?: string;
  organisationId?: string;
  q?: string;
  active?: boolean;
}

const isStaffRole = (r: string): boolean => (STAFF_ROLES as readonly string[]).includes(r);

/**
 * The admin console's staff accounts: listing and search, edits, deactivation and password
 * resets. Anything that changes what a token says (role, organisation) or whether the
 * person may still act (deactivation, new password) bumps the token version and revokes
 * refresh tokens, so the change holds at once on every instance.
 */
@Injectable()
export class StaffAccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Admins list any accounts (staff by default). Organisers list the active judges of their
   * own organisation, to pick a round's judges: name and e-mail, nothing of other tenants.
   */
  async list(actor: Actor, filter: StaffFilter, limit: number, offset: number): Promise<Page<StaffUserView>> {
    const admin = actor.role === 'admin';
    if (!admin) {
      if (filter.role && filter.role !== 'judge') throw forbidden('Organisers may list the judges of their organisation only');
      if (filter.organisationId && filter.organisationId !== actor.organisationId) throw notFound('Organisation');
      // An organiser without an organisation (never created so) matches nobody rather than everyone.
      filter = { ...filter, role: 'judge', organisationId: actor.organisationId ?? '00000000-0000-0000-0000-000000000000', active: true };
    }
    const qb = this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoin(Organisation, 'o', 'o.id = u.organisation_id')
      .addSelect('o.name', 'organisation_name')
      .where('u.deleted_at IS NULL');
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    else qb.andWhere('u.role IN (:...staff)', { staff: [...STAFF_ROLES] });
    if (filter.organisationId) qb.andWhere('u.organisation_id = :org', { org: filter.organisationId });
    if (filter.active !== undefined) qb.andWhere(filter.active ? 'u.deactivated_at IS NULL' : 'u.deactivated_at IS NOT NULL');
    const q = filter.q?.normalize('NFC').trim();
    // Names folded on both sides (case and diacritics), whatever the database's locale; e-mails are stored in lower case.
    if (q)
      qb.andWhere(`(${foldedSql('u.full_name')} LIKE :name OR u.email LIKE :email)`, {
        name: `%${escapeLike(foldVietnamese(q))}%`,
        email: `%${escapeLike(q.toLowerCase())}%`,
      });
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('u.full_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(limit)
      .offset(offset)
      .getRawAndEntities<{ organisation_name: string | null }>();
    return { items: entities.map((u, i) => toStaffView(u, raw[i]?.organisation_name ?? null, admin)), total };
  }

  async update(actor: Actor, userId: string, dto: UpdateStaffUserDto): Promise<StaffUserView> {
    const user = await this.db.transaction(async (m) => {
      const u = await this.lockUser(m, userId);
      if (!isStaffRole(u.role)) throw badRequest('not_staff', 'Only staff accounts are managed here', [{ field: 'role', problems: ['not a staff account'] }]);
      const role = dto.role ?? u.role;
      const organisationId = role === 'admin' ? null : dto.organisationId !== undefined ? dto.organisationId : u.organisationId;
      if (u.id === actor.id && (role !== u.role || dto.active === false))
        throw conflict('cannot_change_self', 'Admins cannot deactivate themselves or change their own role');
      if (role !== 'admin') await this.requireOrganisation(m, organisationId);
      const deactivatedAt = dto.active === undefined ? u.deactivatedAt : dto.active ? null : (u.deactivatedAt ?? new Date());
      const revoke = role !== u.role || organisationId !== u.organisationId || (deactivatedAt !== null && u.deactivatedAt === null);
      const after = {
        fullName: dto.fullName?.normalize('NFC').trim() ?? u.fullName,
        role,
        organisationId,
        deactivatedAt,
        tokenVersion: u.tokenVersion + (revoke ? 1 : 0),
      };
      await m.getRepository(User).update({ id: u.id }, after);
      if (revoke) await m.getRepository(RefreshToken).update({ userId: u.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      const { tokenVersion: _tv, ...audited } = after;
      await this.audit.record(
        actor,
        {
          action: 'user.update',
          entityType: 'user',
          entityId: u.id,
          before: { fullName: u.fullName, role: u.role, organisationId: u.organisationId, deactivatedAt: u.deactivatedAt },
          after: audited,
          organisationId,
        },
        m,
      );
      return { ...u, ...after };
    });
    // Also after a reactivation: the cached status says "deactivated" until told otherwise.
    await this.tokens.revoke(user.id, user.deactivatedAt ? null : user.tokenVersion);
    return this.view(user.id);
  }

  /**
   * A new password, chosen by the admin or generated here (returned once, never stored in
   * clear); every session of the account ends.
   */
  async resetPassword(actor: Actor, userId: string, chosen: string | undefined): Promise<PasswordResetView> {
    const plain = chosen ?? temporaryPassword();
    const hash = await hashPassword(plain);
    const user = await this.db.transaction(async (m) => {
      const u = await this.lockUser(m, userId);
      const tokenVersion = u.tokenVersion + 1;
      await m.getRepository(User).update({ id: u.id }, { passwordHash: hash, tokenVersion });
      await m.getRepository(RefreshToken).update({ userId: u.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record(
        actor,
        { action: 'user.password_reset', entityType: 'user', entityId: u.id, after: { generated: !chosen }, organisationId: u.organisationId },
        m,
      );
      return { ...u, tokenVersion };
    });
    await this.tokens.revoke(user.id, user.deactivatedAt ? null : user.tokenVersion);
    return { user: await this.view(user.id), temporaryPassword: chosen ? null : plain };
  }

  private async lockUser(m: EntityManager, userId: string): Promise<User> {
    const u = await m.getRepository(User).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!u || u.deletedAt) throw notFound('User');
    return u;
  }

  private async requireOrganisation(m: EntityManager, organisationId: string | null): Promise<void> {
    if (!organisationId)
      throw badRequest('organisation_required', 'Organisers and judges belong to an organisation', [
        { field: 'organisationId', problems: ['required for organiser and judge'] },
      ]);
    if (!(await m.getRepository(Organisation).existsBy({ id: organisationId })))
      throw badRequest('unknown_organisation', 'No such organisation', [{ field: 'organisationId', problems: ['no such organisation'] }]);
  }

  private async view(userId: string): Promise<StaffUserView> {
    const u = await this.db.getRepository(User).findOneByOrFail({ id: userId });
    const org = u.organisationId ? await this.db.getRepository(Organisation).findOneBy({ id: u.organisationId }) : null;
    return toStaffView(u, org?.name ?? null, true);
  }
}
