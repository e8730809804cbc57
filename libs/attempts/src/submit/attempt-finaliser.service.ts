import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor } from '@lc/identity';
import { type RoundInfo, RoundLookup, RoundPoolService } from '@lc/contests';
import { LeaderboardService } from '@lc/leaderboard';
import { AppConfig, ClockService, conflict, notFound } from '@lc/platform';
import type { Attempt } from '../attempt/attempt.entity';
import { AttemptRecords } from '../attempt/attempt-records.service';
import { deadlinePassed, roundClosed } from '../common/errors';
import { answerValues, AttemptHotStore, type CloseResult } from '../hot/attempt-hot-store';
import { answerPattern, flag, tooFast } from '../integrity/integrity';
import { scoreAttempt } from '../scoring/scoring';
import { finaliseAttempt, type FinaliseOutcome, flagIdenticalAnswers } from './finalise-store';

export interface SubmitResult {
  attemptId: string;
  status: 'submitted' | 'expired';
  score: number;
  maxScore: number;
  timeTakenMs: number;
  submittedAt: string;
  /** The resident's place on the live board; null while the board is frozen or hidden. */
  rank: number | null;
}

type Closed = Extract<CloseResult, { r: 'ok' }>;

/**
 * Finishes attempts, by the resident's submit or by the clock. One PostgreSQL statement
 * (an implicit transaction) moves the attempt out of in_progress — only once, whoever
 * comes first — with its score and its final answers; the result is acknowledged only
 * after it commits. Everything after (leaderboard, Redis) is rebuildable from that row.
 */
@Injectable()
export class AttemptFinaliser {
  private readonly log = new Logger(AttemptFinaliser.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hot: AttemptHotStore,
    private readonly records: AttemptRecords,
    private readonly rounds: RoundLookup,
    private readonly pools: RoundPoolService,
    private readonly leaderboard: LeaderboardService,
    private readonly config: AppConfig,
    private readonly clock: ClockService,
  ) {}

  async submit(actor: Actor, attemptId: string, prediction: number | undefined, submitKey: string | null): Promise<SubmitResult> {
    let c = await this.hot.close(attemptId, actor.id, this.config.answerGraceMs, 'submit');
    if (c.r === 'missing') {
      const row = await this.records.hydrate(attemptId);
      if (!row || row.userId !== actor.id) throw notFound('Attempt');
      if (row.status !== 'in_progress') return this.stored(row);
      c = await this.hot.close(attemptId, actor.id, this.config.answerGraceMs, 'submit');
    }
    switch (c.r) {
      case 'ok': {
        const result = await this.finalise(c, c.late ? 'expired' : 'submitted', prediction ?? null, submitKey);
        if (!result) return this.stored((await this.records.find(attemptId))!);
        if ('closedAt' in result) throw roundClosed(result.closedAt, c.now);
        if (c.late) throw deadlinePassed(c.attempt.deadlineAt, c.now, { result });
        return result;
      }
      case 'round_closed':
        throw roundClosed(c.closedAt, c.now);
      case 'done': {
        const row = await this.records.find(attemptId);
        if (!row || row.userId !== actor.id) throw notFound('Attempt');
        return this.stored(row);
      }
      case 'early':
      case 'missing':
      case 'forbidden':
        throw notFound('Attempt');
    }
  }

  /** The clock's turn: finalise with what was saved. 'early' means the deadline + grace is still ahead. */
  async expire(
    attemptId: string,
    opts: { force?: boolean } = {},
  ): Promise<{ r: 'expired' | 'done' | 'gone' } | { r: 'early'; waitMs: number; deadlineAt: number }> {
    // force: the round is closed early by staff, so the attempt ends now, before its deadline.
    const mode = opts.force ? 'force' : 'expire';
    let c = await this.hot.close(attemptId, null, this.config.answerGraceMs, mode);
    if (c.r === 'missing') {
      const row = await this.records.hydrate(attemptId);
      if (!row) return { r: 'gone' };
      if (row.status !== 'in_progress') return { r: 'done' };
      c = await this.hot.close(attemptId, null, this.config.answerGraceMs, mode);
    }
    if (c.r === 'early') return { r: 'early', waitMs: c.deadlineAt + this.config.answerGraceMs - c.now + 1, deadlineAt: c.deadlineAt };
    if (c.r !== 'ok') return { r: c.r === 'done' ? 'done' : 'gone' };
    const result = await this.finalise(c, 'expired', null, null);
    return { r: result && !('closedAt' in result) ? 'expired' : 'done' };
  }

  /** A retried submit: the committed result, never a second count. */
  async stored(row: Attempt): Promise<SubmitResult> {
    if (row.status === 'void') throw conflict('attempt_void', 'This attempt was voided by the judges', { reason: row.voidReason });
    if (row.status === 'in_progress') throw conflict('attempt_in_progress', 'This attempt has not been submitted yet');
    const result = await this.resultOf(
      row.id,
      row.roundId,
      row.userId,
      row.status,
      Number(row.score),
      Number(row.maxScore),
      row.timeTakenMs ?? 0,
      row.submittedAt ?? row.deadlineAt,
    );
    if (row.status === 'expired') throw deadlinePassed(row.deadlineAt.getTime(), this.clock.now(), { result });
    return result;
  }

