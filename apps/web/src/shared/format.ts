/** Dates are stored UTC and shown in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export const VN_TZ = 'Asia/Ho_Chi_Minh';
const VN_OFFSET_MS = 7 * 3_600_000;

const dateTimeFmt = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VN_TZ,
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour12: false,
});

/** "08:30, 01/07/2025" in Vietnam time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const parts = Object.fromEntries(dateTimeFmt.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute}, ${parts.day}/${parts.month}/${parts.year}`;
}

/** A duration in Vietnamese words: "1 giờ 5 phút", "20 phút", "45 giây". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} giờ`);
  if (m) parts.push(`${m} phút`);
  if (sec && !h) parts.push(`${sec} giây`);
  return parts.join(' ') || '0 giây';
}

/** Time taken as "3 phút 12,5 giây" (comma decimal, as written in Vietnamese). */
export function formatTimeTaken(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const totalTenths = Math.round(ms / 100);
  const m = Math.floor(totalTenths / 600);
  const s = (totalTenths % 600) / 10;
  const sText = s.toFixed(s % 1 === 0 ? 0 : 1).replace('.', ',');
  return m ? `${m} phút ${sText} giây` : `${sText} giây`;
}

export function formatScore(score: number | null | undefined, max?: number | null): string {
  if (score === null || score === undefined) return '—';
  const f = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace('.', ','));
  return max !== null && max !== undefined ? `${f(score)}/${f(max)}` : f(score);
}

/** ISO (UTC) → value of an <input type="datetime-local"> showing Vietnam time. */
export function isoToVnLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  return new Date(t + VN_OFFSET_MS).toISOString().slice(0, 16);
}

/** <input type="datetime-local"> value typed as Vietnam time → ISO UTC, or null. */
export function vnLocalInputToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}+07:00`);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** Whole years of age on a date, from YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, on: Date): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = on.getFullYear() - y;
  if (on.getMonth() + 1 < mo || (on.getMonth() + 1 === mo && on.getDate() < d)) age--;
  return age;
}

export const ATTEMPT_STATUS_LABEL: Record<string, string> = {
  in_progress: 'Đang làm',
  submitted: 'Đã nộp',
  expired: 'Hết giờ (đã chấm)',
  void: 'Bị hủy kết quả',
};

export const ROUND_STATUS_LABEL: Record<string, string> = {
  draft: 'Nháp',
  scheduled: 'Sắp mở',
  open: 'Đang mở',
  closed: 'Đã đóng',
  published: 'Đã công bố kết quả',
};

export const CONTEST_STATUS_LABEL: Record<string, string> = {
  draft: 'Nháp',
  published: 'Đang diễn ra',
  closed: 'Đã kết thúc',
  archived: 'Lưu trữ',
};

/** Where a round stands for a resident right now, from its times when the status is absent. */
export function roundPhase(r: { status?: string; opensAt: string; closesAt: string }, serverNowMs: number): 'upcoming' | 'open' | 'closed' | 'published' {
  if (r.status === 'published') return 'published';
  if (r.status === 'closed') return 'closed';
  const opens = Date.parse(r.opensAt);
  const closes = Date.parse(r.closesAt);
  if (serverNowMs < opens) return 'upcoming';
  if (serverNowMs >= closes) return 'closed';
  return 'open';
}
