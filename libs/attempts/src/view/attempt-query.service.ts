import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { RoundLookup, RoundPoolService, sqlRows, WithheldKeysService } from '@lc/contests';
import { AppConfig, ClockService, notFound, Page } from '@lc/platform';
import { Attempt } from '../attempt/attempt.entity';
import { AttemptRecords } from '../attempt/attempt-records.service';
import { answerValues, AttemptHotStore, type StoredAnswer } from '../hot/attempt-hot-store';
import type { AttemptFlag } from '../integrity/integrity';
import { type AttemptReviewView, reviewState, unreviewedFlags } from '../integrity/flag-review';
import { scoreAttempt } from '../scoring/scoring';
import { AttemptFinaliser } from '../submit/attempt-finaliser.service';
import { answerViews, type AttemptView, drawnQuestionIds, questionViews, reviewViews, withholdKeys } from './attempt-view';

export interface AttemptSummary {
  id: string;
  attemptNo: number;
  status: string;
  startedAt: string;
  deadlineAt: string;
  submittedAt: string | null;
  score: number | null;
  maxScore: number | null;
  timeTakenMs: number | null;
}

export interface MyAttempts {
  roundId: string;
  maxAttempts: number;
  remaining: number;
  inProgress: string | null;
  serverTime: string;
  items: AttemptSummary[];
}

export interface StaffAttemptRow extends AttemptSummary {
  userId: string;
  fullName: string;
  /** The unit they entered the contest for (their registration), and their province: two colleagues on one computer are not two strangers. */
  unit: string | null;
  province: string | null;
  flags: AttemptFlag[];
  ip: string | null;
  deviceId: string | null;
  userAgent: string | null;
  events: number;
  /** Where the judges stand on the flags: pending until one voids or clears the attempt. */
  review: AttemptReviewView;
}

const summary = (a: Attempt): AttemptSummary => ({
  id: a.id,
  attemptNo: a.attemptNo,
  status: a.status,
  startedAt: a.startedAt.toISOString(),
  deadlineAt: a.deadlineAt.toISOString(),
  submittedAt: a.submittedAt?.toISOString() ?? null,
  score: a.score,
  maxScore: a.maxScore,
  timeTakenMs: a.timeTakenMs,
});

type Reviewed = Pick<Attempt, 'status' | 'flags' | 'clearedFlags' | 'clearedAt' | 'clearedBy' | 'clearReason' | 'voidReason'>;

function reviewView(a: Reviewed): AttemptReviewView {
  return {
    state: reviewState(a.status, a.flags, a.clearedFlags),
    pendingFlags: a.status === 'void' ? [] : unreviewedFlags(a.flags, a.clearedFlags),
    clearedAt: a.clearedAt?.toISOString() ?? null,
    clearedBy: a.clearedBy,
    reason: a.status === 'void' ? a.voidReason : a.clearReason,
  };
}

/** A row of the staff listing (snake_case SQL) as the entity fields the review needs. */
const reviewedRow = (r: Record<string, unknown>): Reviewed => ({
  status: r.status as Attempt['status'],
  flags: r.flags as AttemptFlag[],
  clearedFlags: r.cleared_flags as number,
  clearedAt: (r.cleared_at as Date | null) ?? null,
  clearedBy: (r.cleared_by as string | null) ?? null,
  clearReason: (r.clear_reason as string | null) ?? null,
  voidReason: (r.void_reason as string | null) ?? null,
});

