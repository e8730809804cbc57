import { chunkKey, type DayChunk, planTallies } from './plan';

const chunk = (day: string, entries: number, fingerprint = `${entries}:x`, roundId = 'r1'): DayChunk => ({ roundId, day, entries, fingerprint });

describe('planTallies', () => {
  it('reuses chunks whose fingerprint still matches and groups the rest', () => {
    const chunks = [chunk('2026-05-02', 10), chunk('2026-05-01', 20), chunk('2026-05-03', 5)];
    const cached = new Map([
      [chunkKey(chunks[1]), chunks[1].fingerprint],
      [chunkKey(chunks[0]), 'old'],
    ]);
    const p = planTallies(chunks, cached, 1000);
    expect(p.reuse.map((c) => c.day)).toEqual(['2026-05-01']);
    expect(p.compute.map((c) => c.day)).toEqual(['2026-05-02', '2026-05-03']);
    expect(p.defer).toEqual([]);
  });
  it('never groups more entries in a request than the budget, oldest days first', () => {
    const p = planTallies([chunk('2026-05-03', 40), chunk('2026-05-01', 60), chunk('2026-05-02', 50)], new Map(), 100);
    expect(p.compute.map((c) => c.day)).toEqual(['2026-05-01', '2026-05-03']);
    expect(p.defer.map((c) => c.day)).toEqual(['2026-05-02']);
  });
  it('defers a single day bigger than the budget', () => {
    const p = planTallies([chunk('2026-05-01', 500)], new Map(), 100);
    expect(p.compute).toEqual([]);
    expect(p.defer).toHaveLength(1);
  });
});
