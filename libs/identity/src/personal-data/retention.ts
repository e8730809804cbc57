import type { EntityManager } from 'typeorm';

export interface RetentionPolicy {
  integrityDays: number;
  auditDays: number;
}

export interface PurgeCounts {
  attempts: number;
  attemptEvents: number;
  auditEntries: number;
}

/**
 * Removes what the retention policy no longer allows: network and device identifiers on
 * attempts and integrity events older than `integrityDays` (scores, answers and event kinds
 * stay), and audit entries older than `auditDays`. Idempotent; `now` is passed for tests.
 */
export async function purgeExpiredPersonalData(m: EntityManager, policy: RetentionPolicy, now: Date): Promise<PurgeCounts> {
  const integrityBefore = new Date(now.getTime() - policy.integrityDays * 86_400_000);
  const auditBefore = new Date(now.getTime() - policy.auditDays * 86_400_000);
  const [, attempts]: [unknown, number] = await m.query(
    `UPDATE attempt SET ip = NULL, user_agent = NULL, device_id = NULL
      WHERE started_at < $1 AND (ip IS NOT NULL OR user_agent IS NOT NULL OR device_id IS NOT NULL)`,
    [integrityBefore],
  );
  const [, attemptEvents]: [unknown, number] = await m.query(`UPDATE attempt_event SET ip = NULL WHERE at < $1 AND ip IS NOT NULL`, [integrityBefore]);
  const [, auditEntries]: [unknown, number] = await m.query(`DELETE FROM audit_log WHERE at < $1`, [auditBefore]);
  return { attempts, attemptEvents, auditEntries };
}
