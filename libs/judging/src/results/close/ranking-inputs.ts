import type { EntityManager } from 'typeorm';
import { conflict } from '@lc/platform';
import type { JudgedStanding } from '../../judged-entries/judged-standings';
import type { RankableAttempt } from '../../ranking/attempt-row';
import { cursorRows } from '../common/cursor';

interface AttemptRow {
  id: string;
  user_id: string;
  attempt_no: number;
  status: string;
  score: number | null;
  max_score: number | null;
  time_taken_ms: number | null;
  submitted_ms: number;
  prediction: number | null;
}

/**
 * Every finished attempt of a quiz round (void ones too: they are part of the audited
 * inputs, and ranking skips them), read through a cursor in the caller's transaction.
 */
export async function quizInputs(m: EntityManager, roundId: string): Promise<RankableAttempt[]> {
  const out: RankableAttempt[] = [];
  const rows = cursorRows<AttemptRow>(
    m,
    `SELECT id, user_id, attempt_no, status, score::float8 AS score, max_score::float8 AS max_score, time_taken_ms,
            (extract(epoch FROM coalesce(submitted_at, deadline_at)) * 1000)::float8 AS submitted_ms, prediction::float8 AS prediction
       FROM attempt WHERE round_id = $1 AND status <> 'in_progress'`,
    [roundId],
    10_000,
  );
  for await (const r of rows) {
    out.push({
      attemptId: r.id,
      personId: r.user_id,
      attemptNo: r.attempt_no,
      status: r.status,
      score: r.score ?? 0,
      maxScore: r.max_score ?? 0,
      timeTakenMs: r.time_taken_ms ?? 0,
      submittedAt: new Date(r.submitted_ms),
      prediction: r.prediction,
    });
  }
  return out;
}

/**
 * A judged round ranks the jury's final marks. While judges disagree beyond the round's
 * gap and the head judge has not reconciled them, there is no final mark to rank.
 */
export function judgedInputs(standings: readonly JudgedStanding[]): RankableAttempt[] {
  const open = standings.filter((s) => s.needsReconciliation);
  if (open.length) {
    throw conflict('needs_reconciliation', `${open.length} entr${open.length === 1 ? 'y needs' : 'ies need'} reconciliation by the head judge first`, {
      entries: open.map((s) => ({ entryId: s.entryId, personId: s.personId })),
    });
  }
  return standings.map((s) => ({
    attemptId: s.entryId,
    personId: s.personId,
    status: 'submitted',
    score: s.final,
    maxScore: s.maxScore,
    timeTakenMs: 0,
    submittedAt: s.submittedAt,
    prediction: null,
  }));
}
