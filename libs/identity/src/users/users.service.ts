import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService, badRequest, conflict, isUniqueViolation, notFound } from '@lc/platform';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/passwords';
import { CreateStaffUserDto } from '../dto/staff-user.dto';
import { Organisation } from '../organisations/organisation.entity';
import { normalisePhone } from '../pii/pii';
import { PiiService } from '../pii/pii.service';
import { User } from './user.entity';
import { toUserView, UserView } from './user-view';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  async me(actor: Actor): Promise<UserView> {
    const u = await this.db.getRepository(User).findOneBy({ id: actor.id, deletedAt: IsNull() });
    if (!u) throw notFound('User');
    return toUserView(u);
  }

  async createStaff(actor: Actor, dto: CreateStaffUserDto): Promise<UserView> {
    if (dto.role !== 'admin' && !dto.organisationId)
      throw badRequest('organisation_required', 'Organisers and judges belong to an organisation', [
        { field: 'organisationId', problems: ['required for organiser and judge'] },
      ]);
    if (dto.organisationId && !(await this.db.getRepository(Organisation).existsBy({ id: dto.organisationId }))) throw notFound('Organisation');
    let phone: ReturnType<PiiService['seal']> | null = null;
    if (dto.phone) {
      const p = normalisePhone(dto.phone);
      if (!p) throw badRequest('invalid_phone', 'phone must be a Vietnamese mobile number', [{ field: 'phone', problems: ['not a Vietnamese mobile number'] }]);
      phone = this.pii.seal('phone', p);
    }
    const user = this.db.getRepository(User).create({
      fullName: dto.fullName.normalize('NFC').trim(),
      email: dto.email.toLowerCase(),
      phoneHash: phone?.hash ?? null,
      phoneEncrypted: phone?.encrypted ?? null,
      phoneMasked: phone?.masked ?? null,
      passwordHash: await hashPassword(dto.password),
      role: dto.role,
      organisationId: dto.role === 'admin' ? null : (dto.organisationId ?? null),
    });
    try {
      await this.db.transaction(async (m) => {
        await m.getRepository(User).insert(user);
        await this.audit.record(
          actor,
          { action: 'user.create', entityType: 'user', entityId: user.id, after: { role: user.role, organisationId: user.organisationId, email: user.email } },
          m,
        );
      });
    } catch (e) {
      if (isUniqueViolation(e, 'uq_user_email')) throw conflict('email_taken', 'This e-mail already has an account');
      if (isUniqueViolation(e, 'uq_user_phone_hash')) throw conflict('phone_taken', 'This phone number already has an account');
      throw e;
    }
    return toUserView(await this.db.getRepository(User).findOneByOrFail({ id: user.id }));
  }
}
