import type { EntityManager } from 'typeorm';
import type { ReadReplica } from '@lc/platform';

/**
 * Runs the statistics queries in one read-only REPEATABLE READ transaction: entries keep
 * arriving while a report is built, and every figure of it must describe the same moment
 * (the per-day rows add up to the totals). On the streaming replica while it keeps within
 * REPLICA_MAX_LAG_MS (a report may then describe a moment up to that much ago), else on the
 * primary: nothing read here decides a write without being checked on the primary
 * (AnswerTallyService.keep).
 */
export function readOnlySnapshot<T>(replica: ReadReplica, fn: (m: EntityManager) => Promise<T>): Promise<T> {
  return replica.snapshot(fn);
}
