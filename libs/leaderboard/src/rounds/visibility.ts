import type { Scoring } from '../board/board-encoding';

export type Visibility = 'live' | 'frozen' | 'hidden';

/** What the leaderboard needs to know about a round (read with SQL, no entity imports). */
export interface RoundBoardInfo {
  id: string;
  status: string;
  contestId: string;
  contestStatus: string;
  organisationId: string;
  scoring: Scoring;
  visibility: Visibility;
  freezeAtMs: number | null;
  /** What the round's prediction question counts (null: none). */
  predictionTarget: string | null;
  /** The organiser's round setting, on unless turned off (prediction-guard.ts). */
  hidePredictionFigures: boolean;
}

/** Which board a caller sees: the true one, the snapshot taken at freeze time, or none. */
export type BoardView = 'live' | 'frozen' | 'hidden';

const PUBLIC_CONTEST = new Set(['published', 'closed', 'archived']);

/** Residents never learn that draft rounds or unpublished contests exist (404 like a missing id). */
export function residentMayKnow(info: RoundBoardInfo, registered: boolean): boolean {
  if (info.status === 'draft') return false;
  return PUBLIC_CONTEST.has(info.contestStatus) || registered;
}

/**
 * SPEC "Round": leaderboard `live`, `frozen` after a time, `hidden` until results are
 * published. Publishing results shows everyone the true board; staff always see it.
 */
export function boardViewFor(info: RoundBoardInfo, staff: boolean, nowMs: number): BoardView {
  if (staff || info.status === 'published') return 'live';
  if (info.visibility === 'hidden') return 'hidden';
  if (info.visibility === 'frozen' && info.freezeAtMs !== null && nowMs >= info.freezeAtMs) return 'frozen';
  return 'live';
}

export function parseLeaderboardSettings(raw: unknown): { visibility: Visibility; freezeAtMs: number | null; hidePredictionFigures: boolean } {
  const o = (raw && typeof raw === 'object' ? raw : {}) as { visibility?: unknown; freezeAt?: unknown; hidePredictionFigures?: unknown };
  const visibility: Visibility = o.visibility === 'frozen' || o.visibility === 'hidden' ? o.visibility : 'live';
  const t = typeof o.freezeAt === 'string' || typeof o.freezeAt === 'number' ? new Date(o.freezeAt).getTime() : NaN;
  return { visibility, freezeAtMs: Number.isFinite(t) ? t : null, hidePredictionFigures: o.hidePredictionFigures !== false };
}
