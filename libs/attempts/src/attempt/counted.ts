/**
 * Which attempts count (SPEC, Scoring): submitted, or finalised at the deadline with the answers
 * saved by then ('expired'). In-progress and void attempts never count for a rank, a prize, a
 * statistic or an advancement. Every module asks this file; leaderboard, below attempts, reads
 * the `counted_attempt` view that attempts' migration defines from the same rule.
 */
export const COUNTED_ATTEMPT_STATUSES: readonly string[] = ['submitted', 'expired'];

export const isCountedAttempt = (status: string): boolean => COUNTED_ATTEMPT_STATUSES.includes(status);

/** The rule in SQL, over the `attempt` row named `alias`. */
export const countedAttemptSql = (alias: string): string => `${alias}.status IN (${COUNTED_ATTEMPT_STATUSES.map((s) => `'${s}'`).join(', ')})`;
