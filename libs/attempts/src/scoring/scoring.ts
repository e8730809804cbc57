import type { PoolQuestion } from '@lc/question-bank';
import type { SavedAnswer } from '../attempt/attempt-answer.entity';
import type { DrawnQuestion } from '../draw/draw';
import { foldText } from './fold';

export interface QuestionScore {
  key: string;
  earned: number;
  max: number;
  /** null: not auto-scored (essay) or not answered. */
  correct: boolean | null;
  answered: boolean;
}

export interface AttemptScore {
  score: number;
  maxScore: number;
  correctCount: number;
  answeredCount: number;
  items: QuestionScore[];
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * The one place scores are computed (server side only). Pure: the draw, the answers as
 * saved and the frozen question versions in; points out. Essays are left to judges and
 * count for nothing here.
 */
export function scoreAttempt(
  draw: DrawnQuestion[],
  answers: Record<string, SavedAnswer | undefined>,
  versions: Map<string, PoolQuestion>,
  opts: { partialCredit: boolean },
): AttemptScore {
  const items = draw.map((d) => scoreQuestion(d, answers[d.key], versions.get(d.versionId), opts));
  return {
    score: round4(items.reduce((n, i) => n + i.earned, 0)),
    maxScore: round4(items.reduce((n, i) => n + i.max, 0)),
    correctCount: items.filter((i) => i.correct === true).length,
    answeredCount: items.filter((i) => i.answered).length,
    items,
  };
}

export function scoreQuestion(d: DrawnQuestion, a: SavedAnswer | undefined, q: PoolQuestion | undefined, opts: { partialCredit: boolean }): QuestionScore {
  const points = q?.points ?? d.points;
  const answered = isAnswered(a);
  const base = { key: d.key, max: points, answered };
  if (!q || q.type === 'essay') return { ...base, max: 0, earned: 0, correct: null };
  if (!answered) return { ...base, earned: 0, correct: false };
  switch (q.type) {
    case 'single':
    case 'true_false':
    case 'multiple': {
      const refOf = new Map(d.options.map((o) => [o.id, o.ref]));
      const chosen = new Set((a!.optionIds ?? []).map((id) => refOf.get(id)).filter((r): r is string => !!r));
      const right = new Set(q.options.filter((o) => o.correct).map((o) => o.id));
      const hits = [...chosen].filter((r) => right.has(r)).length;
      const wrong = chosen.size - hits;
      if (q.type !== 'multiple') {
        const ok = chosen.size === 1 && hits === 1;
        return { ...base, earned: ok ? points : 0, correct: ok };
      }
      const exact = wrong === 0 && hits === right.size && right.size > 0;
      if (exact) return { ...base, earned: points, correct: true };
      // Partial credit: each right choice earns its share, each wrong one takes a share back.
      const share = opts.partialCredit && right.size > 0 ? Math.max(0, (hits - wrong) / right.size) : 0;
      return { ...base, earned: round4(points * share), correct: false };
    }
    case 'numeric': {
      const key = q.answer && 'value' in q.answer ? q.answer : null;
      const given = toNumber(a!.value);
      const ok = key !== null && given !== null && Math.abs(given - key.value) <= (key.tolerance ?? 0) + 1e-9;
      return { ...base, earned: ok ? points : 0, correct: ok };
    }
    case 'short_text': {
      const key = q.answer && 'accepted' in q.answer ? q.answer : null;
      const given = a!.value === null || a!.value === undefined ? '' : String(a!.value);
      const f = { caseSensitive: key?.caseSensitive, diacriticsSensitive: key?.diacriticsSensitive };
      const ok = !!key && key.accepted.some((acc) => foldText(acc, f) === foldText(given, f));
      return { ...base, earned: ok ? points : 0, correct: ok };
    }
    default:
      return { ...base, max: 0, earned: 0, correct: null };
  }
}

export function isAnswered(a: SavedAnswer | undefined): boolean {
  if (!a) return false;
  if (a.optionIds?.length) return true;
  return a.value !== undefined && a.value !== null && String(a.value).trim() !== '';
}

/** Numbers as people type them in Vietnam too: "1.234,5" or "1234.5" or "12,5". */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  let s = v.trim().replace(/\s/g, '');
  if (!s) return null;
  if (s.includes(',') && s.includes('.')) s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else if (s.includes(',')) s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
