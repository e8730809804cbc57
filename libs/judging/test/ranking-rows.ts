import { RankableAttempt } from '../src/ranking/attempt-row';

const T0 = Date.parse('2026-03-01T01:00:00.000Z');

/** A counted attempt with sensible defaults; `at` is seconds after T0. Test helper only. */
export function row(personId: string, o: Partial<Omit<RankableAttempt, 'submittedAt'>> & { at?: number } = {}): RankableAttempt {
  const { at = 0, ...rest } = o;
  return {
    attemptId: `${personId}-${o.attemptNo ?? 1}`,
    personId,
    attemptNo: 1,
    status: 'submitted',
    score: 10,
    maxScore: 10,
    timeTakenMs: 60_000,
    submittedAt: new Date(T0 + at * 1000),
    prediction: null,
    ...rest,
  };
}

export const OPENS_AT = new Date(T0 - 3600_000);
