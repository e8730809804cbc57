import type { EntityManager } from 'typeorm';
import type { AttemptEventKind } from '../attempt/attempt-event.entity';

/** The SQL of integrity events (AttemptIntegrityService decides what is recorded). */

export async function insertAttemptEvent(
  m: EntityManager,
  e: { attemptId: string; kind: AttemptEventKind; clientAt: Date | null; at: Date; ip: string | null },
): Promise<void> {
  await m.query('INSERT INTO attempt_event (attempt_id, kind, client_at, at, ip) VALUES ($1, $2, $3, $4, $5)', [e.attemptId, e.kind, e.clientAt, e.at, e.ip]);
}

/** The attempt's owner and status from PostgreSQL (once it is no longer in Redis). */
export async function attemptOwner(m: EntityManager, attemptId: string): Promise<{ userId: string; status: string } | null> {
  const rows: { user_id: string; status: string }[] = await m.query('SELECT user_id, status FROM attempt WHERE id = $1', [attemptId]);
  return rows[0] ? { userId: rows[0].user_id, status: rows[0].status } : null;
}
