import { isFiniteNumber, isRecord, Problems, rejectUnknownKeys } from '../common/problems';
import { fix6 } from '../common/numbers';

export interface RubricCriterion {
  id: string;
  label: string;
  maxPoints: number;
}

/** A judged round's marking scheme, e.g. content 50, delivery 30, time and form 20. */
export interface Rubric {
  criteria: RubricCriterion[];
}

/** One judge's marks for one entry: points per criterion id, and a comment. */
export interface JudgeMarks {
  judgeId: string;
  scores: Record<string, number>;
  total: number;
  comment: string | null;
}

const ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const MAX_COMMENT_LENGTH = 5000;

function hasAtMostDecimals(x: number, d: number): boolean {
  return Math.abs(fix6(x * 10 ** d) - Math.round(x * 10 ** d)) < 1e-6;
}

export function rubricMax(r: Rubric): number {
  return fix6(r.criteria.reduce((s, c) => s + c.maxPoints, 0));
}

export function parseRubric(input: unknown): Rubric {
  const p = new Problems();
  if (!isRecord(input) || !Array.isArray(input.criteria) || input.criteria.length === 0) {
    p.add('criteria', 'must be a non-empty list of { id, label, maxPoints }');
    p.throwIfAny('invalid_rubric', 'rubric');
  }
  const o = input as { criteria: unknown[] };
  rejectUnknownKeys(input as Record<string, unknown>, ['criteria'], '', p);
  const seen = new Set<string>();
  o.criteria.forEach((c, i) => {
    const at = `criteria[${i}]`;
    if (!isRecord(c)) return p.add(at, 'must be an object');
    rejectUnknownKeys(c, ['id', 'label', 'maxPoints'], at, p);
    if (typeof c.id !== 'string' || !ID.test(c.id)) p.add(`${at}.id`, 'must be 1-40 lower-case letters, digits, - or _');
    else if (seen.has(c.id)) p.add(`${at}.id`, `repeats ${c.id}`);
    else seen.add(c.id);
    if (typeof c.label !== 'string' || !c.label.trim() || c.label.length > 200) p.add(`${at}.label`, 'must be 1-200 characters');
    if (!isFiniteNumber(c.maxPoints) || c.maxPoints <= 0 || c.maxPoints > 1000 || !hasAtMostDecimals(c.maxPoints, 2))
      p.add(`${at}.maxPoints`, 'must be a number above 0 and at most 1000, with at most 2 decimals');
  });
  p.throwIfAny('invalid_rubric', 'rubric');
  return { criteria: (o.criteria as RubricCriterion[]).map((c) => ({ id: c.id, label: c.label.trim(), maxPoints: c.maxPoints })) };
}

/**
 * Checks one judge's marks against the rubric: every criterion marked, none unknown,
 * each between 0 and its maximum in steps of 0.01. Throws a 400 naming each bad criterion.
 */
export function validateJudgeMarks(rubric: Rubric, judgeId: string, input: { scores?: unknown; comment?: unknown }): JudgeMarks {
  const p = new Problems();
  const scores = isRecord(input.scores) ? input.scores : null;
  if (!scores) p.add('scores', 'must be an object of points per criterion');
  const out: Record<string, number> = {};
  let total = 0;
  for (const c of rubric.criteria) {
    const v = scores?.[c.id];
    const at = `scores.${c.id}`;
    if (v === undefined) {
      if (scores) p.add(at, 'is missing');
    } else if (!isFiniteNumber(v)) p.add(at, 'must be a number');
    else if (v < 0 || fix6(v) > c.maxPoints) p.add(at, `must be between 0 and ${c.maxPoints}`);
    else if (!hasAtMostDecimals(v, 2)) p.add(at, 'must have at most 2 decimals');
    else {
      out[c.id] = v;
      total += v;
    }
  }
  if (scores) for (const k of Object.keys(scores)) if (!rubric.criteria.some((c) => c.id === k)) p.add(`scores.${k}`, 'is not a criterion of this rubric');
  if (input.comment !== undefined && input.comment !== null && (typeof input.comment !== 'string' || input.comment.length > MAX_COMMENT_LENGTH))
    p.add('comment', `must be text of at most ${MAX_COMMENT_LENGTH} characters`);
  p.throwIfAny('invalid_scores', 'scores');
  const comment = typeof input.comment === 'string' && input.comment.trim() ? input.comment.trim() : null;
  return { judgeId, scores: out, total: fix6(total), comment };
}
