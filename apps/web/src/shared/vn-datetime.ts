/**
 * Date-times typed as text, "dd/MM/yyyy HH:mm" in Vietnam time (UTC+7, no daylight saving).
 * Native date/time pickers render in the browser's language (an en-US phone shows
 * mm/dd/yyyy and AM/PM whatever the page says), so staff forms use a text field in the
 * Vietnamese order instead, with separators inserted while typing so a numeric keypad
 * is enough on phones. Pure: no DOM.
 */

const VN_OFFSET_H = 7;
/** Digits in each part of dd/MM/yyyy HH:mm, and the separator after each part. */
const GROUPS = [2, 2, 4, 2, 2];
const SEPARATORS = ['/', '/', ' ', ':'];

export const VN_DATETIME_PLACEHOLDER = 'dd/mm/yyyy hh:mm';
export const VN_DATETIME_EXAMPLE = '01/07/2025 08:30';

/**
 * Helps typing: digits flow into the next part (the "/", " " and ":" appear by themselves),
 * "." and runs of spaces become the right separator. Deleting is left alone, and so is any
 * other form (a pasted "2025-07-01T08:30", "8h30"), which the parser reads or names as wrong.
 */
export function maskVnDateTime(next: string, previous = ''): string {
  if (next.length < previous.length || !/^[\d/:. ]*$/.test(next)) return next;
  const trailing = /[/:. ]$/.test(next);
  const out: string[] = [];
  for (let part of next.split(/[/:. ]+/).filter(Boolean)) {
    while (part.length > (GROUPS[out.length] ?? 0)) {
      if (out.length >= GROUPS.length) return previous; // more digits than the pattern holds
      out.push(part.slice(0, GROUPS[out.length]));
      part = part.slice(GROUPS[out.length - 1]);
    }
    if (part) out.push(part);
  }
  let text = out.map((p, i) => (i ? SEPARATORS[i - 1] : '') + p).join('');
  if (trailing && out.length && out.length <= SEPARATORS.length) text += SEPARATORS[out.length - 1];
  return text;
}

export type VnDateTimeCheck = { iso: string; problem?: undefined } | { iso?: undefined; problem: string };

const SHAPE = `Nhập theo dạng ngày/tháng/năm giờ:phút, ví dụ ${VN_DATETIME_EXAMPLE}.`;

/** Reads "1/7/2025 8:30" (also "01.07.2025 8h30", or "2025-07-01T08:30") as Vietnam time. */
export function checkVnDateTime(text: string): VnDateTimeCheck {
  const t = text.trim().replace(/\s+/g, ' ');
  let parts: number[];
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}),? (\d{1,2})[:hH.](\d{2})$/.exec(t);
  if (m) parts = [m[3], m[2], m[1], m[4], m[5]].map(Number);
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::00)?$/.exec(t))) parts = m.slice(1, 6).map(Number);
  else if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(t)) return { problem: `Thiếu giờ: thêm giờ:phút sau ngày, ví dụ ${VN_DATETIME_EXAMPLE}.` };
  else return { problem: SHAPE };
  const [y, mo, d, h, mi] = parts;
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || day.getUTCDate() !== d || day.getUTCMonth() !== mo - 1 || y < 2000 || y > 2100) {
    return { problem: `Ngày ${pad(d)}/${pad(mo)}/${y} không có trên lịch.` };
  }
  if (h > 23 || mi > 59) return { problem: 'Giờ phải từ 00:00 đến 23:59.' };
  return { iso: new Date(Date.UTC(y, mo - 1, d, h - VN_OFFSET_H, mi)).toISOString() };
}

/** ISO UTC of a typed Vietnam time, or null when it is not one. */
export function parseVnDateTime(text: string): string | null {
  return checkVnDateTime(text).iso ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO UTC → "01/07/2025 08:30" in Vietnam time, the text the field holds. */
export function formatVnDateTimeInput(iso: string | null | undefined): string {
  const t = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(t)) return '';
  const v = new Date(t + VN_OFFSET_H * 3_600_000);
  return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
}

const WEEKDAY = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Ba, 01/07/2025 lúc 08:30": read back under the field, so a slip of day or month shows. */
export function spellVnDateTime(iso: string): string {
  const v = new Date(Date.parse(iso) + VN_OFFSET_H * 3_600_000);
  const [date, time] = formatVnDateTimeInput(iso).split(' ');
  return `${WEEKDAY[v.getUTCDay()]}, ${date} lúc ${time}`;
}
