import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor } from '@lc/identity';
import { AuditService, conflict, notFound } from '@lc/platform';
import { ResultsGate } from '../common/results-gate';
import { RoundResult } from '../entities';
import { BoardSync } from './board-sync';
import { changeAttemptStatus } from './attempt-status';
import { lockResults } from '../close/result-store';

export interface ReviewOutcome {
  attemptId: string;
  roundId: string;
  userId: string;
  statusBefore: string;
  status: string;
  /** The round has provisional results, which this change makes stale: close it again before publishing. */
  resultsStale: boolean;
}

/**
 * POST /attempts/:id/void and /reinstate: judges of the round or organisers, with a
 * reason, before the results are published (afterwards only a correction may change
 * them). Audited in the same transaction; the live board follows.
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
    const [row]: { round_id: string }[] = await this.db.query('SELECT round_id FROM attempt WHERE id = $1', [attemptId]);
    if (!row) throw notFound('Attempt');
    if (actor.role === 'resident') throw notFound('Attempt');
    const access = await this.gate.organiserOrJudge(actor, row.round_id);
    const out = await this.db.transaction(async (m) => {
      await lockResults(m, row.round_id);
      const result = await m.findOneBy(RoundResult, { roundId: row.round_id });
      if (result?.status === 'published') throw conflict('results_published', 'The results of this round are published: use POST /rounds/:id/results/corrections');
      const changed = await changeAttemptStatus(m, this.audit, actor, access.organisationId, attemptId, action, reason);
      if (result) await m.update(RoundResult, { roundId: row.round_id }, { stale: true });
      return { changed, stale: !!result };
    });
    await this.boards.refresh(out.changed.roundId, [out.changed.userId]);
    return { attemptId, roundId: out.changed.roundId, userId: out.changed.userId, statusBefore: out.changed.before, status: out.changed.after, resultsStale: out.stale };
  }
}
