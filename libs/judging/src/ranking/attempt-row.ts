import { isCountedAttempt } from '@lc/attempts';
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

/** Which attempts count is attempts' rule (libs/attempts/src/attempt/counted.ts). */
export const isCounted = (row: { status: string }): boolean => isCountedAttempt(row.status);
