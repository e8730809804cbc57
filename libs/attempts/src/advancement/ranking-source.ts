import type { Round } from '@lc/contests';

/** One place in the ranking advancement selects from; equal `tieKey`s share a rank. */
export interface RankedEntrant {
  userId: string;
  score: number;
  tieKey: string;
  /** The competition rank (1, 1, 3); worked out from `tieKey` and the order when absent. */
  rank?: number;
}

/**
 * Ranks a round that attempts do not rank (a judged round: its closed results). Returns null
 * for rounds it does not rank, which then rank from their attempts. The judging module
 * registers one at start-up, since attempts may not depend on judging.
 */
export type RoundRankingSource = (round: Round) => Promise<RankedEntrant[] | null>;
