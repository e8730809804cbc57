import type { EntityManager } from 'typeorm';
import type { StoredFlag } from '../integrity/flag-review';

/** What a judge's review decides on: the attempt row, locked for the caller's transaction. */
export interface AttemptUnderReview {
  id: string;
  roundId: string;
  userId: string;
  status: string;
  submittedAt: Date | null;
  deadlineAt: Date;
  flags: StoredFlag[];
  clearedFlags: number;
}

/**
 * The writes of a judge's review (void, reinstate, clear), each in the caller's transaction:
 * judging decides (results/review/attempt-status.ts), attempts owns the row. No rule here.
 */
export const AttemptReviewStore = {
  async lock(m: EntityManager, attemptId: string): Promise<AttemptUnderReview | undefined> {
    const [a]: {
      id: string;
      round_id: string;
      user_id: string;
      status: string;
      submitted_at: Date | null;
      deadline_at: Date;
      flags: StoredFlag[];
      cleared_flags: number;
    }[] = await m.query('SELECT id, round_id, user_id, status, submitted_at, deadline_at, flags, cleared_flags FROM attempt WHERE id = $1 FOR UPDATE', [
      attemptId,
    ]);
    return (
      a && {
        id: a.id,
        roundId: a.round_id,
        userId: a.user_id,
        status: a.status,
        submittedAt: a.submitted_at,
        deadlineAt: a.deadline_at,
        flags: a.flags,
        clearedFlags: a.cleared_flags,
      }
    );
  },

  async markVoid(m: EntityManager, attemptId: string, reason: string): Promise<void> {
    await m.query(`UPDATE attempt SET status = 'void', void_reason = $2 WHERE id = $1`, [attemptId, reason]);
  },

  /** Back to `status`; the judge's decision to keep it also reviews every flag it has. */
  async reinstate(m: EntityManager, attemptId: string, status: string, judgeId: string, reason: string): Promise<void> {
    await m.query(
      `UPDATE attempt SET status = $2, void_reason = NULL, cleared_flags = jsonb_array_length(flags), cleared_at = now(), cleared_by = $3, clear_reason = $4 WHERE id = $1`,
      [attemptId, status, judgeId, reason],
    );
  },

  async markCleared(m: EntityManager, attemptId: string, clearedFlags: number, judgeId: string, reason: string): Promise<void> {
    await m.query('UPDATE attempt SET cleared_flags = $2, cleared_at = now(), cleared_by = $3, clear_reason = $4 WHERE id = $1', [
      attemptId,
      clearedFlags,
      judgeId,
      reason,
    ]);
  },
};
