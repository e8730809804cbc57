import { DomainError } from '@lc/platform';
import type { RoundEntry } from '../round/round.types';

/**
 * Who may enter a round (start an attempt, hand in an entry): a resident registered for
 * the contest and, in an `enrolled` round, enrolled in it (advanced or picked). The one
 * rule; callers put the SQL in their own query ($1 contest, $2 round, $3 user) beside
 * what else they read, and pass the answer to `refuseNonEntrant`.
 */
export const ENTRANT_SQL = `EXISTS (SELECT 1 FROM registration WHERE contest_id = $1 AND user_id = $3) AS registered,
              EXISTS (SELECT 1 FROM round_enrolment WHERE round_id = $2 AND user_id = $3) AS enrolled`;

export interface EntrantAnswer {
  registered: boolean;
  enrolled: boolean;
}

/** Throws 403 `not_registered` / `not_enrolled`; `doing` ends the message ("enter it"). */
export function refuseNonEntrant(round: { contestId: string; entry: RoundEntry }, who: EntrantAnswer, doing: string): void {
  if (!who.registered) throw new DomainError('not_registered', 403, 'Register for the contest before entering its rounds', { contestId: round.contestId });
  if (round.entry === 'enrolled' && !who.enrolled) throw new DomainError('not_enrolled', 403, `Only entrants who advanced to this round may ${doing}`);
}
