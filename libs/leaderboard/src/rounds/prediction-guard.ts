import type { LeaderboardRow, MyStanding } from '../leaderboard.types';
import type { RoundBoardInfo } from './visibility';

/**
 * Issue 14 item 9: the board must not give away the figure a round's prediction question asks
 * for while entrants can still guess it. What the close counts (judging's PredictionCounter),
 * and what on the board reads it:
 *  - `entrants` (people or attempts): the board's `total` is the number of people, and paging
 *    (offset) or a rank near the bottom tells it too;
 *  - `perfect-score-entrants`: the scores on the board count the full marks, row by row;
 *  - `custom`: any figure staff choose — nothing is assumed safe.
 * So residents see only the top N (a rank beyond it — in /me, rank:update or a submit — is
 * withheld) and, as the target needs, no total and no score but their own. Staff see all, and
 * everyone does once the round has closed (the guesses are in).
 */
export const TOP_N = 20;

export type ConcealedFigure = 'total' | 'scores' | 'ranks-beyond-top';

export interface Concealment {
  reason: 'prediction_open';
  /** Only places 1..topN are listed; own ranks beyond are withheld. */
  topN: number;
  hidden: ConcealedFigure[];
}

const BY_TARGET: Record<string, ConcealedFigure[]> = {
  entrants: ['total', 'ranks-beyond-top'],
  'perfect-score-entrants': ['scores', 'ranks-beyond-top'],
};
const EVERYTHING: ConcealedFigure[] = ['total', 'scores', 'ranks-beyond-top'];

export function concealmentFor(info: Pick<RoundBoardInfo, 'status' | 'predictionTarget' | 'hidePredictionFigures'>, staff: boolean): Concealment | null {
  if (staff || !info.predictionTarget || !info.hidePredictionFigures) return null;
  if (info.status !== 'scheduled' && info.status !== 'open') return null;
  return { reason: 'prediction_open', topN: TOP_N, hidden: BY_TARGET[info.predictionTarget] ?? EVERYTHING };
}

/** The part of [offset, offset + limit) a resident may read (null: nothing). */
export function visibleRange(offset: number, limit: number, c: Concealment | null): { offset: number; limit: number } | null {
  const end = c ? Math.min(offset + limit, c.topN) : offset + limit;
  return offset < end ? { offset, limit: end - offset } : null;
}

/** Rows as `viewerId` may see them (a broadcast has no viewer: every score goes). */
export function concealRows(rows: LeaderboardRow[], c: Concealment | null, viewerId?: string): LeaderboardRow[] {
  if (!c) return rows;
  const scores = c.hidden.includes('scores');
  return rows.filter((r) => r.rank <= c.topN).map((r) => (scores && r.userId !== viewerId ? { ...r, score: null } : r));
}

export function concealTotal(total: number, c: Concealment | null): number | null {
  return c?.hidden.includes('total') ? null : total;
}

/** One's own place: their own score stays, a rank beyond the top N and a hidden total go. */
export function concealStanding<T extends { rank: number | null; total: number | null }>(
  s: T,
  c: Concealment | null,
): Omit<T, 'rank' | 'total'> & Pick<MyStanding, 'rank' | 'total'> {
  if (!c) return s;
  return { ...s, rank: s.rank !== null && s.rank > c.topN ? null : s.rank, total: s.total === null ? null : concealTotal(s.total, c) };
}
