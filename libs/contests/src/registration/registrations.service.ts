import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { conflict, DomainError, forbidden, notFound, Page, preparedRows } from '@lc/platform';
import { ContestsService, PUBLIC_CONTEST_STATUSES } from '../contest/contests.service';
import { Registration } from './registration.entity';
import { ContestRegistrationDto } from './registration.dto';
import { type Profile, resolveRegistration } from './registration-rules';
import { isRegistered } from './registration-store';

export interface RegistrationView {
  id: string;
  contestId: string;
  userId: string;
  unit: string | null;
  fields: Record<string, string>;
  createdAt: string;
  fullName?: string;
  province?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ContestAndProfile {
  id: string;
  status: string;
  unit_list: string[] | null;
  required_fields: string[];
  user_id: string | null;
  deleted_at: Date | null;
  full_name: string;
  email: string | null;
  phone_masked: string | null;
  national_id_masked: string | null;
  date_of_birth: string | null;
  province: string | null;
  commune: string | null;
  unit: string | null;
}

const view = (r: Registration, extra: Partial<RegistrationView> = {}): RegistrationView => ({
  id: r.id,
  contestId: r.contestId,
  userId: r.userId,
  unit: r.unit,
  fields: r.fields,
  createdAt: r.createdAt.toISOString(),
  ...extra,
});

@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly contests: ContestsService,
  ) {}

  /**
   * A resident joins a published contest with the profile fields it requires. The busiest
   * write of a deadline surge, so it is two statements: one read of the contest and the
   * account together, one insert that answers a duplicate with no row instead of an error.
   */
  async register(actor: Actor, contestIdOrSlug: string, dto: ContestRegistrationDto): Promise<RegistrationView> {
    if (actor.role !== 'resident') throw forbidden('Only residents enter contests');
    const byId = UUID.test(contestIdOrSlug);
    // Residents see only public contests (as ContestsService.get answers them): anything else is a 404.
    const [found] = await preparedRows<ContestAndProfile>(
      this.db,
      byId ? 'registration-contest-and-profile-by-id' : 'registration-contest-and-profile-by-slug',
      `SELECT c.id, c.status, c.unit_list, c.required_fields, u.id AS user_id, u.deleted_at, u.full_name, u.email, u.phone_masked,
              u.national_id_masked, to_char(u.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, u.province, u.commune, u.unit
         FROM contest c LEFT JOIN "user" u ON u.id = $2
        WHERE ${byId ? 'c.id = $1::uuid' : 'c.slug = $1'} AND c.status = ANY($3::text[])`,
      [byId ? contestIdOrSlug : contestIdOrSlug.toLowerCase(), actor.id, PUBLIC_CONTEST_STATUSES],
    );
    if (!found) throw notFound('Contest');
    if (found.status !== 'published') throw conflict('contest_not_open', 'This contest no longer takes registrations');
    if (!found.user_id || found.deleted_at) throw notFound('User');
    const profile: Profile = {
      fullName: found.full_name,
      email: found.email,
      phone: found.phone_masked,
      nationalId: found.national_id_masked,
      dateOfBirth: found.date_of_birth,
      province: found.province,
      commune: found.commune,
      unit: found.unit,
    };
    const resolved = resolveRegistration({ requiredFields: found.required_fields, unitList: found.unit_list }, profile, dto);
    if (!resolved.ok) {
      throw new DomainError(
        'registration_invalid',
        400,
        `Registration incomplete: ${resolved.problems.map((p) => `${p.field} (${p.problems.join('; ')})`).join(', ')}`,
        resolved.problems,
      );
    }
    const [row] = await preparedRows<{ id: string; created_at: Date }>(
      this.db,
      'registration-insert',
      `INSERT INTO registration (contest_id, user_id, unit, fields) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (contest_id, user_id) DO NOTHING RETURNING id, created_at`,
      [found.id, actor.id, resolved.unit, JSON.stringify(resolved.fields)],
    );
    if (!row) {
      const existing = await this.db.getRepository(Registration).findOneByOrFail({ contestId: found.id, userId: actor.id });
      throw conflict('already_registered', 'You are already registered for this contest', { registrationId: existing.id });
    }
    return { id: row.id, contestId: found.id, userId: actor.id, unit: resolved.unit, fields: resolved.fields, createdAt: row.created_at.toISOString() };
  }

  async mine(actor: Actor, contestIdOrSlug: string): Promise<RegistrationView> {
    const { contest } = await this.contests.get(actor, contestIdOrSlug);
    const reg = await this.db.getRepository(Registration).findOneBy({ contestId: contest.id, userId: actor.id });
    if (!reg) throw notFound('Registration');
    return view(reg);
  }

  async list(actor: Actor, contestIdOrSlug: string, limit: number, offset: number): Promise<Page<RegistrationView>> {
    const contest = await this.contests.get(actor, contestIdOrSlug);
    // The access rules answer: other tenants and residents 404, judges off this contest 403.
    await this.access.require(actor, 'contest', contest.contest.id, 'read');
    const [items, total] = await this.db
      .getRepository(Registration)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.user', 'u')
      .where('r.contest_id = :id', { id: contest.contest.id })
      .orderBy('r.createdAt', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items: items.map((r) => view(r, { fullName: r.user?.fullName, province: r.user?.province ?? null })), total };
  }

  async isRegistered(contestId: string, userId: string): Promise<boolean> {
    return isRegistered(this.db, contestId, userId);
  }
}
