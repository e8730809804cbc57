import { createHash } from 'node:crypto';

/**
 * The live-final rules (SPEC "Live finals"), as plain functions: which questions a final
 * shows and in what order, what a first answer earns, and how the board orders players.
 * Scores are kept in hundredths of a point (integers), so Redis adds them exactly.
 */

export interface LiveCandidate {
  versionId: string;
  questionId: string;
}

/**
 * The final's questions: per rule, `count` candidates in an order fixed by the round id (a
 * hash, not a random draw), skipping a question an earlier rule already took. Everyone sees
 * the same sequence, and any instance computes the same one from the frozen pool again.
 */
export function liveOrder<Q extends LiveCandidate>(roundId: string, rules: { count: number; questions: Q[] }[]): Q[] {
  const taken = new Set<string>();
  const out: Q[] = [];
  const rank = (q: Q) => createHash('sha256').update(`${roundId}:${q.versionId}`).digest('hex');
  for (const rule of rules) {
    const sorted = [...rule.questions].map((q) => ({ q, h: rank(q) })).sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
    let n = 0;
    for (const { q } of sorted) {
      if (n >= rule.count) break;
      if (taken.has(q.questionId)) continue;
      taken.add(q.questionId);
      out.push(q);
      n++;
    }
  }
  return out;
}

/** All or nothing: exactly the correct options, no more, no fewer. */
export function isCorrectChoice(correctOptionIds: readonly string[], optionIds: readonly string[]): boolean {
  const want = new Set(correctOptionIds);
  const got = new Set(optionIds);
  return want.size === got.size && [...want].every((id) => got.has(id));
}

export interface LiveAward {
  correct: boolean;
  /** Points earned, in hundredths. */
  award: number;
  /** Time left on the question when the answer arrived (ms, 0..questionMs): the board's tie-break saves it. */
  savedMs: number;
}

/**
 * "live-final scoring": a correct first answer earns the question's points plus, when the
 * round has a speed bonus, maxPoints × (1 − elapsed / questionMs), elapsed measured from the
 * question's opening to the SERVER receive time (clamped: an answer in the grace after the
 * close gets no bonus). Wrong answers earn nothing.
 */
export function scoreLiveAnswer(a: {
  correctOptionIds: readonly string[];
  optionIds: readonly string[];
  points: number;
  maxBonus: number | null;
  openedAtMs: number;
  receivedAtMs: number;
  questionMs: number;
}): LiveAward {
  const elapsed = Math.min(Math.max(a.receivedAtMs - a.openedAtMs, 0), a.questionMs);
  const savedMs = a.questionMs - elapsed;
  if (!isCorrectChoice(a.correctOptionIds, a.optionIds)) return { correct: false, award: 0, savedMs };
  const bonus = a.maxBonus ? a.maxBonus * (savedMs / a.questionMs) : 0;
  return { correct: true, award: Math.round(a.points * 100) + Math.round(bonus * 100), savedMs };
}

/** The most a question can earn (hundredths): its points plus the whole bonus. */
export const maxLiveAward = (points: number, maxBonus: number | null) => Math.round(points * 100) + Math.round((maxBonus ?? 0) * 100);

const TIME_SPAN = 1e9;

/**
 * The board's order in one sorted-set score: points first, then less total answer time.
 * Everyone on the board has been shown the same questions, so "less time taken" is "more time
 * saved" (an unanswered question costs its whole time). Exact up to 9 × 10^6 points.
 */
export const boardValue = (scoreHundredths: number, savedMs: number) => scoreHundredths * TIME_SPAN + Math.min(Math.max(savedMs, 0), TIME_SPAN - 1);

/** Total answer time at the end (the result's tie-break): every shown question's time, less what was saved. */
export const liveTimeTaken = (shown: number, questionMs: number, savedMs: number) => Math.max(shown * questionMs - savedMs, 0);

/** Why an answer was refused (the codes the Lua in live-state.ts returns; 4xx to the client). */
export const LIVE_ANSWER_REFUSALS = [
  'live_not_open',
  'live_paused',
  'live_question_closed',
  'live_answer_late',
  'live_wrong_question',
  'live_already_answered',
] as const;
export type LiveAnswerRefusal = (typeof LIVE_ANSWER_REFUSALS)[number];
