import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { AuditService, badRequest, ClockService, conflict, DomainError, EventBus, isUniqueViolation, notFound, Page } from '@lc/platform';
import { RoundPoolService } from '../pool/round-pool.service';
import { Round } from '../round/round.entity';
import { roundProblems } from '../round/round-rules';
import { settingsOf } from '../round/round-view';
import { RoundLifecycle } from '../round/lifecycle/round-lifecycle.service';
import { RoundScheduleService } from '../schedule/round-schedule.service';
import { Contest, type ContestStatus } from './contest.entity';
import { ContestListQuery, CreateContestDto, UpdateContestDto } from './contest.dto';
import { slugify } from './contest-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What residents and visitors may see. */
export const PUBLIC_CONTEST_STATUSES: ContestStatus[] = ['published', 'closed'];

@Injectable()
export class ContestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly pool: RoundPoolService,
    private readonly schedule: RoundScheduleService,
    private readonly lifecycle: RoundLifecycle,
    private readonly bus: EventBus,
  ) {}

  async create(actor: Actor, dto: CreateContestDto): Promise<Contest> {
    const organisationId = await this.owningOrganisation(actor, dto.organisationId);
    const repo = this.db.getRepository(Contest);
    const title = dto.title.normalize('NFC').trim();
    for (let attempt = 0; ; attempt++) {
      const slug = dto.slug ?? (attempt === 0 ? slugify(title) : `${slugify(title).slice(0, 70)}-${randomBytes(3).toString('hex')}`);
      const contest = repo.create({
        organisationId,
        title,
        slug,
        description: dto.description ?? null,
        rules: dto.rules ?? null,
        status: 'draft',
        unitList: cleanList(dto.unitList),
        requiredFields: [...new Set(dto.requiredFields ?? [])],
        createdBy: actor.id,
      });
      try {
        await this.db.transaction(async (m) => {
          await m.getRepository(Contest).insert(contest);
          await this.audit.record(actor, { action: 'contest.create', entityType: 'contest', entityId: contest.id, after: dto, organisationId }, m);
        });
        return repo.findOneByOrFail({ id: contest.id });
      } catch (e) {
        if (!isUniqueViolation(e, 'uq_contest_slug')) throw e;
        if (dto.slug || attempt >= 3) throw conflict('slug_taken', `The slug "${slug}" is already used by another contest`, { slug });
      }
    }
  }

  /** Visitors and residents see published contests; judges those they judge; other staff their organisation's; admins all. */
  async list(actor: Actor | undefined, q: ContestListQuery): Promise<Page<Contest>> {
    const qb = this.db.getRepository(Contest).createQueryBuilder('c').orderBy('c.created_at', 'DESC').take(q.limit).skip(q.offset);
    if (!actor || actor.role === 'resident') qb.where('c.status IN (:...s)', { s: PUBLIC_CONTEST_STATUSES });
    else if (actor.role === 'judge') {
      // A judge's list is their work: contests with a round assigned to them, never drafts (nothing to judge yet).
      const ids = [...new Set((await this.access.judgeAssignments(actor)).map((a) => a.contestId))];
      qb.where(ids.length ? 'c.id IN (:...ids)' : 'false', { ids }).andWhere("c.status <> 'draft'");
    } else if (actor.role !== 'admin') qb.where('c.organisation_id = :org', { org: actor.organisationId ?? '00000000-0000-0000-0000-000000000000' });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** By id or slug; other tenants' drafts (and, for judges, drafts they do not judge) are as missing as missing ones. */
  async get(actor: Actor | undefined, idOrSlug: string): Promise<{ contest: Contest; staff: boolean }> {
    const contest = await this.db.getRepository(Contest).findOneBy(UUID.test(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug.toLowerCase() });
    if (!contest) throw notFound('Contest');
    // Judges are staff only of contests they judge; any other contest they see as the public does.
    const staff =
      !!actor &&
      actor.role !== 'resident' &&
      (actor.role === 'admin' || actor.organisationId === contest.organisationId) &&
      (actor.role !== 'judge' || (await this.access.canRead(actor, 'contest', contest.id)));
    if (!staff && !PUBLIC_CONTEST_STATUSES.includes(contest.status)) throw notFound('Contest');
    return { contest, staff };
  }

  /** For writes: the contest, after checking the actor may change it. */
  async forWrite(actor: Actor, idOrSlug: string): Promise<Contest> {
    const id = UUID.test(idOrSlug) ? idOrSlug : (await this.db.getRepository(Contest).findOneBy({ slug: idOrSlug.toLowerCase() }))?.id;
    if (!id) throw notFound('Contest');
    await this.access.require(actor, 'contest', id, 'write');
    const contest = await this.db.getRepository(Contest).findOneBy({ id });
    if (!contest) throw notFound('Contest');
    return contest;
  }

  async update(actor: Actor, idOrSlug: string, dto: UpdateContestDto): Promise<Contest> {
    const contest = await this.forWrite(actor, idOrSlug);
    if (contest.status === 'archived') throw conflict('contest_archived', 'An archived contest cannot be changed');
    if (dto.slug !== undefined && dto.slug !== contest.slug && contest.status !== 'draft') {
      throw conflict('slug_locked', 'The slug cannot change once the contest is published (links to it are out there)');
    }
    const before = { ...contest };
    if (dto.title !== undefined) contest.title = dto.title.normalize('NFC').trim();
    if (dto.slug !== undefined) contest.slug = dto.slug;
    if (dto.description !== undefined) contest.description = dto.description;
    if (dto.rules !== undefined) contest.rules = dto.rules;
    if (dto.unitList !== undefined) contest.unitList = cleanList(dto.unitList ?? undefined);
    if (dto.requiredFields !== undefined) contest.requiredFields = [...new Set(dto.requiredFields)];
    try {
      await this.db.transaction(async (m) => {
        await m.getRepository(Contest).save(contest);
        await this.audit.record(
          actor,
          { action: 'contest.update', entityType: 'contest', entityId: contest.id, before, after: dto, organisationId: contest.organisationId },
          m,
        );
      });
    } catch (e) {
      if (isUniqueViolation(e, 'uq_contest_slug')) throw conflict('slug_taken', `The slug "${dto.slug}" is already used by another contest`);
      throw e;
    }
    await this.bus.emit('ContestChanged', { contestId: contest.id });
    return contest;
  }

  /**
   * Goes live: every round is validated against the clock and its question pool frozen (the
   * question bank checks there are enough questions and locks them), then the rounds are
   * scheduled to open and close by themselves.
   */
  async publish(actor: Actor, idOrSlug: string): Promise<Contest> {
    const contest = await this.forWrite(actor, idOrSlug);
    if (contest.status !== 'draft') throw conflict('contest_not_draft', `The contest is already ${contest.status}`);
    const rounds = await this.db.getRepository(Round).find({ where: { contestId: contest.id }, order: { seq: 'ASC' } });
    if (!rounds.length) throw badRequest('contest_has_no_rounds', 'Add at least one round before publishing');
    const now = this.clock.now();
    const problems = rounds.flatMap((r) => roundProblems(settingsOf(r), { seq: r.seq, now }).map((p) => ({ ...p, field: `rounds.${r.seq}.${p.field}` })));
    if (problems.length) {
      throw new DomainError(
        'round_invalid',
        400,
        `Some rounds cannot go live: ${problems.map((p) => `${p.field} (${p.problems.join('; ')})`).join(', ')}`,
        problems,
      );
    }
    await this.db.transaction(async (m) => {
      for (const r of rounds) {
        const poolVersion = r.kind === 'quiz' || r.kind === 'live' ? await this.pool.freeze(m, r, contest.organisationId, r.selection) : r.poolVersion;
        await this.lifecycle.schedule(m, r.id, poolVersion);
        r.status = 'scheduled';
      }
      const claimed = await m
        .createQueryBuilder()
        .update(Contest)
        .set({ status: 'published', publishedAt: this.clock.nowDate() })
        .where({ id: contest.id, status: 'draft' })
        .execute();
      if (!claimed.affected) throw conflict('contest_not_draft', 'The contest was published meanwhile');
      await this.audit.record(actor, { action: 'contest.publish', entityType: 'contest', entityId: contest.id, organisationId: contest.organisationId }, m);
    });
    for (const r of rounds) await this.schedule.schedule(r);
    await this.bus.emit('ContestChanged', { contestId: contest.id });
    return this.db.getRepository(Contest).findOneByOrFail({ id: contest.id });
  }

  /**
   * Ends the contest. Rounds that have not opened are called off; a round still running
   * must finish (or be closed by a judge) first, so nobody loses an attempt in progress.
   */
  async close(actor: Actor, idOrSlug: string): Promise<Contest> {
    const contest = await this.forWrite(actor, idOrSlug);
    if (contest.status !== 'published') throw conflict('contest_not_published', `Only a published contest can be closed (it is ${contest.status})`);
    const now = this.clock.now();
    const rounds = await this.db.getRepository(Round).findBy({ contestId: contest.id });
    const running = rounds.filter((r) => (r.status === 'open' || r.status === 'scheduled') && r.opensAt.getTime() <= now && r.closesAt.getTime() > now);
    if (running.length) {
      throw conflict('rounds_running', `Round(s) ${running.map((r) => r.seq).join(', ')} are still running; close them first or wait until they end`, {
        rounds: running.map((r) => r.id),
      });
    }
    const callOff = rounds.filter((r) => r.status === 'draft' || (r.status === 'scheduled' && r.opensAt.getTime() > now));
    const calledOff = await this.db.transaction(async (m) => {
      const ids = await this.lifecycle.callOff(
        m,
        callOff.map((r) => r.id),
        new Date(now),
      );
      await m.update(Contest, { id: contest.id }, { status: 'closed', closedAt: new Date(now) });
      await this.audit.record(actor, { action: 'contest.close', entityType: 'contest', entityId: contest.id, organisationId: contest.organisationId }, m);
      return ids;
    });
    for (const id of calledOff) await this.schedule.unschedule(id);
    await this.bus.emit('ContestChanged', { contestId: contest.id });
    return this.db.getRepository(Contest).findOneByOrFail({ id: contest.id });
  }

  async archive(actor: Actor, idOrSlug: string): Promise<Contest> {
    const contest = await this.forWrite(actor, idOrSlug);
    if (contest.status !== 'closed' && contest.status !== 'draft')
      throw conflict('contest_not_closed', `Close the contest before archiving it (it is ${contest.status})`);
    await this.db.transaction(async (m) => {
      await m.update(Contest, { id: contest.id }, { status: 'archived', archivedAt: this.clock.nowDate() });
      await this.audit.record(actor, { action: 'contest.archive', entityType: 'contest', entityId: contest.id, organisationId: contest.organisationId }, m);
    });
    await this.bus.emit('ContestChanged', { contestId: contest.id });
    return this.db.getRepository(Contest).findOneByOrFail({ id: contest.id });
  }

  private async owningOrganisation(actor: Actor, requested: string | undefined): Promise<string> {
    if (actor.role === 'admin') {
      if (!requested) throw badRequest('organisation_required', 'Give organisationId: the organisation that runs the contest');
      await this.access.require(actor, 'organisation', requested, 'read');
      return requested;
    }
    if (!actor.organisationId || (requested && requested !== actor.organisationId)) throw notFound('Organisation');
    return actor.organisationId;
  }
}

function cleanList(list: string[] | undefined): string[] | null {
  if (!list?.length) return null;
  return [...new Set(list.map((s) => s.normalize('NFC').trim()).filter(Boolean))];
}
