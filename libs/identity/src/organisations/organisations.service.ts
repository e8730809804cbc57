import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, badRequest, escapeLike, foldedSql, foldVietnamese, notFound, Page } from '@lc/platform';
import type { Actor } from '../auth/actor';
import { AccessService } from '../access/access.service';
import { CreateOrganisationDto, UpdateOrganisationDto } from '../dto/organisation.dto';
import { Organisation } from './organisation.entity';
import { organisationPlace } from './organisation-place';

const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateOrganisationDto): Promise<Organisation> {
    const place = placeOrThrow(dto.level, dto.province);
    return this.db.transaction(async (m) => {
      const org = m.getRepository(Organisation).create({ name: dto.name.normalize('NFC').trim(), level: dto.level, province: place });
      await m.getRepository(Organisation).insert(org);
      await this.audit.record(actor, { action: 'organisation.create', entityType: 'organisation', entityId: org.id, after: dto, organisationId: org.id }, m);
      return org;
    });
  }

  /** Renames or moves an organisation; its staff, banks and contests stay with it. */
  async update(actor: Actor, id: string, dto: UpdateOrganisationDto): Promise<Organisation> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(Organisation);
      const before = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw notFound('Organisation');
      const level = dto.level ?? before.level;
      // Moving to central drops the province unless one is sent (which is then refused).
      const province = dto.province !== undefined ? dto.province : level === 'central' ? null : before.province;
      const after = { name: dto.name?.normalize('NFC').trim() ?? before.name, level, province: placeOrThrow(level, province) };
      await repo.update({ id }, after);
      await this.audit.record(
        actor,
        {
          action: 'organisation.update',
          entityType: 'organisation',
          entityId: id,
          before: { name: before.name, level: before.level, province: before.province },
          after,
          organisationId: id,
        },
        m,
      );
      return { ...before, ...after };
    });
  }

  async get(actor: Actor, id: string): Promise<Organisation> {
    await this.access.require(actor, 'organisation', id, 'read');
    const org = await this.db.getRepository(Organisation).findOneBy({ id });
    if (!org) throw notFound('Organisation');
    return org;
  }

  /** Admins see (and search) every organisation; staff see their own. */
  async list(actor: Actor, q: string | undefined, limit: number, offset: number): Promise<Page<Organisation>> {
    const qb = this.db.getRepository(Organisation).createQueryBuilder('o');
    if (actor.role !== 'admin') qb.where('o.id = :own', { own: actor.organisationId ?? NO_ORGANISATION });
    const search = q?.normalize('NFC').trim();
    // Folded on both sides, as every name search: "dong hoa" finds "Đông Hòa", whatever the database's locale.
    if (search) qb.andWhere(`${foldedSql('o.name')} LIKE :search`, { search: `%${escapeLike(foldVietnamese(search))}%` });
    const [items, total] = await qb.orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').take(limit).skip(offset).getManyAndCount();
    return { items, total };
  }
}

function placeOrThrow(level: Organisation['level'], province: string | null | undefined): string | null {
  const place = organisationPlace(level, province);
  if ('problem' in place) throw badRequest('invalid_province', place.problem.problems[0], [place.problem]);
  return place.province;
}
