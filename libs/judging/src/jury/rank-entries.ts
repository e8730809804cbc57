export interface JudgedEntryResult {
  personId: string;
  entryId: string;
  final: number;
  criterionMeans: Record<string, number>;
}

export interface RankedEntry extends JudgedEntryResult {
  rank: number;
  /** `final`, a criterion id, or `tie`: what put the previous entry ahead (null for the first). */
  vsPrevious: string | null;
}

/**
 * The ranking of a judged round: final score, then the plan's key criteria in order
 * (e.g. content before delivery). Ties share a rank, as in rankRound.
 */
export function rankJudgedEntries(entries: readonly JudgedEntryResult[], tieBreakCriteria: readonly string[] = []): RankedEntry[] {
  const sep = (a: JudgedEntryResult, b: JudgedEntryResult): [number, string] => {
    if (a.final !== b.final) return [b.final - a.final, 'final'];
    for (const c of tieBreakCriteria) {
      const x = a.criterionMeans[c] ?? 0;
      const y = b.criterionMeans[c] ?? 0;
      if (x !== y) return [y - x, c];
    }
    return [0, 'tie'];
  };
  const sorted = [...entries].sort((a, b) => sep(a, b)[0] || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  const out: RankedEntry[] = [];
  sorted.forEach((e, i) => {
    const vsPrevious = i === 0 ? null : sep(sorted[i - 1], e)[1];
    out.push({ ...e, rank: vsPrevious === 'tie' ? out[i - 1].rank : i + 1, vsPrevious });
  });
  return out;
}
