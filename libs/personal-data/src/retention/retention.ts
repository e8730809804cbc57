import type { EntityManager } from 'typeorm';
import { purgeAttemptIdentifiers } from '@lc/attempts';
import { purgeAuditEntries } from '@lc/platform';

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
 * Removes what the retention policy no longer allows, in the caller's transaction, each part
 * by the module that owns its table: network and device identifiers on attempts and
 * integrity events older than `integrityDays` (scores, answers and event kinds stay), and
 * audit entries older than `auditDays`. Idempotent; `now` is passed for tests.
 */
export async function purgeExpiredPersonalData(m: EntityManager, policy: RetentionPolicy, now: Date): Promise<PurgeCounts> {
  const integrityBefore = new Date(now.getTime() - policy.integrityDays * 86_400_000);
  const auditBefore = new Date(now.getTime() - policy.auditDays * 86_400_000);
  const { attempts, attemptEvents } = await purgeAttemptIdentifiers(m, integrityBefore);
  const auditEntries = await purgeAuditEntries(m, auditBefore);
  return { attempts, attemptEvents, auditEntries };
}
