/**
 * What ranking needs to know about one attempt (a projection of the `attempt` table,
 * so this core does not depend on the attempts module). Expired attempts count with
 * `submittedAt` = the time they were finalised; void and in-progress ones never count.
 */
export interface RankableAttempt {
  attemptId: string;
  personId: string;
  attemptNo?: number;
  status: string;
  score: number;
  maxScore: number;
  timeTakenMs: number;
  submittedAt: Date;
  prediction: number | null;
}

export const COUNTED_STATUSES: readonly string[] = ['submitted', 'expired'];

export function isCounted(row: { status: string }): boolean {
  return COUNTED_STATUSES.includes(row.status);
}
