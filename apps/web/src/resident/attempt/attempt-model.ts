import type { AnswerValue, Attempt, AttemptQuestion, MyAttempt, PredictionQuestion } from '../../shared/api/types';

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (v && typeof v === 'object' ? (v as Raw) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;

function toAnswer(v: unknown): (AnswerValue & { seq?: number }) | null {
  const a = obj(v);
  const optionIds = Array.isArray(a.optionIds) ? a.optionIds.filter((x): x is string => typeof x === 'string') : undefined;
  const value = typeof a.value === 'string' || typeof a.value === 'number' ? a.value : undefined;
  // Some servers nest the payload: { value: { optionIds } }.
  if (!optionIds && value === undefined && a.value && typeof a.value === 'object') return toAnswer({ ...obj(a.value), seq: a.seq });
  if (!optionIds && value === undefined) return null;
  const seq = num(a.seq);
  return { ...(optionIds ? { optionIds } : {}), ...(value !== undefined ? { value } : {}), ...(seq !== undefined ? { seq } : {}) };
}

/** Saved answers, whatever shape the server sends: an array, a map, or inside each question. */
function answersOf(raw: Raw, questions: Raw[]): Attempt['answers'] {
  const out: Attempt['answers'] = {};
  const src = raw.answers;
  if (Array.isArray(src)) {
    for (const item of src) {
      const o = obj(item);
      const qid = str(o.questionId) ?? str(o.questionKey) ?? str(o.id);
      const a = toAnswer(o);
      if (qid && a) out[qid] = a;
    }
  } else if (src && typeof src === 'object') {
    for (const [qid, v] of Object.entries(src as Raw)) {
      const a = toAnswer(v);
      if (a) out[qid] = a;
    }
  }
  for (const q of questions) {
    const qid = str(q.id);
    const a = q.answer !== undefined ? toAnswer(q.answer) : null;
    if (qid && a && !out[qid]) out[qid] = a;
  }
  return out;
}

function toQuestion(q: Raw): AttemptQuestion {
  const options = Array.isArray(q.options)
    ? q.options.map((o) => {
        const r = obj(o);
        return { id: String(r.id ?? ''), text: String(r.text ?? ''), ...(typeof r.correct === 'boolean' ? { correct: r.correct } : {}) };
      })
    : [];
  return {
    id: String(q.id ?? ''),
    type: (str(q.type) ?? 'single') as AttemptQuestion['type'],
    stem: String(q.stem ?? ''),
    options,
    points: num(q.points),
    explanation: str(q.explanation) ?? null,
    legalReference: str(q.legalReference) ?? null,
    correctOptionIds: Array.isArray(q.correctOptionIds) ? q.correctOptionIds.filter((x): x is string => typeof x === 'string') : undefined,
    correctAnswer: q.correctAnswer ?? q.answerKey,
    isCorrect: typeof q.isCorrect === 'boolean' ? q.isCorrect : typeof q.correct === 'boolean' ? q.correct : null,
    awarded: num(q.awarded) ?? num(q.score) ?? null,
    keyWithheld: toWithheld(q.keyWithheld),
  };
}

function toWithheld(v: unknown): AttemptQuestion['keyWithheld'] {
  const w = obj(v);
  return typeof w.until === 'string' ? { reason: str(w.reason) ?? 'in_open_round', until: w.until } : null;
}

function toPrediction(v: unknown): PredictionQuestion | null {
  const p = obj(v);
  return typeof p.prompt === 'string' && p.prompt ? { prompt: p.prompt, actual: num(p.actual) ?? null } : null;
}

/** An attempt from POST /rounds/:id/attempts or GET /attempts/:id, in one shape. */
/**
 * Published results come as `review: [{ questionId, correct, earned, correctOptionIds,
 * acceptedAnswers, correctValue, explanation, legalReference }]`; fold them into the questions.
 */
function withReview(qs: Raw[], review: unknown): Raw[] {
  if (!Array.isArray(review)) return qs;
  const byId = new Map(review.map(obj).map((r) => [String(r.questionId ?? ''), r]));
  return qs.map((q) => {
    const r = byId.get(String(q.id ?? ''));
    if (!r) return q;
    // The server sends no key for it (another round still draws it): keep the options unmarked.
    if (r.keyWithheld) return { ...q, keyWithheld: r.keyWithheld };
    const correctIds = Array.isArray(r.correctOptionIds) ? r.correctOptionIds : undefined;
    return {
      ...q,
      correctOptionIds: correctIds,
      options: Array.isArray(q.options) && correctIds ? q.options.map((o) => ({ ...obj(o), correct: correctIds.includes(obj(o).id) })) : q.options,
      explanation: r.explanation ?? q.explanation,
      legalReference: r.legalReference ?? q.legalReference,
      isCorrect: typeof r.correct === 'boolean' ? r.correct : q.isCorrect,
      awarded: r.earned ?? q.awarded,
      correctAnswer:
        Array.isArray(r.acceptedAnswers) && r.acceptedAnswers.length
          ? r.acceptedAnswers.join(' / ')
          : r.correctValue
            ? correctValueText(obj(r.correctValue))
            : q.correctAnswer,
    };
  });
}

function correctValueText(v: Raw): string {
  const value = num(v.value);
  const tol = num(v.tolerance);
  return value === undefined ? '' : tol ? `${value} (± ${tol})` : String(value);
}

export function normaliseAttempt(input: unknown): Attempt {
  const raw = obj(input);
  const base = raw.attempt && typeof raw.attempt === 'object' ? { ...raw, ...obj(raw.attempt) } : raw;
  const qs = withReview(Array.isArray(base.questions) ? base.questions.map(obj) : [], base.review);
  return {
    id: String(base.id ?? ''),
    roundId: str(base.roundId),
    status: str(base.status) ?? 'in_progress',
    startedAt: str(base.startedAt),
    deadlineAt: String(base.deadlineAt ?? ''),
    serverTime: str(base.serverTime),
    submittedAt: str(base.submittedAt) ?? null,
    questions: qs.map(toQuestion),
    answers: answersOf(base, qs),
    score: num(base.score) ?? null,
    maxScore: num(base.maxScore) ?? null,
    timeTakenMs: num(base.timeTakenMs) ?? null,
    rank: num(base.rank) ?? null,
    prediction: num(base.prediction) ?? null,
    predictionQuestion: toPrediction(base.predictionQuestion) ?? toPrediction(obj(base.round).predictionQuestion),
  };
}

export function isAnswered(a: AnswerValue | undefined): boolean {
  if (!a) return false;
  if (a.optionIds && a.optionIds.length > 0) return true;
  return a.value !== undefined && a.value !== null && String(a.value).trim() !== '';
}

/** The body of PUT /attempts/:id/answers/:questionId. */
export function answerBody(type: AttemptQuestion['type'], a: AnswerValue, seq: number): Record<string, unknown> {
  if (type === 'numeric') {
    const n = typeof a.value === 'number' ? a.value : Number(String(a.value ?? '').replace(',', '.'));
    return { value: Number.isFinite(n) ? n : String(a.value ?? ''), seq };
  }
  if (type === 'short_text' || type === 'essay') return { value: String(a.value ?? ''), seq };
  return { optionIds: a.optionIds ?? [], seq };
}

/**
 * The attempt that represents the resident under the ranking rules (score, then time, then
 * earlier submission); with `last` scoring, the latest finished one. Void attempts never count.
 */
export function representativeAttempt(attempts: MyAttempt[], scoring: 'best' | 'last' = 'best'): MyAttempt | null {
  const done = attempts.filter((a) => (a.status === 'submitted' || a.status === 'expired') && a.score !== null && a.score !== undefined);
  if (done.length === 0) return null;
  const at = (a: MyAttempt) => Date.parse(a.submittedAt ?? a.startedAt ?? '') || 0;
  if (scoring === 'last') return done.reduce((x, y) => (at(y) > at(x) ? y : x));
  return [...done].sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.timeTakenMs ?? Infinity) - (b.timeTakenMs ?? Infinity) || at(a) - at(b))[0];
}

/** Attempts left in a round, or null when unknown. */
export function attemptsLeft(maxAttempts: number | undefined, attempts: MyAttempt[]): number | null {
  if (!maxAttempts) return null;
  return Math.max(0, maxAttempts - attempts.length);
}