  /**
   * The result, or null when another caller finalised the attempt first, or the moment the
   * round closed when it was closed early before this submit (a last word for PostgreSQL,
   * should Redis have lost the round's marker): the close finalises the attempt instead.
   */
  private async finalise(
    c: Closed,
    status: 'submitted' | 'expired',
    prediction: number | null,
    submitKey: string | null,
  ): Promise<SubmitResult | { closedAt: number } | null> {
    const a = c.attempt;
    const round = await this.rounds.get(a.roundId);
    if (!round) throw notFound('Round');
    const pool = await this.pools.load(a.roundId, a.poolVersion);
    const answers = answerValues(c.answers);
    const scored = scoreAttempt(a.draw, answers, pool.byVersion, { partialCredit: round.partialCredit });
    // An expiry by the clock is past the deadline (so it stands at the deadline); one by an early
    // close stands at the close, however long finalising the round's attempts one by one takes.
    const submittedAt = Math.min(c.now, a.deadlineAt, c.cutAt ?? Infinity);
    const timeTakenMs = Math.max(0, submittedAt - a.startedAt);
    const flags = tooFast(timeTakenMs, scored.answeredCount, round.integrity.minSecondsPerQuestion)
      ? [flag('too_fast', new Date(c.now), { timeTakenMs, answered: scored.answeredCount, minSecondsPerQuestion: round.integrity.minSecondsPerQuestion })]
      : [];
    const pattern = answerPattern(a.draw, answers, scored.items);
    let outcome: FinaliseOutcome;
    try {
      outcome = await finaliseAttempt(this.db, {
        attemptId: a.id,
        roundId: a.roundId,
        userId: a.userId,
        status,
        submittedAt: new Date(submittedAt),
        score: scored.score,
        maxScore: scored.maxScore,
        timeTakenMs,
        prediction: round.predictionQuestion && status === 'submitted' ? prediction : null,
        answerHash: pattern,
        correctCount: scored.correctCount,
        submitKey,
        flags,
        // Only what the write-behind has not written yet: re-upserting the rest locked (and logged) every answer row again.
        answers: [...c.answers]
          .filter(([, v]) => v.rev > c.writtenRev)
          .map(([questionKey, v]) => ({ questionKey, answer: v.answer, seq: v.seq, rev: v.rev, receivedAt: new Date(v.receivedAt) })),
      });
    } catch (e) {
      await this.hot.reopen(a.id).catch(() => undefined);
      throw e;
    }
    if ('closedAt' in outcome) return { closedAt: outcome.closedAt.getTime() }; // stays "closing": no more answers; the close finalises it
    if (!outcome.finished) {
      // Someone else (a retry on another instance, or the expiry job) finished it first.
      const row = await this.records.find(a.id);
      await this.hot.finished(a.id, row?.status ?? status);
      return null;
    }
    // Side by side: under a surge each round trip waits its turn on a busy event loop, and these two do not depend on each other.
    const [, standing] = await Promise.all([
      this.hot.finished(a.id, status),
      this.leaderboard
        .record({
          roundId: a.roundId,
          userId: a.userId,
          attemptId: a.id,
          score: scored.score,
          timeTakenMs,
          submittedAt: new Date(submittedAt),
          scoring: round.attemptScoring,
        })
        .catch((e: Error) => {
          // The board is rebuilt from PostgreSQL; a submission is never refused for its sake.
          this.log.warn(`leaderboard record of attempt ${a.id} failed: ${e.message}`);
          return null;
        }),
    ]);
    if (outcome.identicalTo.length)
      await flagIdenticalAnswers(
        this.db,
        [a.id, ...outcome.identicalTo],
        flag('identical_answers', new Date(c.now), { with: outcome.identicalTo.slice(0, 5) }),
      );
    return {
      attemptId: a.id,
      status,
      score: scored.score,
      maxScore: scored.maxScore,
      timeTakenMs,
      submittedAt: new Date(submittedAt).toISOString(),
      rank: rankVisible(round) ? (standing?.rank ?? null) : null,
    };
  }

  private async resultOf(
    attemptId: string,
    roundId: string,
    userId: string,
    status: string,
    score: number,
    maxScore: number,
    timeTakenMs: number,
    submittedAt: Date,
  ): Promise<SubmitResult> {
    return {
      attemptId,
      status: status as SubmitResult['status'],
      score,
      maxScore,
      timeTakenMs,
      submittedAt: submittedAt.toISOString(),
      rank: await this.rankIfVisible(roundId, userId),
    };
  }

  private async rankIfVisible(roundId: string, userId: string): Promise<number | null> {
    const round = await this.rounds.get(roundId);
    if (!round || !rankVisible(round)) return null;
    try {
      return (await this.leaderboard.residentRankOf(roundId, userId))?.rank ?? null;
    } catch {
      return null;
    }
  }
}

/** Whether a submit answers with the resident's place: the board is live, or the results are out. */
function rankVisible(round: RoundInfo): boolean {
  return round.leaderboard.visibility === 'live' || round.status === 'published';
}
