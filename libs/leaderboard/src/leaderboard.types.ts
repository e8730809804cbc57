import type { Concealment } from './rounds/prediction-guard';
import type { TopPatch } from './live/top-patch';

export interface LeaderboardRecord {
  roundId: string;
  userId: string;
  attemptId: string;
  score: number;
  timeTakenMs: number;
  submittedAt: Date;
  scoring: 'best' | 'last';
}

/** The leaderboard's server → client events on /live (SPEC.md "Realtime"), added to the transport's map. */
declare module '@lc/realtime' {
  interface LiveEvents {
    /**
     * At most one per round per second while its board changes (SPEC `{ roundId, top, total, at }`).
     * `top` is left out when it is the same as in the room's previous push (cluster-wide): the
     * client keeps the rows it holds. `topHash` names the rows as that room gets them, with or
     * without `top`; a client whose rows have another hash (or none) joins again for them.
     * A page that joined with `patches: true` gets a changed top as `topPatch` instead of `top`
     * (when the room's previous rows are known): the new rows said against those `topPatch.base` names.
     * `at` is the server's clock (time sync).
     */
    'leaderboard:update': {
      roundId: string;
      top?: LeaderboardRow[];
      topPatch?: TopPatch;
      topHash: string;
      total: number | null;
      at: string;
      frozen?: boolean;
      concealed?: Concealment;
    };
    'rank:update': { roundId: string; rank: number | null; score: number | null; total?: number | null; serverTime?: string };
    /** The round moved (RoundStatusChanged), to everyone watching its board. */
    'round:status': { roundId: string; status: string; at: string };
  }
}

export interface LeaderboardRow {
  rank: number;
  userId: string;
  displayName: string;
  unit: string | null;
  province: string | null;
  /** null for others while an open round's prediction asks how many score full marks (see prediction-guard.ts). */
  score: number | null;
  timeTakenMs: number;
}

/** GET /rounds/:id/leaderboard */
export interface LeaderboardPage {
  items: LeaderboardRow[];
  /** null while it would give away an open round's prediction target. */
  total: number | null;
  /** True when the caller sees the snapshot taken at freeze time. */
  frozen: boolean;
  /** Server time of the read. */
  at: string;
  /** Present while figures are kept from residents because the round's prediction is still open. */
  concealed?: Concealment;
}

/** GET /rounds/:id/leaderboard/me */
export interface MyStanding {
  rank: number | null;
  score: number | null;
  timeTakenMs: number | null;
  total: number | null;
  concealed?: Concealment;
}
