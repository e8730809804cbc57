import type { EntityManager } from 'typeorm';
import { type Actor } from '@lc/identity';
import { AuditService, conflict } from '@lc/platform';
import { type StoredFlag, unreviewedFlags } from '@lc/attempts';

export interface ChangedAttempt {
  id: string;
  roundId: string;
  userId: string;
  before: string;
  after: string;
}

const COUNTED = ['submitted', 'expired'];

/**
 * Voids or reinstates one attempt in the caller's transaction, audited with the status
 * before and after. Reinstating restores the status the attempt had when it was voided
 * (from the audit log), so an expired attempt does not come back as submitted; it is a
 * judge's decision, with a reason, to keep the attempt, so it also clears its flags.
 */
export async function changeAttemptStatus(m: EntityManager, audit: AuditService, actor: Actor, organisationId: string, attemptId: string, action: 'void' | 'reinstate', reason: string): Promise<ChangedAttempt> {
  const [a]: { id: string; round_id: string; user_id: string; status: string; submitted_at: Date | null; deadline_at: Date }[] = await m.query(
    'SELECT id, round_id, user_id, status, submitted_at, deadline_at FROM attempt WHERE id = $1 FOR UPDATE',
    [attemptId],
  );
  if (action === 'void') {
    if (a.status === 'in_progress') throw conflict('attempt_in_progress', 'An attempt in progress cannot be voided; wait until it is submitted or expires', { attemptId });
    if (a.status === 'void') throw conflict('attempt_already_void', 'This attempt is already void', { attemptId });
  } else if (a.status !== 'void') throw conflict('attempt_not_void', 'Only a void attempt can be reinstated', { attemptId, status: a.status });

  let after = 'void';
  if (action === 'reinstate') {
    const [last]: { before: { status?: string } | null }[] = await m.query(
      `SELECT before FROM audit_log WHERE entity_type = 'attempt' AND entity_id = $1 AND action = 'attempt.void' ORDER BY at DESC LIMIT 1`,
      [attemptId],
    );
    const was = last?.before?.status;
    after = was && COUNTED.includes(was) ? was : a.submitted_at && a.submitted_at < a.deadline_at ? 'submitted' : 'expired';
  }
  if (action === 'void') await m.query('UPDATE attempt SET status = $2, void_reason = $3 WHERE id = $1', [attemptId, after, reason]);
  else
    await m.query(
      `UPDATE attempt SET status = $2, void_reason = NULL, cleared_flags = jsonb_array_length(flags), cleared_at = now(), cleared_by = $3, clear_reason = $4 WHERE id = $1`,
      [attemptId, after, actor.id, reason],
    );
  await audit.record(actor, { action: `attempt.${action}`, entityType: 'attempt', entityId: attemptId, before: { status: a.status }, after: { status: after }, reason, organisationId }, m);
  return { id: attemptId, roundId: a.round_id, userId: a.user_id, before: a.status, after };
}

export interface ClearedAttempt {
  id: string;
  roundId: string;
  userId: string;
  status: string;
  /** The flags this review covered that no judge had reviewed before. */
  flags: string[];
}

/**
 * A judge's review that keeps a flagged attempt ("clear"), in the caller's transaction,
 * audited with the reason. It changes no score or place, only whether the attempt may win.
 */
export async function clearAttemptFlags(m: EntityManager, audit: AuditService, actor: Actor, organisationId: string, attemptId: string, reason: string): Promise<ClearedAttempt> {
  const [a]: { id: string; round_id: string; user_id: string; status: string; flags: StoredFlag[]; cleared_flags: number }[] = await m.query(
    'SELECT id, round_id, user_id, status, flags, cleared_flags FROM attempt WHERE id = $1 FOR UPDATE',
    [attemptId],
  );
  if (a.status === 'in_progress') throw conflict('attempt_in_progress', 'An attempt in progress cannot be reviewed; wait until it is submitted or expires', { attemptId });
  if (a.status === 'void') throw conflict('attempt_void', 'This attempt is void: reinstate it with a reason to keep it', { attemptId });
  if (!a.flags.length) throw conflict('attempt_not_flagged', 'This attempt has no flags to clear', { attemptId });
  const pending = unreviewedFlags(a.flags, a.cleared_flags);
  if (!pending.length) throw conflict('attempt_already_cleared', 'A judge has already cleared every flag of this attempt', { attemptId });
  await m.query('UPDATE attempt SET cleared_flags = $2, cleared_at = now(), cleared_by = $3, clear_reason = $4 WHERE id = $1', [attemptId, a.flags.length, actor.id, reason]);
  await audit.record(
    actor,
    { action: 'attempt.clear', entityType: 'attempt', entityId: attemptId, before: { status: a.status, clearedFlags: a.cleared_flags }, after: { status: a.status, clearedFlags: a.flags.length, flags: pending }, reason, organisationId },
    m,
  );
  return { id: attemptId, roundId: a.round_id, userId: a.user_id, status: a.status, flags: pending };
}
