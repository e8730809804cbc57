import type { EntityManager } from 'typeorm';
import { type Actor } from '@lc/identity';
import { AuditService, conflict } from '@lc/platform';

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
 * (from the audit log), so an expired attempt does not come back as submitted.
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
  await m.query('UPDATE attempt SET status = $2, void_reason = $3 WHERE id = $1', [attemptId, after, action === 'void' ? reason : null]);
  await audit.record(actor, { action: `attempt.${action}`, entityType: 'attempt', entityId: attemptId, before: { status: a.status }, after: { status: after }, reason, organisationId }, m);
  return { id: attemptId, roundId: a.round_id, userId: a.user_id, before: a.status, after };
}
