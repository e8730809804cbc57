import { fix6 } from '../common/numbers';
import { isCounted, RankableAttempt } from './attempt-row';
import { PredictionRule } from './rules';

type CountedFields = Pick<RankableAttempt, 'personId' | 'status' | 'score' | 'maxScore'>;

/**
 * Counts the actual value of a round's prediction question ("how many entrants / how
 * many entrants with every answer correct"), one row at a time, so it can run over a
 * database cursor of any size.
 */
export class PredictionCounter {
  private attempts = 0;
  private readonly people = new Set<string>();

  constructor(private readonly rule: PredictionRule) {}

  add(row: CountedFields): void {
    if (!isCounted(row)) return;
    if (this.rule.target === 'perfect-score-entrants' && !isPerfect(row)) return;
    this.attempts++;
    this.people.add(row.personId);
  }

  value(): number {
    return this.rule.countBy === 'people' ? this.people.size : this.attempts;
  }
}

/** Every answer correct: the full score of a test worth something. */
export function isPerfect(row: Pick<RankableAttempt, 'score' | 'maxScore'>): boolean {
  return row.maxScore > 0 && fix6(row.score) >= fix6(row.maxScore);
}

export function computePredictionActual(rows: Iterable<CountedFields>, rule: PredictionRule): number {
  const c = new PredictionCounter(rule);
  for (const r of rows) c.add(r);
  return c.value();
}

export async function computePredictionActualAsync(rows: AsyncIterable<CountedFields>, rule: PredictionRule): Promise<number> {
  const c = new PredictionCounter(rule);
  for await (const r of rows) c.add(r);
  return c.value();
}
