import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Round } from '@lc/contests';
import { type Actor } from '@lc/identity';
import { AuditService, ClockService, conflict, DomainError, notFound } from '@lc/platform';
import { CloseRound } from '../close/close-round';
import { lockResults } from '../close/result-store';
import { CorrectResults } from '../corrections/correct-results';
import { RoundResult } from '../entities';
import { changeAttemptStatus } from '../review/attempt-status';
import { BoardSync } from '../review/board-sync';
import { PrizeChange, prizeChanges } from './prize-changes';
import { WinnerAccess } from './winner-access';
import { decisionConflict, VerificationStatus } from './winner-identity';
import { WinnerVerification } from './winner-verification.entity';
import { holderOf, readWinners, resultOf } from './winners-read';
import { countedAttemptSql } from '@lc/attempts';

export interface VerificationOutcome {
  roundId: string;
  userId: string;
  status: VerificationStatus;
  reason: string;
  decidedAt: string;
  resultStatus: 'provisional' | 'published';
  /** Published results: the correction that passed the prize on. */
  correctionId: string | null;
  /** Provisional results: closed again so the prizes are recomputed now. */
  reclosed: boolean;
  /** The provisional results still need closing again (the automatic re-close failed: see recloseError). */
  resultsStale: boolean;
  recloseError: { code: string; message: string } | null;
  /** Whose prize changed: who holds each prize now. */
  prizeChanges: PrizeChange[];
}

/**
 * POST /rounds/:id/winners/:userId/verification. Verified is a record (audited).
 * Disqualified voids every counted attempt of the person in the round (a judged round has
 * none: the decision leaves the entry out of the ranking), so by the rules the next person
 * takes the prize: after publication through CorrectResults (the audited correction, with
 * this decision in its transaction); before it by voiding as a judge's review does and
 * closing the round again at once, so the organiser sees who wins now.
 */
@Injectable()
export class DecideVerification {
  private readonly log = new Logger(DecideVerification.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: WinnerAccess,
    private readonly corrections: CorrectResults,
    private readonly closing: CloseRound,
    private readonly boards: BoardSync,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  async execute(actor: Actor, roundId: string, userId: string, status: VerificationStatus, reason: string): Promise<VerificationOutcome> {
    const { organisationId } = await this.access.discloser(actor, roundId);
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: roundId });
    const result = await resultOf(this.db, roundId);
    const before = await readWinners(this.db, roundId);
    const now = this.clock.nowDate();
    const refuseDisqualified = (current: WinnerVerification | null) => {
      const refused = decisionConflict(current?.status ?? null, status);
      if (refused === 'already_disqualified')
        throw conflict(
          'winner_disqualified',
          'This winner is already disqualified and the prize has passed on; to undo it, correct the results (reinstate the attempts)',
        );
      return refused;
    };
    // Early, so a repeat gets this answer rather than the correction's "nothing to correct"; again under the lock below.
    refuseDisqualified(await this.db.getRepository(WinnerVerification).findOneBy({ roundId, userId }));
    const record = async (m: EntityManager) => {
      const current = await m.findOneBy(WinnerVerification, { roundId, userId });
      const refused = refuseDisqualified(current);
      const [w] = await readWinners(m, roundId, userId);
      if (!w) throw notFound('Winner', { reason: 'not_a_prize_winner' });
      if (refused === 'unchanged') return current!;
      const row = m.create(WinnerVerification, {
        roundId,
        userId,
        status,
        reason,
        prizeName: w.prize_name ?? w.prize_code,
        decidedBy: actor.id,
        decidedAt: now,
      });
      await m.save(row);
      await this.audit.record(
        actor,
        {
          action: `winner.${status === 'verified' ? 'verify' : 'disqualify'}`,
          entityType: 'user',
          entityId: userId,
          reason,
          before: { status: current?.status ?? 'pending' },
          after: { roundId, status, prize: row.prizeName },
          organisationId,
        },
        m,
      );
      return row;
    };
    const base = {
      roundId,
      userId,
      status,
      reason,
      decidedAt: now.toISOString(),
      resultStatus: result.status,
      correctionId: null,
      reclosed: false,
      resultsStale: result.stale,
      recloseError: null,
      prizeChanges: [],
    };

    if (status === 'verified') {
      const row = await this.db.transaction(async (m) => {
        await lockResults(m, roundId);
        return record(m);
      });
      return { ...base, reason: row.reason, decidedAt: row.decidedAt.toISOString() };
    }
    // Judged rounds have no attempts: the decision itself leaves the entry out of the ranking (ResultBuilder).
    const attemptIds: string[] =
      round.kind === 'quiz'
        ? (await this.db.query(`SELECT id FROM attempt WHERE round_id = $1 AND user_id = $2 AND ${countedAttemptSql('attempt')}`, [roundId, userId])).map(
            (r: { id: string }) => r.id,
          )
        : [];

    if (result.status === 'published') {
      const correction = await this.corrections.execute(
        actor,
        roundId,
        { reason: `Loại người đoạt giải khi xác minh: ${reason}`, ...(attemptIds.length ? { voidAttemptIds: attemptIds } : {}) },
        async (m) => void (await record(m)),
      );
      return {
        ...base,
        resultStatus: 'published',
        correctionId: correction.id,
        resultsStale: false,
        prizeChanges: prizeChanges(before.map(holderOf), (await readWinners(this.db, roundId)).map(holderOf)),
      };
    }
    await this.db.transaction(async (m) => {
      await lockResults(m, roundId);
      const r = await m.findOneByOrFail(RoundResult, { roundId });
      if (r.status === 'published') throw conflict('results_published', 'The results were published meanwhile: try again');
      await record(m);
      for (const id of attemptIds) await changeAttemptStatus(m, this.audit, actor, organisationId, id, 'void', `Loại người đoạt giải khi xác minh: ${reason}`);
      await m.update(RoundResult, { roundId }, { stale: true });
    });
    await this.boards.refresh(roundId, [userId]);
    const reclose = await this.reclose(actor, roundId);
    return {
      ...base,
      resultStatus: 'provisional',
      reclosed: reclose === null,
      resultsStale: reclose !== null,
      recloseError: reclose,
      prizeChanges: prizeChanges(before.map(holderOf), (await readWinners(this.db, roundId)).map(holderOf)),
    };
  }

  /** Closing again recomputes the prizes; if it cannot (yet), the results stay stale and the organiser is told why. */
  private async reclose(actor: Actor, roundId: string): Promise<{ code: string; message: string } | null> {
    try {
      await this.closing.execute(actor, roundId, {});
      return null;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      this.log.warn(`re-close of round ${roundId} after a disqualification refused: ${e.code}`);
      return { code: e.code, message: e.message };
    }
  }
}
