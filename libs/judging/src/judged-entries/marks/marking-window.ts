import type { Round } from '@lc/contests';
import { conflict } from '@lc/platform';

/**
 * Judges mark once hand-ins are over (closesAt passed, so no entry changes under a mark)
 * and until results are published; a re-mark before then replaces the judge's marks.
 */
export function requireMarkingOpen(round: Pick<Round, 'status' | 'closesAt'>, now: number): void {
  if (round.status === 'published') throw conflict('results_published', 'Results are published: marks can no longer change');
  if (round.status !== 'closed' && now < round.closesAt.getTime()) {
    throw conflict('marking_not_open', 'Marking starts when the round closes for entries', { closesAt: round.closesAt.toISOString() });
  }
}
