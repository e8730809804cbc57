import { describe, expect, it } from 'vitest';
import type { LeaderboardRow } from '../shared/api/types';
import type { NewTopRow, TopPatch } from '../shared/live/live';
import { concealedNotice, expandId, foldTop, type HeldTop, myRankText } from './leaderboard-model';

const entrants = { reason: 'prediction_open' as const, topN: 20, hidden: ['total', 'ranks-beyond-top'] as const };

describe('leaderboard while the prediction is open', () => {
  it('says what is hidden and why', () => {
    expect(concealedNotice({ ...entrants, hidden: [...entrants.hidden] })).toBe(
      'Vòng thi có câu hỏi dự đoán và đang mở: bảng xếp hạng chỉ hiện 20 người đứng đầu, không hiện tổng số người dự thi, để không ai đọc được đáp án. Đầy đủ sau khi vòng thi đóng.',
    );
    expect(concealedNotice({ reason: 'prediction_open', topN: 20, hidden: ['total', 'scores', 'ranks-beyond-top'] })).toContain(
      'không hiện tổng số người dự thi và điểm của người khác',
    );
  });

  it('gives the own rank inside the top, and the reason outside it', () => {
    const c = { ...entrants, hidden: [...entrants.hidden] };
    expect(myRankText({ rank: 3, score: 7.5 }, null, c)).toBe('Thứ hạng của bạn: 3 · 7,5 điểm');
    expect(myRankText({ rank: 3, score: 7 }, 40, null)).toBe('Thứ hạng của bạn: 3/40 · 7 điểm');
    expect(myRankText({ rank: null, score: 2 }, null, c)).toBe('Bạn ngoài 20 người đứng đầu; thứ hạng được giữ kín đến khi vòng thi đóng · 2 điểm');
    expect(myRankText({ rank: null, score: null }, null, c)).toBeNull();
  });
});

describe('live pushes that leave the unchanged top out', () => {
  const row = (rank: number, displayName: string, unit: string): LeaderboardRow => ({
    rank,
    userId: `u${rank}`,
    displayName,
    unit,
    province: 'Quảng Ninh',
    score: 10 - rank,
    timeTakenMs: 60_000 + rank,
  });
  const joined: HeldTop = { rows: [row(1, 'Nguyễn T. B.', 'Phường Hạ Long'), row(2, 'Trần V. A.', 'Trường THPT Hòn Gai')], topHash: 'h1' };

  it('keeps the rows held when a push names them, and takes the rows a push brings', () => {
    const same = foldTop(joined, { topHash: 'h1' });
    expect(same).toBe(joined);
    expect(same?.rows?.map((r) => r.displayName)).toEqual(['Nguyễn T. B.', 'Trần V. A.']);
    const changed = [row(1, 'Lê T. C.', 'Phường Bãi Cháy'), ...joined.rows!.map((r) => ({ ...r, rank: r.rank + 1 }))];
    expect(foldTop(same!, { top: changed, topHash: 'h2' })).toEqual({ rows: changed, topHash: 'h2' });
    // Many pushes later, still the same rows.
    let held = foldTop(same!, { top: changed, topHash: 'h2' })!;
    for (let i = 0; i < 5; i++) held = foldTop(held, { topHash: 'h2' })!;
    expect(held.rows).toBe(changed);
  });

  it('an empty board pushed in full is held as empty rows, not as none', () => {
    const empty = foldTop({ rows: null, topHash: null }, { top: [], topHash: 'h0' });
    expect(empty).toEqual({ rows: [], topHash: 'h0' });
    expect(foldTop(empty!, { topHash: 'h0' })).toBe(empty);
  });

  it('asks to join again when the rows held are not the ones a push names (missed push, or rows read over HTTP)', () => {
    expect(foldTop(joined, { topHash: 'h9' })).toBeNull();
    expect(foldTop({ rows: joined.rows, topHash: null }, { topHash: 'h1' })).toBeNull();
    // Nothing held yet: a push without rows cannot fill the page.
    expect(foldTop({ rows: null, topHash: null }, { topHash: 'h1' })).toBeNull();
  });

  it('builds a changed top from a patch on the rows held, and asks to join again when it was made against others', () => {
    const newcomer = row(1, 'Lê T. C.', 'Phường Bãi Cháy');
    const asTuple: NewTopRow = [1, 'u1', 'Lê T. C.', 'Phường Bãi Cháy', 'Quảng Ninh', 9, 60_001];
    const patch: TopPatch = { base: 'h1', rows: [asTuple, [0, 2], [1, 3]] };
    expect(foldTop(joined, { topPatch: patch, topHash: 'h2' })).toEqual({
      rows: [newcomer, { ...joined.rows![0], rank: 2 }, { ...joined.rows![1], rank: 3 }],
      topHash: 'h2',
    });
    expect(foldTop(joined, { topPatch: { base: 'h1', rows: [1, 0] }, topHash: 'h3' })?.rows).toEqual([joined.rows![1], joined.rows![0]]);
    expect(foldTop(joined, { topPatch: { ...patch, base: 'h0' }, topHash: 'h2' })).toBeNull();
    expect(foldTop({ rows: null, topHash: null }, { topPatch: patch, topHash: 'h2' })).toBeNull();
    // A place the rows held do not have: join again rather than show a hole.
    expect(foldTop(joined, { topPatch: { base: 'h1', rows: [0, 5] }, topHash: 'h2' })).toBeNull();
    // Neither a moved row nor a whole one (an older server's object row, a truncated tuple).
    expect(foldTop(joined, { topPatch: { base: 'h1', rows: [newcomer as never] }, topHash: 'h2' })).toBeNull();
    expect(foldTop(joined, { topPatch: { base: 'h1', rows: [[1, 'u1', 'Lê T. C.'] as never] }, topHash: 'h2' })).toBeNull();
  });

  it('reads a compact user id, and a unit or province said as the row that has it', () => {
    const id = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
    expect(expandId('9HrBC1jMQ3KlZw4CssPUeQ')).toBe(id);
    expect(expandId('u1')).toBe('u1');
    // Row 1 shares previous row 1's unit and previous row 0's province; row 2 the new row 0's unit.
    const patch: TopPatch = {
      base: 'h1',
      rows: [
        [1, '9HrBC1jMQ3KlZw4CssPUeQ', 'Lê T. C.', 'Xã Mới', 0, 9, 60_001],
        [2, 'u9', 'Võ T. D.', 1, 0, 8, 60_002],
        [3, 'u8', 'Đỗ V. E.', -1, null, 7, 60_003],
      ],
    };
    const rows = foldTop(joined, { topPatch: patch, topHash: 'h2' })?.rows;
    expect(rows?.map((r) => [r.userId, r.unit, r.province])).toEqual([
      [id, 'Xã Mới', 'Quảng Ninh'],
      ['u9', 'Trường THPT Hòn Gai', 'Quảng Ninh'],
      ['u8', 'Xã Mới', null],
    ]);
    // A reference to a row that is not there (yet): join again.
    expect(foldTop(joined, { topPatch: { base: 'h1', rows: [[1, 'u1', 'Lê T. C.', 2, null, 9, 1]] }, topHash: 'h2' })).toBeNull();
    expect(foldTop(joined, { topPatch: { base: 'h1', rows: [[1, 'u1', 'Lê T. C.', -1, null, 9, 1]] }, topHash: 'h2' })).toBeNull();
  });
});
