import { badRequest } from '@lc/platform';
import { fix6 } from '../common/numbers';
import { RankableAttempt } from './attempt-row';
import { RankingRules, TieBreakStep } from './rules';

/**
 * Which rule put one of two neighbours ahead; `tie` when every step was equal.
 * `prediction-equal-distance` is only ever read back from results stored before
 * under-before-over became a chain step (a hidden default then).
 */
export type Separator = TieBreakStep | 'prediction-equal-distance' | 'tie';

export interface RoundContext {
  /** The prediction question's actual value; null before the round closes or without one. */
  actual: number | null;
  /** When the round opened; required only by the `since-open` step. */
  opensAt: Date | null;
}

/**
 * Every attempt's sort keys, flattened into one Float64Array (smaller is better for all
 * keys), so sorting 200,000 rows compares numbers, not objects: one slot per step of the
 * chain, and nothing else, so only the published chain orders people.
 */
export class SortKeys {
  readonly width: number;
  readonly keys: Float64Array;

  constructor(
    readonly rows: readonly RankableAttempt[],
    readonly rules: RankingRules,
    readonly ctx: RoundContext,
  ) {
    const w = rules.chain.length;
    this.width = w;
    if (rules.chain.includes('since-open') && !ctx.opensAt) throw badRequest('opens_at_required', 'The since-open rule needs the round opening time');
    this.keys = new Float64Array(rows.length * w);
    rows.forEach((r, i) => this.fill(r, i * w));
  }

  private fill(r: RankableAttempt, at: number): void {
    const submitted = r.submittedAt.getTime();
    this.rules.chain.forEach((step, j) => {
      const k = at + j;
      switch (step) {
        case 'score':
          this.keys[k] = -fix6(r.score);
          break;
        case 'prediction':
          this.keys[k] = predictionKey(r, this.ctx.actual, this.rules);
          break;
        case 'under-before-over':
          this.keys[k] = sideKey(r, this.ctx.actual, this.rules);
          break;
        case 'time-taken':
          this.keys[k] = r.timeTakenMs;
          break;
        case 'since-open':
          this.keys[k] = submitted - this.ctx.opensAt!.getTime();
          break;
        case 'submitted-at':
          this.keys[k] = submitted;
          break;
      }
    });
  }

  /** Negative when row a ranks ahead of row b; 0 when no step separates them. */
  compare(a: number, b: number): number {
    const k = this.keys;
    const w = this.width;
    const oa = a * w;
    const ob = b * w;
    for (let j = 0; j < w; j++) {
      const x = k[oa + j];
      const y = k[ob + j];
      if (x !== y) return x < y ? -1 : 1; // Infinity === Infinity, so two missing guesses tie here
    }
    return 0;
  }

  /** The first step that separates rows a and b. */
  separator(a: number, b: number): Separator {
    const w = this.width;
    for (let j = 0; j < w; j++) if (this.keys[a * w + j] !== this.keys[b * w + j]) return this.rules.chain[j];
    return 'tie';
  }
}

/**
 * The distance to the actual value; a missing guess is worse than any guess. Before the
 * actual value is known the step is inert (0 for everyone).
 */
export function predictionKey(r: RankableAttempt, actual: number | null, rules: RankingRules): number {
  if (actual === null || rules.prediction === null) return 0;
  if (r.prediction === null) return Number.POSITIVE_INFINITY;
  return Math.abs(fix6(r.prediction - actual));
}

/**
 * The `under-before-over` step: 0 for a guess at or under the actual value, 1 for one
 * over it. Chained after `prediction`, it only ever compares equal distances; inert
 * (0) without an actual value or a guess — a missing guess is already last by `prediction`.
 */
export function sideKey(r: RankableAttempt, actual: number | null, rules: RankingRules): number {
  if (actual === null || rules.prediction === null || r.prediction === null) return 0;
  return fix6(r.prediction - actual) > 0 ? 1 : 0;
}

export function predictionDistance(prediction: number | null, actual: number | null): number | null {
  if (prediction === null || actual === null) return null;
  return Math.abs(fix6(prediction - actual));
}

export function assertRankable(r: RankableAttempt): void {
  const bad =
    typeof r.attemptId !== 'string' ||
    typeof r.personId !== 'string' ||
    !Number.isFinite(r.score) ||
    !Number.isFinite(r.maxScore) ||
    !Number.isFinite(r.timeTakenMs) ||
    !(r.submittedAt instanceof Date) ||
    Number.isNaN(r.submittedAt.getTime()) ||
    (r.prediction !== null && !Number.isFinite(r.prediction));
  if (bad) throw badRequest('invalid_attempt_row', `Attempt ${String(r.attemptId)} cannot be ranked: missing or invalid score, time or prediction`);
}
