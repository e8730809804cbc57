import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, notFound, Page } from '@lc/platform';
import type { Actor } from '../auth/actor';
import { AccessService } from '../access/access.service';
import { CreateOrganisationDto } from '../dto/organisation.dto';
import { Organisation } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateOrganisationDto): Promise<Organisation> {
    return this.db.transaction(async (m) => {
      const org = m.getRepository(Organisation).create({ name: dto.name.normalize('NFC').trim(), level: dto.level, province: dto.province ?? null });
      await m.getRepository(Organisation).insert(org);
      await this.audit.record(actor, { action: 'organisation.create', entityType: 'organisation', entityId: org.id, after: dto, organisationId: org.id }, m);
      return org;
    });
  }

  async get(actor: Actor, id: string): Promise<Organisation> {
    await this.access.require(actor, 'organisation', id, 'read');
    const org = await this.db.getRepository(Organisation).findOneBy({ id });
    if (!org) throw notFound('Organisation');
    return org;
  }

  /** Admins see every organisation; staff see their own. */
  async list(actor: Actor, limit: number, offset: number): Promise<Page<Organisation>> {
    const where = actor.role === 'admin' ? {} : { id: actor.organisationId ?? '00000000-0000-0000-0000-000000000000' };
    const [items, total] = await this.db.getRepository(Organisation).findAndCount({ where, order: { name: 'ASC' }, take: limit, skip: offset });
    return { items, total };
  }
}
