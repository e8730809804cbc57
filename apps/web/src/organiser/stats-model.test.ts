import { describe, expect, it } from 'vitest';
import { readStats, statName } from './stats-model';

describe('readStats', () => {
  it('finds figures and bar series in nested statistics', () => {
    const v = readStats({
      entries: 1200,
      uniqueEntrants: 950,
      perDay: [{ day: '2026-05-04', entries: 300 }, { day: '2026-05-05', entries: 900 }],
      rounds: { r1: { scoreDistribution: [{ bucket: '0-5', count: 10 }] } },
      note: 'x',
    });
    expect(v.figures).toEqual([
      { key: 'entries', value: 1200 },
      { key: 'uniqueEntrants', value: 950 },
    ]);
    expect(v.series.map((s) => s.key)).toEqual(['perDay', 'rounds.r1.scoreDistribution']);
    expect(v.series[0].rows[1]).toEqual({ label: '2026-05-05', value: 900 });
    expect(statName('rounds.r1.scoreDistribution')).toBe('Phân bố điểm');
  });
});
