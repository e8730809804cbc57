import { badRequest } from '@lc/platform';
import type { Round } from '@lc/contests';

/** Entries, marks and jury settings exist only for judged rounds. */
export function requireJudged(round: Round): Round {
  if (round.kind !== 'judged') throw badRequest('not_a_judged_round', 'This is a quiz round: entries and jury marks belong to judged rounds');
  return round;
}
