import { badRequest } from '@lc/platform';
import { fix6 } from '../common/numbers';
import { RankableAttempt } from './attempt-row';
import { RankingRules, TieBreakStep } from './rules';

/** Which rule put one of two neighbours ahead; `tie` when every step was equal. */
export type Separator = TieBreakStep | 'prediction-equal-distance' | 'tie';

export interface RoundContext {
  /** The prediction question's actual value; null before the round closes or without one. */
  actual: number | null;
  /** When the round opened; required only by the `since-open` step. */
  opensAt: Date | null;
}

/**
 * Every attempt's sort keys, flattened into one Float64Array (smaller is better for all
 * keys), so sorting 200,000 rows compares numbers, not objects. `prediction` takes two
 * slots: the distance, then the equal-distance key.
 */
export class SortKeys {
  readonly width: number;
  readonly keys: Float64Array;
  private readonly slotOf: number[];

  constructor(
    readonly rows: readonly RankableAttempt[],
    readonly rules: RankingRules,
    readonly ctx: RoundContext,
  ) {
    this.slotOf = [];
    let w = 0;
    for (const s of rules.chain) {
      this.slotOf.push(w);
      w += s === 'prediction' ? 2 : 1;
    }
    this.width = w;
    if (rules.chain.includes('since-open') && !ctx.opensAt) throw badRequest('opens_at_required', 'The since-open rule needs the round opening time');
    this.keys = new Float64Array(rows.length * w);
    rows.forEach((r, i) => this.fill(r, i * w));
  }

  private fill(r: RankableAttempt, at: number): void {
    const submitted = r.submittedAt.getTime();
    this.rules.chain.forEach((step, j) => {
      const k = at + this.slotOf[j];
      switch (step) {
        case 'score':
          this.keys[k] = -fix6(r.score);
          break;
        case 'prediction': {
          const [dist, side] = predictionKeys(r, this.ctx.actual, this.rules, submitted);
          this.keys[k] = dist;
          this.keys[k + 1] = side;
          break;
        }
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
    for (let j = 0; j < this.rules.chain.length; j++) {
      const step = this.rules.chain[j];
      const s = this.slotOf[j];
      if (this.keys[a * w + s] !== this.keys[b * w + s]) return step;
      if (step === 'prediction' && this.keys[a * w + s + 1] !== this.keys[b * w + s + 1]) return 'prediction-equal-distance';
    }
    return 'tie';
  }
}

/**
 * A missing guess is worse than any guess; before the actual value is known the step
 * is inert (both keys 0). Under-before-over: a guess at or below the value wins over
 * one equally far above it.
 */
export function predictionKeys(r: RankableAttempt, actual: number | null, rules: RankingRules, submittedMs: number): [number, number] {
  if (actual === null || rules.prediction === null) return [0, 0];
  if (r.prediction === null) return [Number.POSITIVE_INFINITY, 0];
  const diff = fix6(r.prediction - actual);
  const side = rules.equalDistance === 'under-before-over' ? (diff > 0 ? 1 : 0) : submittedMs;
  return [Math.abs(diff), side];
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
