import type { LeaderboardRow } from '../leaderboard.types';

/**
 * A row new to the top, or changed, as a tuple in `LeaderboardRow`'s field order: the keys
 * would be about a third of its bytes, and most of a patch is such rows.
 */
export type NewTopRow = [
  rank: number,
  userId: string,
  displayName: string,
  unit: string | null,
  province: string | null,
  score: number | null,
  timeTakenMs: number,
];

/**
 * One row of a new top, said against the previous top the client holds: a number is that
 * previous row as it was; `[i, rank]` is previous row i at a new rank; a `NewTopRow` (7 long)
 * is the row itself (someone new in the top, or a changed score, time or name).
 */
export type TopPatchRow = number | [place: number, rank: number] | NewTopRow;

/** A changed top as the rows of the previous push (`base`, its topHash) it can be built from. */
export interface TopPatch {
  base: string;
  rows: TopPatchRow[];
}

const asTuple = (r: LeaderboardRow): NewTopRow => [r.rank, r.userId, r.displayName, r.unit, r.province, r.score, r.timeTakenMs];

/**
 * The new top as a patch on the previous one. A new entrant near the top moves everyone below it
 * one rank down: each of those rows then costs a few bytes instead of a whole row with its
 * Vietnamese names; rows with nothing in common still go shorter, as tuples.
 */
export function topPatchOf(base: string, prev: readonly LeaderboardRow[], next: readonly LeaderboardRow[]): TopPatch {
  const at = new Map(prev.map((r, i) => [r.userId, i]));
  const rows = next.map((r): TopPatchRow => {
    const i = at.get(r.userId);
    if (i === undefined) return asTuple(r);
    const p = prev[i];
    if (p.displayName !== r.displayName || p.unit !== r.unit || p.province !== r.province || p.score !== r.score || p.timeTakenMs !== r.timeTakenMs)
      return asTuple(r);
    return p.rank === r.rank ? i : [i, r.rank];
  });
  return { base, rows };
}

/** The rows a patch names, from the previous top it was made against; null when a row points outside it or is malformed. */
export function applyTopPatch(prev: readonly LeaderboardRow[], rows: readonly TopPatchRow[]): LeaderboardRow[] | null {
  const out: LeaderboardRow[] = [];
  for (const r of rows) {
    if (typeof r === 'number') {
      if (!prev[r]) return null;
      out.push(prev[r]);
    } else if (Array.isArray(r) && r.length === 2) {
      if (!prev[r[0]]) return null;
      out.push({ ...prev[r[0]], rank: r[1] });
    } else if (Array.isArray(r) && r.length === 7) {
      const [rank, userId, displayName, unit, province, score, timeTakenMs] = r;
      out.push({ rank, userId, displayName, unit, province, score, timeTakenMs });
    } else return null;
  }
  return out;
}
