/** Integrity flags of an attempt, in words for judges. */
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

/** Flags as the server stores them (list of codes, list of objects, or a map), in words. */
export function describeFlags(flags: unknown): string[] {
  if (!flags) return [];
  const one = (f: unknown): string => {
    if (typeof f === 'string') return FLAG_LABEL[f] ?? f;
    if (f && typeof f === 'object') {
      const o = f as Record<string, unknown>;
      const kind = String(o.kind ?? o.code ?? o.type ?? '');
      const detail = o.detail ?? o.details ?? o.evidence ?? o.reason;
      const extra = detail === undefined || detail === null ? '' : typeof detail === 'string' ? detail : detailText(detail);
      return `${FLAG_LABEL[kind] ?? kind}${extra ? ` — ${extra}` : ''}`;
    }
    return String(f);
  };
  if (Array.isArray(flags)) return flags.map(one);
  if (typeof flags === 'object') {
    return Object.entries(flags as Record<string, unknown>)
      .filter(([, v]) => v !== false && v !== null)
      .map(([k, v]) => `${FLAG_LABEL[k] ?? k}${v === true ? '' : ` — ${typeof v === 'string' || typeof v === 'number' ? v : JSON.stringify(v)}`}`);
  }
  return [String(flags)];
}

function detailText(d: unknown): string {
  if (d && typeof d === 'object' && !Array.isArray(d)) {
    return Object.entries(d as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ');
  }
  return JSON.stringify(d);
}
