import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService, conflict, isUniqueViolation, notFound } from '@lc/platform';
import type { Actor } from '../auth/actor';
import type { UpdateProfileDto } from '../dto/account.dto';
import { User } from './user.entity';
import { toUserView, UserView } from './user-view';

const tidy = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : v.normalize('NFC').trim());

/** A resident corrects their contact and place details; each change is audited with before and after. */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async update(actor: Actor, dto: UpdateProfileDto): Promise<UserView> {
    const changes: Partial<Pick<User, 'email' | 'province' | 'commune' | 'unit'>> = {};
    if (dto.email !== undefined) changes.email = dto.email === null ? null : dto.email.trim().toLowerCase();
    if (dto.province !== undefined) changes.province = dto.province;
    if (dto.commune !== undefined) changes.commune = tidy(dto.commune)!;
    if (dto.unit !== undefined) changes.unit = tidy(dto.unit)!;
    if (!Object.keys(changes).length) return toUserView(await this.db.getRepository(User).findOneByOrFail({ id: actor.id }));
    try {
      await this.db.transaction(async (m) => {
        const u = await m.getRepository(User).findOne({ where: { id: actor.id, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
        if (!u) throw notFound('User');
        const before = Object.fromEntries(Object.keys(changes).map((k) => [k, u[k as keyof typeof changes]]));
        await m.getRepository(User).update({ id: u.id }, changes);
        await this.audit.record(actor, { action: 'user.profile_update', entityType: 'user', entityId: u.id, before, after: changes }, m);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'uq_user_email')) throw conflict('email_taken', 'This e-mail already has an account');
      throw e;
    }
    return toUserView(await this.db.getRepository(User).findOneByOrFail({ id: actor.id }));
  }
}
