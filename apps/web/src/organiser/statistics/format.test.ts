import { describe, expect, it } from 'vitest';
import { formatDay, formatPercent, niceMax, orUnknown, periodProblems, topRows } from './format';

describe('statistics formatting', () => {
  it('writes numbers, percentages and days the Vietnamese way', () => {
    expect(formatPercent(45.5)).toBe('45,5%');
    expect(formatPercent(null)).toBe('—');
    expect(formatDay('2026-05-04')).toBe('04/05/2026');
    expect(formatDay('2026-05-04', true)).toBe('04/05');
    expect(orUnknown(null)).toBe('Không rõ');
    expect(orUnknown(' ')).toBe('Không rõ');
  });
  it('keeps the biggest rows and sums the rest into one', () => {
    const rows = [5, 1, 9, 3, 7].map((value, i) => ({ label: `u${i}`, value }));
    expect(topRows(rows, 10)).toBe(rows);
    expect(topRows(rows, 3)).toEqual([
      { label: 'u2', value: 9 },
      { label: 'u4', value: 7 },
      { label: 'Khác (3)', value: 9 },
    ]);
  });
  it('rounds the top of an axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(130)).toBe(200);
    expect(niceMax(500)).toBe(500);
  });
  it('checks a period before asking the server', () => {
    expect(periodProblems('', '')).toEqual({});
    expect(periodProblems('2026-02-30', '')).toEqual({ from: 'Ngày bắt đầu không hợp lệ' });
    expect(periodProblems('2026-05-02', '2026-05-01')).toEqual({ to: 'Ngày kết thúc phải sau hoặc trùng ngày bắt đầu' });
    expect(periodProblems('2026-05-01', '2026-05-01')).toEqual({});
  });
});
