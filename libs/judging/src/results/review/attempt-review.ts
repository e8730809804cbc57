import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor } from '@lc/identity';
import { AuditService, conflict, notFound } from '@lc/platform';
import { ResultsGate } from '../common/results-gate';
import { RoundResult } from '../entities';
import { BoardSync } from './board-sync';
import { changeAttemptStatus, clearAttemptFlags } from './attempt-status';
import { lockResults } from '../close/result-store';

export interface ReviewOutcome {
  attemptId: string;
  roundId: string;
  userId: string;
  statusBefore: string;
  status: string;
  /** The round has provisional results, which this change makes stale: close it again before publishing. */
  resultsStale: boolean;
  /** A judge has reviewed every flag of the attempt and kept it (clear or reinstate). */
  cleared: boolean;
}

/**
 * POST /attempts/:id/void, /reinstate and /clear: judges of the round or organisers, with
 * a reason. Void and reinstate come before the results are published (afterwards only a
 * correction may change them); audited in the same transaction; the live board follows.
 * Clear keeps a flagged attempt as it is, so it changes no place and is allowed at any time.
 */
@Injectable()
export class AttemptReview {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gate: ResultsGate,
    private readonly audit: AuditService,
    private readonly boards: BoardSync,
  ) {}

  async execute(actor: Actor, attemptId: string, action: 'void' | 'reinstate', reason: string): Promise<ReviewOutcome> {
    const { roundId, organisationId } = await this.access(actor, attemptId);
    const out = await this.db.transaction(async (m) => {
      await lockResults(m, roundId);
      const result = await m.findOneBy(RoundResult, { roundId });
      if (result?.status === 'published')
        throw conflict('results_published', 'The results of this round are published: use POST /rounds/:id/results/corrections');
      const changed = await changeAttemptStatus(m, this.audit, actor, organisationId, attemptId, action, reason);
      if (result) await m.update(RoundResult, { roundId }, { stale: true });
      return { changed, stale: !!result };
    });
    await this.boards.refresh(out.changed.roundId, [out.changed.userId]);
    return {
      attemptId,
      roundId: out.changed.roundId,
      userId: out.changed.userId,
      statusBefore: out.changed.before,
      status: out.changed.after,
      resultsStale: out.stale,
      cleared: action === 'reinstate',
    };
  }

  async clear(actor: Actor, attemptId: string, reason: string): Promise<ReviewOutcome> {
    const { organisationId } = await this.access(actor, attemptId);
    const c = await this.db.transaction((m) => clearAttemptFlags(m, this.audit, actor, organisationId, attemptId, reason));
    return { attemptId, roundId: c.roundId, userId: c.userId, statusBefore: c.status, status: c.status, resultsStale: false, cleared: true };
  }

  private async access(actor: Actor, attemptId: string): Promise<{ roundId: string; organisationId: string }> {
    const [row]: { round_id: string }[] = await this.db.query('SELECT round_id FROM attempt WHERE id = $1', [attemptId]);
    if (!row || actor.role === 'resident') throw notFound('Attempt');
    const access = await this.gate.organiserOrJudge(actor, row.round_id);
    return { roundId: row.round_id, organisationId: access.organisationId };
  }
}
