/** A flag as stored in `attempt.flags` (an AttemptFlag, or an older shape): only its code matters here. */
export interface StoredFlag {
  code: string;
}

export type ReviewState = 'none' | 'pending' | 'cleared' | 'void';

/** What staff see of the judges' review of an attempt. */
export interface AttemptReviewView {
  state: ReviewState;
  /** Codes of flags no judge has reviewed yet. */
  pendingFlags: string[];
  /** The last clear (or reinstatement): when, by whom. */
  clearedAt: string | null;
  clearedBy: string | null;
  /** Why it was voided, or kept. */
  reason: string | null;
}

/**
 * Flags no judge has reviewed yet (the judging module records reviews in `cleared_flags`
 * and refuses to publish a prize won by an attempt with any). A review that keeps the attempt (clear, reinstate)
 * covers the flags it had then: flags are only ever appended, so `clearedFlags` counts a
 * prefix, and anything flagged later needs a new look.
 */
export function unreviewedFlags(flags: readonly StoredFlag[] | null | undefined, clearedFlags: number): string[] {
  const fresh = (flags ?? []).slice(Math.max(0, clearedFlags));
  return [...new Set(fresh.map((f) => f.code))];
}

/** Where an attempt stands with the judges: void wins; otherwise pending while a flag is unreviewed. */
export function reviewState(status: string, flags: readonly StoredFlag[] | null | undefined, clearedFlags: number): ReviewState {
  if (status === 'void') return 'void';
  if (!flags?.length) return 'none';
  return unreviewedFlags(flags, clearedFlags).length ? 'pending' : 'cleared';
}
