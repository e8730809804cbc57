import fc from 'fast-check';
import type { LeaderboardRow } from '../leaderboard.types';
import { applyTopPatch, compactId, expandId, topPatchOf } from './top-patch';

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
    // Its unit and province are those of previous row 0.
    expect(patch).toEqual({ base: 'h1', rows: [0, [2, 'n', 'Nguyễn Thị n', 0, 0, 19, 60_002], [1, 3], [2, 4]] });
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
      [1, 'b', 'Nguyễn Thị b', 0, 0, 25, 60_002],
      [0, 2],
    ]);
  });

  it('says rows with nothing in common as tuples, shorter than the rows', () => {
    const next = top(['x', 'y']).map((r, i) => ({ ...r, unit: `Xã Mới ${i}`, province: 'Hà Nội' }));
    const patch = topPatchOf('h', top(['a', 'b']), next);
    expect(patch.rows.every((r) => Array.isArray(r) && r.length === 7)).toBe(true);
    // The second row's province is said as the first new row's.
    expect(patch.rows[1]).toEqual([2, 'y', 'Nguyễn Thị y', 'Xã Mới 1', -1, 19, 60_002]);
    expect(applyTopPatch([], patch.rows)).toEqual(next);
    expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(next).length * 0.7);
  });

  it('says a user id in 22 characters and a text once', () => {
    const id = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
    expect(compactId(id)).toHaveLength(22);
    expect(expandId(compactId(id))).toBe(id);
    expect(compactId('n')).toBe('n');
    expect(expandId('n')).toBe('n');
    const prev = top(['a']);
    const next = [row(id, 1, 30), { ...prev[0], rank: 2 }];
    const patch = topPatchOf('h', prev, next);
    expect(patch.rows).toEqual([
      [1, compactId(id), `Nguyễn Thị ${id}`, 0, 0, 30, 60_001],
      [0, 2],
    ]);
    expect(applyTopPatch(prev, patch.rows)).toEqual(next);
    // A reference is to a row with the text; a text no row had yet goes as it is.
    const many = top('abcdefghijk'.split('')).map((r) => ({ ...r, unit: 'A', province: null }));
    const fresh = many.map((r) => ({ ...r, userId: r.userId.toUpperCase() }));
    expect(topPatchOf('h', [], fresh).rows[10]).toEqual([11, 'K', 'Nguyễn Thị k', -1, null, 10, 60_011]);
    expect(topPatchOf('h', [], [...fresh.slice(0, 10).map((r) => ({ ...r, unit: `${r.userId}x` })), fresh[10]]).rows[10]).toEqual([
      11,
      'K',
      'Nguyễn Thị k',
      'A',
      null,
      10,
      60_011,
    ]);
  });

  it('refuses a patch that points outside the rows held', () => {
    expect(applyTopPatch(top(['a']), [0, 3])).toBeNull();
    expect(applyTopPatch(top(['a']), [[2, 1]])).toBeNull();
    // Neither a moved row nor a whole one.
    expect(applyTopPatch(top(['a']), [[0, 1, 'x'] as never])).toBeNull();
    expect(applyTopPatch(top(['a']), [{ rank: 1 } as never])).toBeNull();
    // A text said as a row that is not there (previous row 3, or a new row not yet built).
    expect(applyTopPatch(top(['a']), [[1, 'x', 'X', 3, null, 1, 1]])).toBeNull();
    expect(applyTopPatch(top(['a']), [[1, 'x', 'X', -1, null, 1, 1]])).toBeNull();
  });

  it('rebuilds any next top from any previous one', () => {
    const ids = fc.uniqueArray(fc.oneof(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), fc.uuid()), { maxLength: 20 });
    const text = fc.constantFrom(null, 'A', 'Phường Bãi Cháy', 'Xã Tiên Lãng', 'Quảng Ninh', 'Hà Nội');
    const texts = fc.array(fc.tuple(text, text), { minLength: 20, maxLength: 20 });
    fc.assert(
      fc.property(ids, ids, fc.boolean(), texts, texts, (a, b, rescore, ta, tb) => {
        const prev = top(a).map((r, i) => ({ ...r, unit: ta[i][0], province: ta[i][1] }));
        const next = b.map((id, i) => {
          const p = prev.find((r) => r.userId === id);
          const moved = p && i % 2 === 0 ? { unit: p.unit, province: p.province } : { unit: tb[i][0], province: tb[i][1] };
          return { ...row(id, i + 1, rescore && i % 3 === 0 ? 30 - i : 20 - i), ...moved };
        });
        expect(applyTopPatch(prev, topPatchOf('h', prev, next).rows)).toEqual(next);
      }),
      { numRuns: 500 },
    );
  });
});
