import { formatTimeTaken } from '../shared/format';

/**
 * Integrity flags of an attempt as Vietnamese sentences for judges. The server stores
 * `{ code, at, detail }` (libs/attempts/src/integrity): too_fast with { timeTakenMs, answered,
 * minSecondsPerQuestion }, shared_device / shared_ip with { accounts }, identical_answers with
 * { with: attemptIds }. Evidence a sentence cannot use is still shown, with Vietnamese names.
 */

/** What each flag means, when its evidence is missing or of an older shape. */
const FLAG_LABEL: Record<string, string> = {
  too_fast: 'Làm bài nhanh bất thường',
  impossibly_fast: 'Làm bài nhanh bất thường',
  shared_device: 'Nhiều tài khoản trên một thiết bị',
  many_accounts_device: 'Nhiều tài khoản trên một thiết bị',
  shared_ip: 'Nhiều tài khoản từ một địa chỉ IP',
  many_accounts_ip: 'Nhiều tài khoản từ một địa chỉ IP',
  duplicate_national_id: 'Một CCCD trên nhiều tài khoản',
  duplicate_phone: 'Một số điện thoại trên nhiều tài khoản',
  focus_lost: 'Rời khỏi màn hình làm bài',
  identical_answers: 'Bài làm giống hệt bài khác',
};

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A short time as a judge reads it: "0,07 giây", "8,5 giây"; a longer one "3 phút 12,5 giây". */
export function formatShortTime(ms: number): string {
  return ms < 10_000 ? `${number.format(ms / 1000)} giây` : formatTimeTaken(ms);
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const shortId = (id: unknown) => String(id).slice(0, 8);

/** The sentence for a flag whose evidence has the shape the server writes; null otherwise. */
function sentence(code: string, d: Record<string, unknown>): string | null {
  switch (code) {
    case 'too_fast':
    case 'impossibly_fast': {
      const answered = num(d.answered);
      const ms = num(d.timeTakenMs);
      if (answered === null || ms === null) return null;
      const min = num(d.minSecondsPerQuestion);
      return `Làm quá nhanh: ${answered} câu trong ${formatShortTime(ms)}${min ? ` (ngưỡng: ít nhất ${number.format(min)} giây mỗi câu)` : ''}`;
    }
    case 'shared_device':
    case 'many_accounts_device': {
      const accounts = num(d.accounts);
      return accounts === null ? null : `Dùng chung thiết bị: ${accounts} tài khoản vào vòng thi này từ cùng một thiết bị`;
    }
    case 'shared_ip':
    case 'many_accounts_ip': {
      const accounts = num(d.accounts);
      return accounts === null ? null : `Dùng chung mạng: ${accounts} tài khoản vào vòng thi này từ cùng một địa chỉ IP`;
    }
    case 'identical_answers': {
      if (!Array.isArray(d.with) || !d.with.length) return null;
      return `Bài làm giống hệt ${d.with.length} lượt thi khác (mã ${d.with.map(shortId).join(', ')})`;
    }
    default:
      return null;
  }
}

/** Evidence fields the server may send, named in Vietnamese, with their values formatted. */
const FIELD: Record<string, [string, (v: unknown) => string]> = {
  answered: ['số câu đã trả lời', String],
  timeTakenMs: ['thời gian làm bài', (v) => (num(v) === null ? String(v) : formatShortTime(num(v)!))],
  minSecondsPerQuestion: ['ngưỡng tối thiểu mỗi câu', (v) => `${num(v) === null ? String(v) : number.format(num(v)!)} giây`],
  secondsPerQuestion: ['thời gian trung bình mỗi câu', (v) => `${num(v) === null ? String(v) : number.format(num(v)!)} giây`],
  accounts: ['số tài khoản', String],
  with: ['trùng với lượt thi', (v) => (Array.isArray(v) ? v.map(shortId).join(', ') : String(v))],
  deviceId: ['thiết bị', String],
  ip: ['địa chỉ IP', String],
  count: ['số lần', String],
};

function detailText(d: unknown): string {
  if (d && typeof d === 'object' && !Array.isArray(d)) {
    return Object.entries(d as Record<string, unknown>)
      .map(([k, v]) => {
        const known = FIELD[k];
        if (known) return `${known[0]}: ${known[1](v)}`;
        return `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`;
      })
      .join(', ');
  }
  return typeof d === 'string' ? d : JSON.stringify(d);
}

/** One flag (a code, or `{ code|kind|type, detail|details|evidence|reason }`) as a sentence. */
export function describeFlag(f: unknown): string {
  if (typeof f === 'string') return FLAG_LABEL[f] ?? f;
  if (!f || typeof f !== 'object') return String(f);
  const o = f as Record<string, unknown>;
  const code = String(o.kind ?? o.code ?? o.type ?? '');
  const detail = o.detail ?? o.details ?? o.evidence ?? o.reason;
  const label = FLAG_LABEL[code] ?? (code || 'Dấu hiệu bất thường');
  if (detail === undefined || detail === null) return label;
  if (detail && typeof detail === 'object' && !Array.isArray(detail)) {
    const s = sentence(code, detail as Record<string, unknown>);
    if (s) return s;
  }
  const extra = detailText(detail);
  return extra ? `${label} — ${extra}` : label;
}

/** Flags as the server stores them (list of codes, list of objects, or a map), in words. */
export function describeFlags(flags: unknown): string[] {
  if (!flags) return [];
  if (Array.isArray(flags)) return flags.map(describeFlag);
  if (typeof flags === 'object') {
    return Object.entries(flags as Record<string, unknown>)
      .filter(([, v]) => v !== false && v !== null)
      .map(([k, v]) => (v === true ? describeFlag(k) : describeFlag({ code: k, detail: typeof v === 'object' ? v : { count: v } })));
  }
  return [String(flags)];
}
