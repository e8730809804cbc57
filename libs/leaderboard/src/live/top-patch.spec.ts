import fc from 'fast-check';
import type { LeaderboardRow } from '../leaderboard.types';
import { applyTopPatch, topPatchOf } from './top-patch';

const row = (userId: string, rank: number, score = 10, name = `Nguyễn Thị ${userId}`): LeaderboardRow => ({
  rank,
  userId,
  displayName: name,
  unit: 'Phường Bãi Cháy',
  province: 'Quảng Ninh',
  score,
  timeTakenMs: 60_000 + rank,
});
const top = (ids: string[]) => ids.map((id, i) => row(id, i + 1, 20 - i));

describe('topPatchOf / applyTopPatch', () => {
  it('says a newcomer at rank 2 as one row and the others as their old places', () => {
    const prev = top(['a', 'b', 'c', 'd']);
    const next = [prev[0], row('n', 2, 19), { ...prev[1], rank: 3 }, { ...prev[2], rank: 4 }];
    const patch = topPatchOf('h1', prev, next);
    expect(patch).toEqual({ base: 'h1', rows: [0, [2, 'n', 'Nguyễn Thị n', 'Phường Bãi Cháy', 'Quảng Ninh', 19, 60_002], [1, 3], [2, 4]] });
    expect(applyTopPatch(prev, patch.rows)).toEqual(next);
    expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(next).length / 2);
  });

  it('sends a changed score or name as the row itself', () => {
    const prev = top(['a', 'b']);
    const next = [
      { ...prev[1], rank: 1, score: 25 },
      { ...prev[0], rank: 2 },
    ];
    expect(topPatchOf('h', prev, next).rows).toEqual([
      [1, 'b', 'Nguyễn Thị b', 'Phường Bãi Cháy', 'Quảng Ninh', 25, 60_002],
      [0, 2],
    ]);
  });

  it('says rows with nothing in common as tuples, shorter than the rows', () => {
    const next = top(['x', 'y']);
    const patch = topPatchOf('h', top(['a', 'b']), next);
    expect(patch.rows.every((r) => Array.isArray(r) && r.length === 7)).toBe(true);
    expect(applyTopPatch([], patch.rows)).toEqual(next);
    expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(next).length * 0.7);
  });

  it('refuses a patch that points outside the rows held', () => {
    expect(applyTopPatch(top(['a']), [0, 3])).toBeNull();
    expect(applyTopPatch(top(['a']), [[2, 1]])).toBeNull();
    // Neither a moved row nor a whole one.
    expect(applyTopPatch(top(['a']), [[0, 1, 'x'] as never])).toBeNull();
    expect(applyTopPatch(top(['a']), [{ rank: 1 } as never])).toBeNull();
  });

  it('rebuilds any next top from any previous one', () => {
    const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), { maxLength: 20 });
    fc.assert(
      fc.property(ids, ids, fc.boolean(), (a, b, rescore) => {
        const prev = top(a);
        const next = b.map((id, i) => row(id, i + 1, rescore && i % 3 === 0 ? 30 - i : 20 - i));
        expect(applyTopPatch(prev, topPatchOf('h', prev, next).rows)).toEqual(next);
      }),
      { numRuns: 500 },
    );
  });
});
