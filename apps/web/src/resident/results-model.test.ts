import { describe, expect, it } from 'vitest';
import { readResults } from './results-model';

describe('readResults', () => {
  it('reads a paged ranking with awards and explanations', () => {
    const v = readResults({
      status: 'published',
      items: [{ rank: 1, displayName: 'Nguyễn Văn An', unit: 'UBND xã A', score: '10', timeTakenMs: 90000, award: { name: 'Giải Nhất' }, why: ['10 điểm', 'dự đoán lệch 3'] }],
      total: 1,
      awards: [{ name: 'Giải Nhất', winners: [{ fullName: 'Nguyễn Văn An' }] }],
      predictionQuestion: { actual: 412 },
    });
    expect(v.published).toBe(true);
    expect(v.rows[0]).toMatchObject({ rank: 1, name: 'Nguyễn Văn An', score: 10, award: 'Giải Nhất', why: '10 điểm; dự đoán lệch 3' });
    expect(v.awards).toEqual([{ name: 'Giải Nhất', winners: ['Nguyễn Văn An'] }]);
    expect(v.actual).toBe(412);
  });

  it('accepts a bare array and a ranking key', () => {
    expect(readResults([{ place: 2, user: { fullName: 'B' } }]).rows[0]).toMatchObject({ rank: 2, name: 'B' });
    expect(readResults({ ranking: [{ rank: 1, fullName: 'C' }] }).rows[0].name).toBe('C');
    expect(readResults(null)).toMatchObject({ rows: [], published: false });
  });
});
