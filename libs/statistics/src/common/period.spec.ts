import { dayRange, dayStart, fillDays, isDay, percentChange, previousPeriod, reportPeriod, vnDay } from './period';

describe('Vietnam days', () => {
  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(isDay('hôm qua')).toBe(false);
    expect(isDay(20260101)).toBe(false);
  });
  it('starts a day at midnight in Hà Nội (17:00 UTC the day before)', () => {
    expect(dayStart('2026-05-04').toISOString()).toBe('2026-05-03T17:00:00.000Z');
    expect(vnDay(new Date('2026-05-03T16:59:59.999Z'))).toBe('2026-05-03');
    expect(vnDay(new Date('2026-05-03T17:00:00.000Z'))).toBe('2026-05-04');
  });
  it('turns an inclusive range of days into a half-open interval of instants', () => {
    const r = dayRange('2026-05-01', '2026-05-31');
    expect(r.start!.toISOString()).toBe('2026-04-30T17:00:00.000Z');
    expect(r.end!.toISOString()).toBe('2026-05-31T17:00:00.000Z');
    expect(dayRange(null, null)).toEqual({ from: null, to: null, start: null, end: null });
  });
  it('fills the quiet days with zeros, and leaves absurd ranges alone', () => {
    const rows = [
      { date: '2026-05-02', n: 3 },
      { date: '2026-05-05', n: 1 },
    ];
    const filled = fillDays(rows, null, null, (date) => ({ date, n: 0 }));
    expect(filled.map((r) => `${r.date}:${r.n}`)).toEqual(['2026-05-02:3', '2026-05-03:0', '2026-05-04:0', '2026-05-05:1']);
    expect(fillDays(rows, '2026-05-01', '2026-05-02', (date) => ({ date, n: 0 })).map((r) => r.n)).toEqual([0, 3]);
    expect(fillDays(rows, '1900-01-01', '2026-05-05', (date) => ({ date, n: 0 }))).toBe(rows);
    expect(fillDays([], null, null, (date) => ({ date, n: 0 }))).toEqual([]);
  });
});

describe('reporting periods', () => {
  it('has halves and years, each compared with the period before', () => {
    expect(reportPeriod(2026, 1)).toEqual({ year: 2026, half: 1, from: '2026-01-01', to: '2026-06-30', label: '6 tháng đầu năm 2026' });
    expect(reportPeriod(2026, 2)).toMatchObject({ from: '2026-07-01', to: '2026-12-31', label: '6 tháng cuối năm 2026' });
    expect(reportPeriod(2026, null)).toMatchObject({ from: '2026-01-01', to: '2026-12-31', label: 'Năm 2026' });
    expect(previousPeriod(reportPeriod(2026, 1))).toMatchObject({ year: 2025, half: 2 });
    expect(previousPeriod(reportPeriod(2026, 2))).toMatchObject({ year: 2026, half: 1 });
    expect(previousPeriod(reportPeriod(2026, null))).toMatchObject({ year: 2025, half: null });
  });
  it('gives the relative change, or null when there was nothing before', () => {
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(1, 3)).toBe(-66.7);
    expect(percentChange(5, 0)).toBeNull();
  });
});
