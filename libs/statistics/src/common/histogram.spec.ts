import { percent, scoreBands } from './histogram';

describe('score bands', () => {
  it('always has ten bands of ten percent, empty ones at zero', () => {
    const b = scoreBands([
      { band: 0, count: 2 },
      { band: 9, count: 5 },
    ]);
    expect(b).toHaveLength(10);
    expect(b[0]).toEqual({ fromPercent: 0, toPercent: 10, count: 2 });
    expect(b[4]).toEqual({ fromPercent: 40, toPercent: 50, count: 0 });
    expect(b[9]).toEqual({ fromPercent: 90, toPercent: 100, count: 5 });
  });
  it('rounds percentages to one decimal and has none of nothing', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
  });
});
