import { diffRankings, PlaceSnapshot } from './diff';

const p = (personId: string, rank: number, o: Partial<PlaceSnapshot> = {}): PlaceSnapshot => ({
  personId,
  rank,
  attemptId: `${personId}-1`,
  score: 10 - rank,
  ...o,
});

describe('diffRankings (audited corrections)', () => {
  it('lists only what changed, best place first', () => {
    const before = [p('a', 1, { award: 'nhat' }), p('b', 2, { award: 'nhi' }), p('c', 3), p('d', 4)];
    const after = [p('b', 1, { award: 'nhat', score: 8 }), p('c', 2, { award: 'nhi', score: 7 }), p('d', 4), p('e', 5, { score: 5 })];
    const d = diffRankings(before, after);
    expect(d.map((c) => [c.personId, c.changed])).toEqual([
      ['a', ['removed']],
      ['b', ['rank', 'award']],
      ['c', ['rank', 'award']],
      ['e', ['added']],
    ]);
    expect(d[1].before!.rank).toBe(2);
    expect(d[1].after!.rank).toBe(1);
  });

  it('is empty when nothing changed, and treats a missing award as none', () => {
    expect(diffRankings([p('a', 1, { award: null })], [p('a', 1)])).toEqual([]);
  });
});
