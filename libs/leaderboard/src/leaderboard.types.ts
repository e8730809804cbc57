export interface LeaderboardRecord {
  roundId: string;
  userId: string;
  attemptId: string;
  score: number;
  timeTakenMs: number;
  submittedAt: Date;
  scoring: 'best' | 'last';
}

/** Server → client events on the /live namespace (SPEC.md "Realtime"). */
export interface LiveEvents {
  /** At most one per round per second while its scores change. `at` is the server's clock (time sync). */
  'leaderboard:update': { roundId: string; top: LeaderboardRow[]; total: number; at: string; serverTime?: string; frozen?: boolean };
  'rank:update': { roundId: string; rank: number | null; score: number | null; total?: number; serverTime?: string };
  'attempt:deadline': { attemptId: string; deadlineAt: string; serverTime: string };
  'round:status': { roundId: string; status: string; at: string };
  /** Sent once on connection: who the server thinks you are and its clock. */
  session: { userId: string; role: string; serverTime: string };
}

export interface LeaderboardRow {
  rank: number;
  userId: string;
  displayName: string;
  unit: string | null;
  province: string | null;
  score: number;
  timeTakenMs: number;
}

/** GET /rounds/:id/leaderboard */
export interface LeaderboardPage {
  items: LeaderboardRow[];
  total: number;
  /** True when the caller sees the snapshot taken at freeze time. */
  frozen: boolean;
  /** Server time of the read. */
  at: string;
}

/** GET /rounds/:id/leaderboard/me */
export interface MyStanding {
  rank: number | null;
  score: number | null;
  timeTakenMs: number | null;
  total: number;
}