/** Reading attempts: the entrant resumes or reviews their own; staff of the organisation see all, with integrity data. */
@Injectable()
export class AttemptQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly records: AttemptRecords,
    private readonly hot: AttemptHotStore,
    private readonly finaliser: AttemptFinaliser,
    private readonly rounds: RoundLookup,
    private readonly pools: RoundPoolService,
    private readonly withheld: WithheldKeysService,
    private readonly clock: ClockService,
    private readonly config: AppConfig,
  ) {}

  /** Resume (every saved answer), or review; the answer key only once results are published. */
  async get(actor: Actor, id: string): Promise<AttemptView> {
    let a = await this.records.find(id);
    if (!a) throw notFound('Attempt');
    const staff = actor.role !== 'resident';
    // Staff of the organisation; of its judges only those of the round (AccessService decides both).
    if (staff) await this.access.require(actor, 'round', a.roundId, 'read');
    else if (a.userId !== actor.id) throw notFound('Attempt');
    if (a.status === 'in_progress' && a.deadlineAt.getTime() + this.config.answerGraceMs < this.clock.now()) {
      // The worker would do it within seconds; the entrant looking now sees the outcome now.
      await this.finaliser.expire(a.id);
      a = (await this.records.find(id))!;
    }
    const answers = await this.answersOf(a);
    const round = await this.rounds.get(a.roundId);
    const pool = await this.pools.load(a.roundId, a.poolVersion);
    const view: AttemptView = {
      id: a.id,
      roundId: a.roundId,
      contestId: a.contestId,
      attemptNo: a.attemptNo,
      status: a.status,
      startedAt: a.startedAt.toISOString(),
      deadlineAt: a.deadlineAt.toISOString(),
      serverTime: this.clock.nowDate().toISOString(),
      submittedAt: a.submittedAt?.toISOString() ?? null,
      score: a.score,
      maxScore: a.maxScore,
      timeTakenMs: a.timeTakenMs,
      prediction: a.prediction,
      questions: questionViews(a.questions, pool.byVersion),
      answers: answerViews(answers),
    };
    if (round?.status === 'published' && a.status !== 'in_progress') {
      const given = answerValues(answers);
      const review = reviewViews(a.questions, pool.byVersion, scoreAttempt(a.questions, given, pool.byVersion, { partialCredit: round.partialCredit }));
      const withheld = await this.withheld.forQuestions(drawnQuestionIds(a.questions, pool.byVersion), a.roundId);
      view.review = withholdKeys(review, a.questions, pool.byVersion, withheld, staff);
    }
    if (staff)
      view.integrity = {
        flags: a.flags,
        ip: a.ip,
        userAgent: a.userAgent,
        deviceId: a.deviceId,
        userId: a.userId,
        voidReason: a.voidReason,
        review: reviewView(a),
      };
    return view;
  }

  async mine(actor: Actor, roundId: string): Promise<MyAttempts> {
    const round = await this.rounds.get(roundId);
    if (!round || round.status === 'draft') throw notFound('Round');
    const rows = await this.db.getRepository(Attempt).find({ where: { roundId, userId: actor.id }, order: { attemptNo: 'ASC' } });
    const items = rows.map(summary);
    return {
      roundId,
      maxAttempts: round.maxAttempts,
      remaining: Math.max(0, round.maxAttempts - items.length),
      inProgress: items.find((i) => i.status === 'in_progress')?.id ?? null,
      serverTime: this.clock.nowDate().toISOString(),
      items,
    };
  }

  /** Staff: a round's attempts, flagged ones first (those awaiting a judge before reviewed ones). */
  async forRound(actor: Actor, roundId: string, q: { flagged?: boolean; status?: string; limit: number; offset: number }): Promise<Page<StaffAttemptRow>> {
    await this.access.require(actor, 'round', roundId, 'read');
    const where = `a.round_id = $1 AND ($2::boolean IS NOT TRUE OR jsonb_array_length(a.flags) > 0) AND ($3::text IS NULL OR a.status = $3)`;
    const params = [roundId, q.flagged ?? null, q.status ?? null];
    const rows = await sqlRows<Record<string, unknown>>(
      this.db,
      `SELECT a.*, u.full_name, u.province, reg.unit, (SELECT count(*)::int FROM attempt_event e WHERE e.attempt_id = a.id) AS events
         FROM attempt a JOIN "user" u ON u.id = a.user_id
         LEFT JOIN registration reg ON reg.contest_id = a.contest_id AND reg.user_id = a.user_id
        WHERE ${where}
        ORDER BY (a.status <> 'void' AND jsonb_array_length(a.flags) > a.cleared_flags) DESC, jsonb_array_length(a.flags) DESC, a.started_at DESC LIMIT $4 OFFSET $5`,
      [...params, q.limit, q.offset],
    );
    const [{ n }] = await sqlRows<{ n: number }>(this.db, `SELECT count(*)::int AS n FROM attempt a WHERE ${where}`, params);
    return {
      total: n,
      items: rows.map((r) => ({
        id: r.id as string,
        attemptNo: r.attempt_no as number,
        status: r.status as string,
        startedAt: (r.started_at as Date).toISOString(),
        deadlineAt: (r.deadline_at as Date).toISOString(),
        submittedAt: r.submitted_at ? (r.submitted_at as Date).toISOString() : null,
        score: r.score === null ? null : Number(r.score),
        maxScore: r.max_score === null ? null : Number(r.max_score),
        timeTakenMs: (r.time_taken_ms as number | null) ?? null,
        userId: r.user_id as string,
        fullName: r.full_name as string,
        unit: (r.unit as string | null) ?? null,
        province: (r.province as string | null) ?? null,
        flags: r.flags as AttemptFlag[],
        ip: (r.ip as string | null) ?? null,
        deviceId: (r.device_id as string | null) ?? null,
        userAgent: (r.user_agent as string | null) ?? null,
        events: r.events as number,
        review: reviewView(reviewedRow(r)),
      })),
    };
  }

  /** In progress: Redis holds the newest answers (rebuilt from PostgreSQL if lost); afterwards PostgreSQL has them all. */
  private async answersOf(a: Attempt): Promise<Map<string, StoredAnswer>> {
    if (a.status !== 'in_progress') return this.records.answers(a.id);
    let hot = await this.hot.read(a.id);
    if (!hot) {
      await this.records.hydrate(a.id);
      hot = await this.hot.read(a.id);
    }
    return hot?.answers ?? this.records.answers(a.id);
  }
}
