import type { QuestionFlag } from './types';

const intFmt = new Intl.NumberFormat('vi-VN');
const decFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** 12345 → "12.345" (Vietnamese grouping). */
export const formatCount = (n: number): string => intFmt.format(n);

/** 45.5 → "45,5%"; null → "—". */
export const formatPercent = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : `${decFmt.format(n)}%`);

/** 2026-05-04 → "04/05/2026"; short: "04/05". */
export function formatDay(day: string, short = false): string {
  const [y, m, d] = day.split('-');
  return short ? `${d}/${m}` : `${d}/${m}/${y}`;
}

export const FLAG_TEXT: Record<QuestionFlag, string> = {
  too_hard: 'Tỷ lệ đúng rất thấp',
  too_easy: 'Tỷ lệ đúng rất cao',
  key_suspect: 'Phương án sai được chọn nhiều hơn đáp án — kiểm tra đáp án',
};

export const QUESTION_TYPE_TEXT: Record<string, string> = {
  single: 'Một đáp án',
  multiple: 'Nhiều đáp án',
  true_false: 'Đúng/Sai',
  numeric: 'Số',
  short_text: 'Trả lời ngắn',
  essay: 'Tự luận',
};

export interface BarRow {
  label: string;
  value: number;
  /** Drawn in the warning colour and named in the text alternative. */
  highlight?: boolean;
}

/**
 * The biggest `limit` rows, the rest summed into one "Khác" row, so a chart of 3,000
 * communes stays readable (the table and the spreadsheet keep every row).
 */
export function topRows(rows: BarRow[], limit: number, otherLabel = 'Khác'): BarRow[] {
  if (rows.length <= limit) return rows;
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  const rest = sorted.slice(limit - 1).reduce((n, r) => n + r.value, 0);
  return [...sorted.slice(0, limit - 1), { label: `${otherLabel} (${formatCount(rows.length - limit + 1)})`, value: rest }];
}

/** The label of a place or unit the entrant did not give. */
export const orUnknown = (s: string | null | undefined): string => (s && s.trim() ? s : 'Không rõ');

/** A round number for a chart's top: 1, 2, 5 × 10^k at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** Whether `s` is a day the API accepts (YYYY-MM-DD, a real date). */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Problems of a from/to filter, by field, in Vietnamese (empty when fine). */
export function periodProblems(from: string, to: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (from && !isDay(from)) out.from = 'Ngày bắt đầu không hợp lệ';
  if (to && !isDay(to)) out.to = 'Ngày kết thúc không hợp lệ';
  if (!out.from && !out.to && from && to && from > to) out.to = 'Ngày kết thúc phải sau hoặc trùng ngày bắt đầu';
  return out;
}
