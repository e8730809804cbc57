/** One place in the ranking advancement selects from; equal `tieKey`s share a rank. */
export interface RankedEntrant {
  userId: string;
  score: number;
  tieKey: string;
  /** The competition rank (1, 1, 3); worked out from `tieKey` and the order when absent. */
  rank?: number;
}
