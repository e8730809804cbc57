/** What the live-final routes and socket events carry (SPEC "Live finals"). */
export const LIVE_STATUSES = ['waiting', 'question', 'revealed', 'paused', 'ended'] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

export interface LiveQuestionView {
  id: string;
  type: string;
  stem: string;
  options: { id: string; text: string }[];
}

export interface LiveBoardRow {
  rank: number;
  userId: string;
  displayName: string;
  score: number;
}

export interface LiveRevealView {
  questionId: string;
  correctOptionIds: string[];
  distribution: Record<string, number>;
  explanation: string | null;
}

export interface LiveMeView {
  score: number;
  rank: number | null;
  /** The player's accepted answer to the current question (null: none yet). */
  optionIds: string[] | null;
}

export interface LiveStateView {
  roundId: string;
  status: LiveStatus;
  /** 0-based index of the current question; -1 before the first. */
  index: number;
  total: number;
  question?: LiveQuestionView;
  opensAt?: string;
  closesAt?: string;
  /** While paused: the status it resumes to, and a paused question's time left. */
  pausedFrom?: LiveStatus;
  remainingMs?: number;
  serverTime: string;
  me?: LiveMeView;
  /** Once the current question is revealed (and at the end, the last one). */
  reveal?: LiveRevealView;
  board?: { top: LiveBoardRow[]; total: number };
  /** Staff only: accepted answers to the current question so far. */
  answered?: number;
}

export interface LiveAnswerView {
  ok: true;
  questionId: string;
  receivedAt: string;
}

export interface LiveEndView extends LiveStateView {
  /** Attempts written for the round's result (one per player; 0 when a previous end wrote them). */
  attemptsWritten: number;
}

/** Socket events (server → client) of the live final. */
export interface LiveFinalEvents {
  'live:question': { roundId: string; index: number; total: number; question: LiveQuestionView; opensAt: string; closesAt: string; serverTime: string };
  'live:reveal': { roundId: string; questionId: string; correctOptionIds: string[]; distribution: Record<string, number>; explanation?: string };
  'live:board': { roundId: string; top: LiveBoardRow[]; total: number };
  'live:status': { roundId: string; status: LiveStatus };
}
