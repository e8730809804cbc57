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
  'leaderboard:update': { roundId: string; top: LeaderboardRow[]; total: number; at: string };
  'rank:update': { roundId: string; rank: number | null; score: number | null };
  'attempt:deadline': { attemptId: string; deadlineAt: string; serverTime: string };
  'round:status': { roundId: string; status: string; at: string };
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
