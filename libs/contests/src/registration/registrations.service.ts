import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService, User } from '@lc/identity';
import { conflict, DomainError, forbidden, isUniqueViolation, notFound, Page } from '@lc/platform';
import { ContestsService } from '../contest/contests.service';
import { Registration } from './registration.entity';
import { ContestRegistrationDto } from './registration.dto';
import { type Profile, resolveRegistration } from './registration-rules';

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

  /** A resident joins a published contest with the profile fields it requires. */
  async register(actor: Actor, contestIdOrSlug: string, dto: ContestRegistrationDto): Promise<RegistrationView> {
    if (actor.role !== 'resident') throw forbidden('Only residents enter contests');
    const { contest } = await this.contests.get(actor, contestIdOrSlug);
    if (contest.status !== 'published') throw conflict('contest_not_open', 'This contest no longer takes registrations');
    const user = await this.db.getRepository(User).findOneBy({ id: actor.id });
    if (!user || user.deletedAt) throw notFound('User');
    const profile: Profile = {
      fullName: user.fullName,
      email: user.email,
      phone: user.phoneMasked,
      nationalId: user.nationalIdMasked,
      dateOfBirth: user.dateOfBirth,
      province: user.province,
      commune: user.commune,
      unit: user.unit,
    };
    const resolved = resolveRegistration(contest, profile, dto);
    if (!resolved.ok) {
      throw new DomainError('registration_invalid', 400, `Registration incomplete: ${resolved.problems.map((p) => `${p.field} (${p.problems.join('; ')})`).join(', ')}`, resolved.problems);
    }
    const repo = this.db.getRepository(Registration);
    const reg = repo.create({ contestId: contest.id, userId: actor.id, unit: resolved.unit, fields: resolved.fields });
    try {
      await repo.insert(reg);
    } catch (e) {
      if (isUniqueViolation(e, 'uq_registration_contest_user')) {
        const existing = await repo.findOneByOrFail({ contestId: contest.id, userId: actor.id });
        throw conflict('already_registered', 'You are already registered for this contest', { registrationId: existing.id });
      }
      throw e;
    }
    // insert() fills the generated columns in from RETURNING: no second read.
    return view(reg.createdAt ? reg : await repo.findOneByOrFail({ id: reg.id }));
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
    const rows: unknown[] = await this.db.query('SELECT 1 FROM registration WHERE contest_id = $1 AND user_id = $2', [contestId, userId]);
    return rows.length > 0;
  }
}
