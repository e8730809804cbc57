import { computePredictionActual, computePredictionActualAsync, isPerfect } from './prediction';
import { row } from '../../test/ranking-rows';

describe('prediction actual value', () => {
  const rows = [
    row('a', { attemptNo: 1, score: 10 }),
    row('a', { attemptNo: 2, score: 7 }),
    row('b', { score: 10, status: 'expired' }),
    row('c', { score: 9 }),
    row('d', { score: 10, status: 'void' }),
    row('e', { score: 10, status: 'in_progress' }),
    row('f', { score: 0, maxScore: 0 }),
  ];

  it('counts entrants by people or by attempts, ignoring void and unfinished attempts', () => {
    expect(computePredictionActual(rows, { target: 'entrants', countBy: 'people' })).toBe(4); // a b c f
    expect(computePredictionActual(rows, { target: 'entrants', countBy: 'attempts' })).toBe(5);
  });

  it('counts entrants with every answer correct', () => {
    const more = [...rows, row('a', { attemptNo: 3, score: 10 })];
    expect(computePredictionActual(more, { target: 'perfect-score-entrants', countBy: 'people' })).toBe(2); // a b
    expect(computePredictionActual(more, { target: 'perfect-score-entrants', countBy: 'attempts' })).toBe(3);
  });

  it('treats a score equal to the maximum after float drift as perfect, and an empty test as not', () => {
    expect(isPerfect({ score: 0.1 + 0.2, maxScore: 0.3 })).toBe(true);
    expect(isPerfect({ score: 0, maxScore: 0 })).toBe(false);
    expect(isPerfect({ score: 9.99, maxScore: 10 })).toBe(false);
  });

  it('works over an async stream', async () => {
    async function* gen() {
      for (const r of rows) yield r;
    }
    await expect(computePredictionActualAsync(gen(), { target: 'entrants', countBy: 'people' })).resolves.toBe(4);
  });
});
