import type { KeyWithheld } from '@lc/contests';
import type { PoolQuestion } from '@lc/question-bank';
import type { SavedAnswer } from '../attempt/attempt-answer.entity';
import type { AttemptStatus } from '../attempt/attempt.entity';
import type { DrawnQuestion } from '../draw/draw';
import type { AttemptReviewView } from '../integrity/flag-review';
import type { AttemptFlag } from '../integrity/integrity';
import type { AttemptScore } from '../scoring/scoring';

/** A question as the entrant sees it: never which option is right. */
export interface QuestionView {
  id: string;
  type: string;
  stem: string;
  points: number;
  options: { id: string; text: string }[];
}

export interface AnswerView {
  optionIds?: string[];
  value?: string | number | null;
  seq: number;
  savedAt: string;
}

/** Only once the round's results are published. */
export interface ReviewView {
  questionId: string;
  correct: boolean | null;
  /** null while the key is withheld from an entrant. */
  earned: number | null;
  correctOptionIds: string[];
  acceptedAnswers: string[] | null;
  correctValue: { value: number; tolerance: number } | null;
  explanation: string | null;
  legalReference: string | null;
  /** Another round still draws this question: entrants get the reason instead of the key (staff get both). */
  keyWithheld?: KeyWithheld;
}

export interface AttemptView {
  id: string;
  roundId: string;
  contestId: string;
  attemptNo: number;
  status: AttemptStatus;
  startedAt: string;
  deadlineAt: string;
  serverTime: string;
  submittedAt: string | null;
  score: number | null;
  maxScore: number | null;
  timeTakenMs: number | null;
  prediction: number | null;
  questions: QuestionView[];
  answers: Record<string, AnswerView>;
  review?: ReviewView[];
  /** Staff only. */
  integrity?: {
    flags: AttemptFlag[];
    ip: string | null;
    userAgent: string | null;
    deviceId: string | null;
    userId: string;
    voidReason: string | null;
    review: AttemptReviewView;
  };
}

export function questionViews(draw: DrawnQuestion[], versions: Map<string, PoolQuestion>): QuestionView[] {
  return draw.map((d) => {
    const q = versions.get(d.versionId);
    const text = new Map((q?.options ?? []).map((o) => [o.id, o.text]));
    return { id: d.key, type: d.type, stem: q?.stem ?? '', points: d.points, options: d.options.map((o) => ({ id: o.id, text: text.get(o.ref) ?? '' })) };
  });
}

export function answerViews(answers: Map<string, { answer: SavedAnswer; seq: number; receivedAt: number }>): Record<string, AnswerView> {
  const out: Record<string, AnswerView> = {};
  for (const [k, v] of answers) {
    const a: AnswerView = { seq: v.seq, savedAt: new Date(v.receivedAt).toISOString() };
    if (v.answer.optionIds !== undefined) a.optionIds = v.answer.optionIds;
    if (v.answer.value !== undefined) a.value = v.answer.value;
    out[k] = a;
  }
  return out;
}

/** The answer key in this attempt's own opaque ids; built only after results are published. */
export function reviewViews(draw: DrawnQuestion[], versions: Map<string, PoolQuestion>, scored: AttemptScore): ReviewView[] {
  const byKey = new Map(scored.items.map((i) => [i.key, i]));
  return draw.map((d) => {
    const q = versions.get(d.versionId);
    const right = new Set((q?.options ?? []).filter((o) => o.correct).map((o) => o.id));
    const item = byKey.get(d.key);
    const answer = q?.answer ?? null;
    return {
      questionId: d.key,
      correct: item?.correct ?? null,
      earned: item?.earned ?? 0,
      correctOptionIds: d.options.filter((o) => right.has(o.ref)).map((o) => o.id),
      acceptedAnswers: answer && 'accepted' in answer ? answer.accepted : null,
      correctValue: answer && 'value' in answer ? { value: answer.value, tolerance: answer.tolerance ?? 0 } : null,
      explanation: q?.explanation ?? null,
      legalReference: q?.legalReference ?? null,
    };
  });
}

/**
 * Withholds the keys another round still draws (SPEC "Anti-cheating"). For the entrant nothing
 * that gives a key away is left — not even whether their own answer was right, which tells a
 * true/false key — only the reason and until when. Staff keep the key and see the same note.
 */
export function withholdKeys(
  review: ReviewView[],
  draw: DrawnQuestion[],
  versions: Map<string, PoolQuestion>,
  withheld: Map<string, KeyWithheld>,
  staff: boolean,
): ReviewView[] {
  if (!withheld.size) return review;
  const byKey = new Map(draw.map((d) => [d.key, versions.get(d.versionId)?.questionId]));
  return review.map((r) => {
    const why = withheld.get(byKey.get(r.questionId) ?? '');
    if (!why) return r;
    if (staff) return { ...r, keyWithheld: why };
    return {
      questionId: r.questionId,
      correct: null,
      earned: null,
      correctOptionIds: [],
      acceptedAnswers: null,
      correctValue: null,
      explanation: null,
      legalReference: null,
      keyWithheld: why,
    };
  });
}

/** The stable question ids of a draw, to ask which keys are withheld. */
export function drawnQuestionIds(draw: DrawnQuestion[], versions: Map<string, PoolQuestion>): string[] {
  return [...new Set(draw.map((d) => versions.get(d.versionId)?.questionId).filter((q): q is string => !!q))];
}
