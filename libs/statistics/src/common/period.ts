/**
 * Calendar days and reporting periods in Vietnam time (UTC+7, no daylight saving), as
 * organisers count them: a day runs 00:00–24:00 in Hà Nội, not in UTC.
 */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** Whether `s` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The instant a Vietnam day starts. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS);
}

/** The Vietnam day an instant falls on. */
export function vnDay(d: Date): string {
  return new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** An inclusive range of Vietnam days as the half-open interval of instants SQL filters on. */
export interface DayRange {
  from: string | null;
  to: string | null;
  /** Inclusive start instant, or null for "since the beginning". */
  start: Date | null;
  /** Exclusive end instant (the start of the day after `to`), or null for "until now". */
  end: Date | null;
}

export function dayRange(from: string | null, to: string | null): DayRange {
  return { from, to, start: from ? dayStart(from) : null, end: to ? dayStart(addDays(to, 1)) : null };
}

/** The longest series of days filled in with zeros: ten years is more than any contest runs. */
export const MAX_FILLED_DAYS = 3660;

/**
 * Every day from `first` to `last` (inclusive), with the rows that exist and `empty(day)`
 * for the days nobody entered, so a chart shows the quiet days too. Rows must be sorted.
 */
export function fillDays<T extends { date: string }>(rows: T[], first: string | null, last: string | null, empty: (day: string) => T): T[] {
  const lo = first ?? rows[0]?.date;
  const hi = last ?? rows[rows.length - 1]?.date;
  if (!lo || !hi || hi < lo || daysBetween(lo, hi) > MAX_FILLED_DAYS) return rows;
  const byDay = new Map(rows.map((r) => [r.date, r]));
  const out: T[] = [];
  for (let d = lo; d <= hi; d = addDays(d, 1)) out.push(byDay.get(d) ?? empty(d));
  return out;
}

/** A reporting period: a half year (1: January–June, 2: July–December) or a whole year. */
export interface ReportPeriod {
  year: number;
  half: 1 | 2 | null;
  /** First and last day, inclusive. */
  from: string;
  to: string;
  label: string;
}

export function reportPeriod(year: number, half: 1 | 2 | null): ReportPeriod {
  const from = half === 2 ? `${year}-07-01` : `${year}-01-01`;
  const to = half === 1 ? `${year}-06-30` : `${year}-12-31`;
  const label = half === 1 ? `6 tháng đầu năm ${year}` : half === 2 ? `6 tháng cuối năm ${year}` : `Năm ${year}`;
  return { year, half, from, to, label };
}

/** The period a report compares with: the half before, or the year before. */
export function previousPeriod(p: ReportPeriod): ReportPeriod {
  if (p.half === 2) return reportPeriod(p.year, 1);
  if (p.half === 1) return reportPeriod(p.year - 1, 2);
  return reportPeriod(p.year - 1, null);
}

/** Relative change in percent, one decimal; null when there is nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}
