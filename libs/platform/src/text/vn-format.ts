/** Display helpers: Vietnamese conventions (decimal comma, Asia/Ho_Chi_Minh wall time). */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
});

/** `dd/MM/yyyy HH:mm:ss.SSS` in Vietnam time. */
export function formatVnDateTime(d: Date, withMs = true): string {
  const p = Object.fromEntries(dateTime.formatToParts(d).map((x) => [x.type, x.value]));
  const base = `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
  return withMs ? `${base}.${p.fractionalSecond}` : base;
}

/** The day, month and year of `d` in Vietnam (for "ngày … tháng … năm …"). */
export function vnDateParts(d: Date): { day: number; month: number; year: number } {
  const shifted = new Date(d.getTime() + 7 * 3600_000); // Vietnam has no DST
  return { day: shifted.getUTCDate(), month: shifted.getUTCMonth() + 1, year: shifted.getUTCFullYear() };
}

export function formatNumber(x: number, lang: 'vi' | 'en', maxDecimals = 3): string {
  return x.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: maxDecimals, useGrouping: true });
}

/** 754_250 ms → "12 phút 34,25 giây" / "12 min 34.25 s". */
export function formatDuration(ms: number, lang: 'vi' | 'en'): string {
  const neg = ms < 0;
  let rest = Math.abs(ms);
  const h = Math.floor(rest / 3600_000);
  rest -= h * 3600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = formatNumber(rest / 1000, lang);
  const parts: string[] = [];
  if (lang === 'vi') {
    if (h) parts.push(`${h} giờ`);
    if (m || h) parts.push(`${m} phút`);
    parts.push(`${s} giây`);
  } else {
    if (h) parts.push(`${h} h`);
    if (m || h) parts.push(`${m} min`);
    parts.push(`${s} s`);
  }
  return (neg ? '-' : '') + parts.join(' ');
}
