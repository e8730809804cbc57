/** One entrant's place-relevant figures in a judged round, once the jury has marked them. */
export interface JudgedStanding {
  personId: string;
  entryId: string;
  /** Jury aggregate (mean, or trimmed mean with enough judges) before penalties. */
  aggregate: number;
  penalties: number;
  /** aggregate − penalties: what ranks. */
  final: number;
  maxScore: number;
  submittedAt: Date;
  /** Judges differ by more than the round's gap and the head judge has not reconciled it yet. */
  needsReconciliation: boolean;
  /** Fewer marks than active judges. */
  incomplete: boolean;
  /** Marks that count (active judges only). */
  judgeCount?: number;
  /** Per rubric criterion, the mean of the judges used (for rankJudgedEntries' tie-breaks). */
  criterionMeans?: Record<string, number>;
  /** The jury's tie-break criteria, in order (the same for every entry of the round). */
  tieBreakCriteria?: string[];
}

/**
 * What results need from judged rounds (the results side ranks and awards; the judged-entries
 * side owns entries and marks). Provided by JudgedEntriesModule.
 */
export abstract class JudgedStandings {
  abstract forRound(roundId: string): Promise<JudgedStanding[]>;
  /** Entries whose marks a judge of the round may not see yet (blind marking: not every judge has filed). */
  abstract sealedEntries(roundId: string): Promise<number>;
}
