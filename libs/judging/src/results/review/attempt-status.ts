import type { EntityManager } from 'typeorm';
import { type Actor } from '@lc/identity';
import { AuditService, conflict } from '@lc/platform';
import { AttemptReviewStore, isCountedAttempt, unreviewedFlags } from '@lc/attempts';

export interface ChangedAttempt {
  id: string;
  roundId: string;
  userId: string;
  before: string;
  after: string;
}

/**
 * Voids or reinstates one attempt in the caller's transaction, audited with the status
 * before and after. Reinstating restores the status the attempt had when it was voided
 * (from the audit log), so an expired attempt does not come back as submitted; it is a
 * judge's decision, with a reason, to keep the attempt, so it also clears its flags.
 */
export async function changeAttemptStatus(
  m: EntityManager,
  audit: AuditService,
  actor: Actor,
  organisationId: string,
  attemptId: string,
  action: 'void' | 'reinstate',
  reason: string,
): Promise<ChangedAttempt> {
  // Callers have checked the attempt exists (and belongs to the round they may judge).
  const a = (await AttemptReviewStore.lock(m, attemptId))!;
  if (action === 'void') {
    if (a.status === 'in_progress')
      throw conflict('attempt_in_progress', 'An attempt in progress cannot be voided; wait until it is submitted or expires', { attemptId });
    if (a.status === 'void') throw conflict('attempt_already_void', 'This attempt is already void', { attemptId });
  } else if (a.status !== 'void') throw conflict('attempt_not_void', 'Only a void attempt can be reinstated', { attemptId, status: a.status });

  let after = 'void';
  if (action === 'reinstate') {
    const [last]: { before: { status?: string } | null }[] = await m.query(
      `SELECT before FROM audit_log WHERE entity_type = 'attempt' AND entity_id = $1 AND action = 'attempt.void' ORDER BY at DESC LIMIT 1`,
      [attemptId],
    );
    const was = last?.before?.status;
    after = was && isCountedAttempt(was) ? was : a.submittedAt && a.submittedAt < a.deadlineAt ? 'submitted' : 'expired';
  }
  if (action === 'void') await AttemptReviewStore.markVoid(m, attemptId, reason);
  else await AttemptReviewStore.reinstate(m, attemptId, after, actor.id, reason);
  await audit.record(
    actor,
    { action: `attempt.${action}`, entityType: 'attempt', entityId: attemptId, before: { status: a.status }, after: { status: after }, reason, organisationId },
    m,
  );
  return { id: attemptId, roundId: a.roundId, userId: a.userId, before: a.status, after };
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
export async function clearAttemptFlags(
  m: EntityManager,
  audit: AuditService,
  actor: Actor,
  organisationId: string,
  attemptId: string,
  reason: string,
): Promise<ClearedAttempt> {
  const a = (await AttemptReviewStore.lock(m, attemptId))!;
  if (a.status === 'in_progress')
    throw conflict('attempt_in_progress', 'An attempt in progress cannot be reviewed; wait until it is submitted or expires', { attemptId });
  if (a.status === 'void') throw conflict('attempt_void', 'This attempt is void: reinstate it with a reason to keep it', { attemptId });
  if (!a.flags.length) throw conflict('attempt_not_flagged', 'This attempt has no flags to clear', { attemptId });
  const pending = unreviewedFlags(a.flags, a.clearedFlags);
  if (!pending.length) throw conflict('attempt_already_cleared', 'A judge has already cleared every flag of this attempt', { attemptId });
  await AttemptReviewStore.markCleared(m, attemptId, a.flags.length, actor.id, reason);
  await audit.record(
    actor,
    {
      action: 'attempt.clear',
      entityType: 'attempt',
      entityId: attemptId,
      before: { status: a.status, clearedFlags: a.clearedFlags },
      after: { status: a.status, clearedFlags: a.flags.length, flags: pending },
      reason,
      organisationId,
    },
    m,
  );
  return { id: attemptId, roundId: a.roundId, userId: a.userId, status: a.status, flags: pending };
}
