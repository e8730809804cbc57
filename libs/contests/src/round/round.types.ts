import type { SelectionRule } from '@lc/question-bank';

/** `live`: a final run on stage by a host, question by question (libs/live-finals runs it; contests keeps the row). */
export const ROUND_KINDS = ['quiz', 'judged', 'live'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const ROUND_STATUSES = ['draft', 'scheduled', 'open', 'closed', 'published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const ATTEMPT_SCORINGS = ['best', 'last'] as const;
export type AttemptScoring = (typeof ATTEMPT_SCORINGS)[number];
export const ROUND_ENTRIES = ['open', 'enrolled'] as const;
export type RoundEntry = (typeof ROUND_ENTRIES)[number];
export const LEADERBOARD_VISIBILITIES = ['live', 'frozen', 'hidden'] as const;
export type LeaderboardVisibility = (typeof LEADERBOARD_VISIBILITIES)[number];
export const ADVANCEMENT_MODES = ['top', 'threshold', 'picked'] as const;
export type AdvancementMode = (typeof ADVANCEMENT_MODES)[number];
/**
 * What a prediction guesses (the judging module's vocabulary); the actual value is counted
 * when the round closes, unless staff give it (always for `custom`).
 */
export const PREDICTION_TARGETS = ['perfect-score-entrants', 'entrants', 'custom'] as const;
export type PredictionTarget = (typeof PREDICTION_TARGETS)[number];
/** The targets the close counts by itself (judging's ranking rules name one); `custom` is given by staff. */
export const COUNTED_PREDICTION_TARGETS = ['entrants', 'perfect-score-entrants'] as const satisfies readonly PredictionTarget[];
export type CountedPredictionTarget = (typeof COUNTED_PREDICTION_TARGETS)[number];
export const PREDICTION_COUNTS = ['people', 'attempts'] as const;
export type PredictionCountBy = (typeof PREDICTION_COUNTS)[number];

/** A live final's own settings (kind `live`): each question's time, and the optional speed bonus. */
export interface LiveSettings {
  secondsPerQuestion: number;
  /** Extra points for a correct answer, falling linearly from maxPoints at the question's start to 0 at its end. */
  speedBonus: { maxPoints: number } | null;
}
/** Live finals show choice questions only: a stage cannot wait for typed answers to be marked. */
export const LIVE_QUESTION_TYPES = ['single', 'multiple', 'true_false'] as const;

export interface LeaderboardSettings {
  visibility: LeaderboardVisibility;
  /** ISO time; for `frozen`, the board stops moving then. */
  freezeAt?: string | null;
  /**
   * With a prediction question: while the round takes entries residents do not see the board
   * figures that would give its answer away (the leaderboard module decides which). On unless false.
   */
  hidePredictionFigures?: boolean;
}

export interface PredictionQuestion {
  prompt: string;
  target: PredictionTarget;
  /** Count people (each once) or attempts. */
  countBy: PredictionCountBy;
  /** Known after the round closes (set by staff, or counted for perfect_scores / entries). */
  actual?: number | null;
}

export interface Advancement {
  mode: AdvancementMode;
  topN?: number;
  minScore?: number;
  /** seq of the round entrants advance to; the next round when absent. */
  toRoundSeq?: number;
}

export interface Prize {
  name: string;
  count: number;
}

export interface IntegritySettings {
  /** Faster than this per question on average is flagged as impossibly fast. */
  minSecondsPerQuestion: number;
  /** This many accounts on one device id in one round are flagged. */
  maxAccountsPerDevice: number;
  /** This many accounts from one IP in one round are flagged (offices and schools share IPs). */
  maxAccountsPerIp: number;
}

export const DEFAULT_INTEGRITY: IntegritySettings = { minSecondsPerQuestion: 2, maxAccountsPerDevice: 2, maxAccountsPerIp: 20 };
/**
 * The round's ranking rules as stored (jsonb): judging's `RankingRules` owns the shape and
 * validates it (`parseRankingRules`); contests, below judging, keeps them opaque.
 */
export type StoredRankingRules = Record<string, unknown>;

export type { SelectionRule };
