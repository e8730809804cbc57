import { boardValue, isCorrectChoice, liveOrder, liveTimeTaken, maxLiveAward, scoreLiveAnswer } from './live-scoring';

const base = { correctOptionIds: ['a'], optionIds: ['a'], points: 1, maxBonus: null as number | null, openedAtMs: 1_000_000, questionMs: 20_000 };

describe('live-final scoring', () => {
  it('is all or nothing: exactly the correct options', () => {
    expect(isCorrectChoice(['a', 'c'], ['c', 'a'])).toBe(true);
    expect(isCorrectChoice(['a', 'c'], ['a'])).toBe(false);
    expect(isCorrectChoice(['a', 'c'], ['a', 'b', 'c'])).toBe(false);
    expect(isCorrectChoice(['a'], ['b'])).toBe(false);
  });

  it("earns the question's points without a speed bonus, nothing when wrong", () => {
    expect(scoreLiveAnswer({ ...base, receivedAtMs: base.openedAtMs + 5000 })).toEqual({ correct: true, award: 100, savedMs: 15_000 });
    expect(scoreLiveAnswer({ ...base, points: 2.5, receivedAtMs: base.openedAtMs + 5000 }).award).toBe(250);
    expect(scoreLiveAnswer({ ...base, optionIds: ['b'], receivedAtMs: base.openedAtMs + 5000 })).toEqual({ correct: false, award: 0, savedMs: 15_000 });
  });

  it('adds a bonus falling linearly from maxPoints at the opening to 0 at the close, from server receive times', () => {
    const at = (ms: number) => scoreLiveAnswer({ ...base, maxBonus: 10, receivedAtMs: base.openedAtMs + ms }).award;
    expect(at(0)).toBe(100 + 1000);
    expect(at(5000)).toBe(100 + 750);
    expect(at(10_000)).toBe(100 + 500);
    expect(at(20_000)).toBe(100);
    // In the grace after the close: the points, no bonus, no negative time.
    expect(at(21_500)).toBe(100);
    expect(scoreLiveAnswer({ ...base, maxBonus: 10, receivedAtMs: base.openedAtMs + 21_500 }).savedMs).toBe(0);
    // A clock skew never gives more than the whole bonus.
    expect(at(-300)).toBe(1100);
    // Wrong answers earn no bonus however fast.
    expect(scoreLiveAnswer({ ...base, maxBonus: 10, optionIds: ['b'], receivedAtMs: base.openedAtMs }).award).toBe(0);
    expect(maxLiveAward(1, 10)).toBe(1100);
    expect(maxLiveAward(2, null)).toBe(200);
  });

  it('orders the board by points, then by less total answer time', () => {
    expect(boardValue(200, 0)).toBeGreaterThan(boardValue(100, 999_999));
    expect(boardValue(100, 5000)).toBeGreaterThan(boardValue(100, 4000));
    expect(liveTimeTaken(3, 20_000, 15_000)).toBe(45_000);
  });
});

describe('live-final question order', () => {
  const q = (n: number, questionId = `q${n}`) => ({ versionId: `v${n}`, questionId });
  it('takes count per rule, the same for every instance, and different rounds differ', () => {
    const rules = [{ count: 3, questions: [1, 2, 3, 4, 5, 6].map((n) => q(n)) }];
    const a = liveOrder('round-1', rules);
    expect(a).toHaveLength(3);
    expect(liveOrder('round-1', rules)).toEqual(a);
    const orders = new Set(
      ['round-1', 'round-2', 'round-3', 'round-4'].map((r) =>
        liveOrder(r, rules)
          .map((x) => x.versionId)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('never shows a question twice when rules overlap', () => {
    const shared = [1, 2, 3].map((n) => q(n));
    const out = liveOrder('r', [
      { count: 2, questions: shared },
      { count: 1, questions: shared },
    ]);
    expect(new Set(out.map((x) => x.questionId)).size).toBe(3);
  });
});
