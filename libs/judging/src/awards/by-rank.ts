/** Anyone (a person or a unit) in a ranking, in rank order; equal `rank` means a full tie. */
export interface Ranked {
  id: string;
  rank: number;
}

/**
 * Walks one ranking (already in rank order) handing out places by quota. A tie group
 * is never split: if it starts inside the quota, all of it gets the place (and uses up
 * places of the next tier: two first prizes leave one second fewer), and the members
 * are marked `boundaryTie` when the group overflows the quota.
 */
export class RankCursor<T extends Ranked> {
  private i = 0;
  private consumed = 0;

  constructor(private readonly list: readonly T[]) {}

  /** Takes tie groups until `cumulativeQuota` places are used; skips anyone `skip` rejects (they use no place). */
  take(cumulativeQuota: number, skip: (c: T) => boolean): { members: T[]; boundaryTie: boolean }[] {
    const out: { members: T[]; boundaryTie: boolean }[] = [];
    while (this.consumed < cumulativeQuota && this.i < this.list.length) {
      const rank = this.list[this.i].rank;
      const members: T[] = [];
      while (this.i < this.list.length && this.list[this.i].rank === rank) {
        const c = this.list[this.i++];
        if (!skip(c)) members.push(c);
      }
      if (members.length === 0) continue;
      this.consumed += members.length;
      out.push({ members, boundaryTie: this.consumed > cumulativeQuota });
    }
    return out;
  }

  get used(): number {
    return this.consumed;
  }
}

/** Competition ranks (1, 1, 3) for a list already sorted best first, given when two neighbours tie. */
export function competitionRanks<T>(sorted: readonly T[], tied: (a: T, b: T) => boolean): number[] {
  const ranks: number[] = [];
  sorted.forEach((x, i) => ranks.push(i > 0 && tied(sorted[i - 1], x) ? ranks[i - 1] : i + 1));
  return ranks;
}
