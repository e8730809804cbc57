import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { AuditService, ClockService, conflict, DomainError, type FieldProblem, isUniqueViolation, notFound } from '@lc/platform';
import { Contest } from '../contest/contest.entity';
import { ContestsService } from '../contest/contests.service';
import { RoundPoolService } from '../pool/round-pool.service';
import { RoundScheduleService } from '../schedule/round-schedule.service';
import { Round } from './round.entity';
import { CreateRoundDto, UpdateRoundDto } from './round.dto';
import type { PinnedQuestion } from '@lc/question-bank';
import {
  canonicalJson,
  isRoundLocked,
  isRoundOver,
  liveRoundInput,
  liveSourceRefusal,
  lockedChanges,
  mergeRoundSettings,
  notChoiceQuestions,
  roundProblems,
  type RoundSettings,
} from './round-rules';
import { settingsOf } from './round-view';
import { RoundLifecycle } from './lifecycle/round-lifecycle.service';
import { RoundStore } from './lifecycle/round-store';
import { nextRoundSeq } from './round-read-store';

const invalid = (problems: FieldProblem[]) =>
  new DomainError('round_invalid', 400, `Invalid round: ${problems.map((p) => `${p.field} (${p.problems.join('; ')})`).join(', ')}`, problems);

@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly contests: ContestsService,
    private readonly pool: RoundPoolService,
    private readonly schedule: RoundScheduleService,
    private readonly store: RoundStore,
    private readonly lifecycle: RoundLifecycle,
  ) {}

  /** Adds a round at the end. In a published contest it is validated, frozen and scheduled at once. */
  async create(actor: Actor, contestIdOrSlug: string, dto: CreateRoundDto): Promise<Round> {
    const contest = await this.contests.forWrite(actor, contestIdOrSlug);
    if (contest.status !== 'draft' && contest.status !== 'published') throw conflict('contest_closed', `Rounds cannot be added to a ${contest.status} contest`);
    const pinned = await this.pinnedQuestions(contest.organisationId, dto);
    const settings = mergeRoundSettings(liveRoundInput(dto, undefined, pinned));
    if (dto.kind === 'quiz' && dto.durationSeconds === undefined)
      throw invalid([{ field: 'durationSeconds', problems: ['a quiz round needs durationSeconds'] }]);
    const live = contest.status === 'published';
    for (let tries = 0; ; tries++) {
      const next = await nextRoundSeq(this.db, contest.id);
      const problems = roundProblems(settings, { seq: next, now: live ? this.clock.now() : undefined });
      if (problems.length) throw invalid(problems);
      try {
        const round = await this.db.transaction(async (m) => {
          const r = m.getRepository(Round).create({ ...settings, contestId: contest.id, seq: next, status: 'draft', poolVersion: 0 });
          await this.store.insert(m, r);
          if (live) {
            r.poolVersion = hasPool(settings) ? await this.pool.freeze(m, r, contest.organisationId, settings.selection) : 0;
            await this.lifecycle.schedule(m, r.id, r.poolVersion);
            r.status = 'scheduled';
          }
          await this.audit.record(
            actor,
            { action: 'round.create', entityType: 'round', entityId: r.id, after: dto, organisationId: contest.organisationId },
            m,
          );
          return r;
        });
        if (live) await this.schedule.schedule(round);
        return this.db.getRepository(Round).findOneByOrFail({ id: round.id });
      } catch (e) {
        if (!isUniqueViolation(e, 'uq_round_contest_seq') || tries >= 3) throw e;
      }
    }
  }

  async list(actor: Actor | undefined, contestIdOrSlug: string): Promise<{ contest: Contest; rounds: Round[]; staff: boolean }> {
    const { contest, staff } = await this.contests.get(actor, contestIdOrSlug);
    const rounds = await this.db.getRepository(Round).find({ where: { contestId: contest.id }, order: { seq: 'ASC' } });
    return { contest, rounds: staff ? rounds : rounds.filter((r) => r.status !== 'draft'), staff };
  }

  async get(actor: Actor | undefined, roundId: string): Promise<{ round: Round; staff: boolean }> {
    const round = await this.db.getRepository(Round).findOneBy({ id: roundId });
    if (!round) throw notFound('Round');
    const { staff } = await this.contests.get(actor, round.contestId).catch(() => {
      throw notFound('Round');
    });
    if (!staff && round.status === 'draft') throw notFound('Round');
    return { round, staff };
  }

  /**
   * A round nobody has entered may be removed: a draft, or a scheduled round before it opens
   * (no attempt or entry can exist yet). Its pool, judges and jobs go with it.
   */
  async remove(actor: Actor, roundId: string): Promise<void> {
    const organisationId = await this.access.require(actor, 'round', roundId, 'write');
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: roundId });
    if (isRoundLocked(round.status, round.opensAt, this.clock.now())) {
      throw conflict('round_not_deletable', 'The round has opened, so it keeps its entrants and results: it cannot be deleted', {
        status: round.status,
        opensAt: round.opensAt.toISOString(),
      });
    }
    await this.db.transaction(async (m) => {
      // Re-checked in the statement: the worker may be opening it at this very moment.
      if (!(await this.store.remove(m, roundId, this.clock.nowDate())))
        throw conflict('round_not_deletable', 'The round has opened meanwhile, so it cannot be deleted');
      await this.audit.record(
        actor,
        {
          action: 'round.delete',
          entityType: 'round',
          entityId: roundId,
          before: { title: round.title, seq: round.seq, status: round.status },
          organisationId,
        },
        m,
      );
    });
    if (round.status === 'scheduled') await this.schedule.unschedule(roundId);
  }

  /**
   * Before a round opens anything may change (the pool is frozen again when the selection
   * changes). After, only what does not change the contest entrants face: 409 otherwise.
   */
  async update(actor: Actor, roundId: string, dto: UpdateRoundDto): Promise<Round> {
    const organisationId = await this.access.require(actor, 'round', roundId, 'write');
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: roundId });
    const now = this.clock.now();
    const before = settingsOf(round);
    const pinned = await this.pinnedQuestions(organisationId, dto, before);
    const after = mergeRoundSettings(liveRoundInput(dto, before, pinned), before);
    if (isRoundLocked(round.status, round.opensAt, now)) {
      const changed = lockedChanges(before, after);
      if (isRoundOver(round, now) && after.closesAt.getTime() !== before.closesAt.getTime()) changed.push('closesAt (the round is over)');
      if (changed.length) {
        throw conflict('round_locked', `The round has opened, so these can no longer change: ${changed.join(', ')}`, { fields: changed });
      }
    }
    const goingLive = round.status !== 'draft';
    const problems = roundProblems(after, { seq: round.seq, now: goingLive && timesChanged(before, after) ? now : undefined });
    if (problems.length) throw invalid(problems);
    const refreeze =
      goingLive && hasPool(after) && !isRoundLocked(round.status, round.opensAt, now) && canonicalJson(before.selection) !== canonicalJson(after.selection);
    await this.db.transaction(async (m) => {
      const patch: Partial<Round> = { ...after };
      if (refreeze) patch.poolVersion = await this.pool.freeze(m, round, organisationId, after.selection);
      if (!(await this.store.updateSettings(m, round.id, round.status, patch)))
        throw conflict('round_changed', 'The round changed meanwhile; reload it and try again');
      await this.audit.record(
        actor,
        { action: 'round.update', entityType: 'round', entityId: round.id, before: dto && pick(before, dto), after: dto, organisationId },
        m,
      );
    });
    const fresh = await this.db.getRepository(Round).findOneByOrFail({ id: round.id });
    if ((fresh.status === 'scheduled' || fresh.status === 'open') && timesChanged(before, after)) await this.schedule.schedule(fresh);
    return fresh;
  }

  /**
   * A live round's questionIds as the question bank holds them (bank, type), after the rules
   * needing no bank (exactly one source, each id once). Non-choice questions are refused here,
   * naming them, rather than as a rule matching too few at freeze time.
   */
  private async pinnedQuestions(organisationId: string, dto: CreateRoundDto | UpdateRoundDto, base?: RoundSettings): Promise<PinnedQuestion[] | undefined> {
    const refusal = liveSourceRefusal(dto, base);
    if (refusal) throw refusal;
    if (!dto.questionIds) return undefined; // null: not this source (liveSourceRefusal)
    const pinned = await this.pool.pinned(organisationId, dto.questionIds);
    const bad = notChoiceQuestions(pinned);
    if (bad.length)
      throw new DomainError(
        'live_questions_not_choice',
        400,
        `A live final shows choice questions only (single, multiple, true_false); these are not: ${bad.join(', ')}`,
        {
          questionIds: bad,
        },
      );
    return pinned;
  }
}

/** Quiz and live rounds draw from a frozen pool; judged rounds have none. */
const hasPool = (s: RoundSettings) => s.kind === 'quiz' || s.kind === 'live';

function timesChanged(a: RoundSettings, b: RoundSettings): boolean {
  return a.opensAt.getTime() !== b.opensAt.getTime() || a.closesAt.getTime() !== b.closesAt.getTime();
}

function pick(s: RoundSettings, dto: object): Partial<RoundSettings> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(dto)) out[k] = (s as unknown as Record<string, unknown>)[k];
  return out;
}
