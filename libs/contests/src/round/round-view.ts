import type { Round } from './round.entity';
import { DEFAULT_INTEGRITY } from './round.types';
import { type RoundSettings, vietnamTime } from './round-rules';

/** What anyone allowed to see the round sees. */
export interface RoundPublicView {
  id: string;
  contestId: string;
  seq: number;
  title: string;
  description: string | null;
  kind: string;
  status: string;
  entry: string;
  opensAt: string;
  closesAt: string;
  /** The same instants in Vietnam time (UTC+7), for display. */
  opensAtLocal: string | null;
  closesAtLocal: string | null;
  timeZone: 'Asia/Ho_Chi_Minh';
  durationSeconds: number;
  maxAttempts: number;
  attemptScoring: string;
  questionCount: number;
  predictionQuestion: { prompt: string; actual: number | null } | null;
  leaderboard: { visibility: string; freezeAt: string | null; hidePredictionFigures: boolean };
  prizes: { name: string; count: number }[];
  /** Kind `live` only: seconds per question and the speed bonus (null for other kinds). */
  live?: Round['live'];
}

/** Staff also see how questions are drawn and everything else they set. */
export interface RoundStaffView extends RoundPublicView {
  selection: Round['selection'];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  partialCredit: boolean;
  advancement: Round['advancement'];
  rankingRules: Round['rankingRules'];
  integrity: typeof DEFAULT_INTEGRITY;
  prediction: { target: string; countBy: string } | null;
  poolVersion: number;
  openedAt: string | null;
  closedAt: string | null;
}

export function roundPublicView(r: Round): RoundPublicView {
  return {
    id: r.id,
    contestId: r.contestId,
    seq: r.seq,
    title: r.title,
    description: r.description,
    kind: r.kind,
    status: r.status,
    entry: r.entry,
    opensAt: r.opensAt.toISOString(),
    closesAt: r.closesAt.toISOString(),
    opensAtLocal: vietnamTime(r.opensAt),
    closesAtLocal: vietnamTime(r.closesAt),
    timeZone: 'Asia/Ho_Chi_Minh',
    durationSeconds: r.durationSeconds,
    maxAttempts: r.maxAttempts,
    attemptScoring: r.attemptScoring,
    questionCount: r.selection.reduce((n, s) => n + s.count, 0),
    predictionQuestion: r.predictionQuestion ? { prompt: r.predictionQuestion.prompt, actual: r.predictionQuestion.actual ?? null } : null,
    leaderboard: {
      visibility: r.leaderboard.visibility,
      freezeAt: r.leaderboard.freezeAt ?? null,
      hidePredictionFigures: r.leaderboard.hidePredictionFigures !== false,
    },
    prizes: r.prizes,
    live: r.live ?? null,
  };
}

export function roundStaffView(r: Round): RoundStaffView {
  return {
    ...roundPublicView(r),
    selection: r.selection,
    shuffleQuestions: r.shuffleQuestions,
    shuffleOptions: r.shuffleOptions,
    partialCredit: r.partialCredit,
    advancement: r.advancement,
    rankingRules: r.rankingRules,
    integrity: { ...DEFAULT_INTEGRITY, ...(r.integrity ?? {}) },
    prediction: r.predictionQuestion ? { target: r.predictionQuestion.target, countBy: r.predictionQuestion.countBy ?? 'people' } : null,
    poolVersion: r.poolVersion,
    openedAt: r.openedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}

export function settingsOf(r: Round): RoundSettings {
  return {
    title: r.title,
    description: r.description,
    kind: r.kind,
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    durationSeconds: r.durationSeconds,
    maxAttempts: r.maxAttempts,
    attemptScoring: r.attemptScoring,
    selection: r.selection,
    shuffleQuestions: r.shuffleQuestions,
    shuffleOptions: r.shuffleOptions,
    partialCredit: r.partialCredit,
    predictionQuestion: r.predictionQuestion,
    leaderboard: r.leaderboard,
    advancement: r.advancement,
    prizes: r.prizes,
    rankingRules: r.rankingRules,
    integrity: r.integrity,
    entry: r.entry,
    live: r.live ?? null,
  };
}
