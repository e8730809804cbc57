import type { AdvancementRule, AdvancingEntrant, QuotaBody } from '../shared/api/jury-types';
import { parseNumber } from './jury-form';

const points = (n: number) => String(n).replace('.', ',');

/** The round's own rule, as the organiser would read it out. */
export function describeRule(rule: AdvancementRule | null | undefined, toTitle: string | null): string {
  const to = toTitle ? `vòng «${toTitle}»` : 'vòng sau';
  if (!rule) return `Vòng này chưa có quy tắc vào vòng sau: chọn theo chỉ tiêu từng đơn vị/nhóm, hoặc chọn từng người.`;
  switch (rule.mode) {
    case 'top':
      return `${rule.topN ?? 0} người có kết quả cao nhất vào ${to}. Những người bằng nhau ở mọi tiêu chí xếp hạng tại vị trí cuối cùng được vào cùng nhau.`;
    case 'threshold':
      return `Mọi người đạt từ ${points(rule.minScore ?? 0)} điểm trở lên vào ${to}.`;
    case 'picked':
      return `Ban giám khảo chọn từng người vào ${to}.`;
  }
}

/** A quota rule in words: "Mỗi đơn vị 1 người có kết quả cao nhất; riêng Phường Hạ Long: 2 người." */
export function describeQuota(q: QuotaBody): string {
  const what = q.by.includes('unit') && q.by.includes('group') ? 'đơn vị và nhóm' : q.by.includes('unit') ? 'đơn vị' : 'nhóm';
  const field = q.by.includes('group') && q.groupField ? ` (nhóm lấy từ trường «${q.groupField}» khi đăng ký)` : '';
  const named = Object.entries(q.buckets ?? {});
  const extra = named.length ? `; riêng ${named.map(([k, n]) => `${k}: ${n} người`).join(', ')}` : '';
  return `Mỗi ${what} ${q.perBucket} người có kết quả cao nhất${field}${extra}.`;
}

/** Why this entrant goes through. */
export function reasonLabel(a: Pick<AdvancingEntrant, 'reason' | 'bucket' | 'boundaryTie'>): string {
  const base = { top: 'Trong nhóm dẫn đầu', threshold: 'Đạt ngưỡng điểm', quota: `Suất của ${a.bucket ?? 'đơn vị'}`, picked: 'Ban giám khảo chọn' }[a.reason];
  return a.boundaryTie ? `${base} (đồng hạng ở vị trí cuối)` : base;
}

/**
 * Places for named units / groups, one a line: "Phường Hạ Long = 2" (or ":"). Returns the
 * map, or the first problem in Vietnamese.
 */
export function parseBucketOverrides(text: string): { buckets: Record<string, number> } | { error: string } {
  const buckets: Record<string, number> = {};
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const m = /^(.+?)\s*[=:]\s*(\S+)$/.exec(line);
    const n = m ? parseNumber(m[2]) : NaN;
    if (!m || !Number.isInteger(n) || n < 0) return { error: `Dòng ${i + 1}: viết theo mẫu «Tên đơn vị = số suất» (số nguyên từ 0).` };
    const name = m[1].trim();
    if (name in buckets) return { error: `Dòng ${i + 1}: «${name}» đã có ở dòng trên.` };
    buckets[name] = n;
  }
  return { buckets };
}

export interface QuotaForm {
  byUnit: boolean;
  byGroup: boolean;
  groupField: string;
  perBucket: string;
  overrides: string;
}

export const emptyQuota = (): QuotaForm => ({ byUnit: true, byGroup: false, groupField: '', perBucket: '1', overrides: '' });

/** The quota body, or problems by field. */
export function quotaBody(f: QuotaForm): { body: QuotaBody } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!f.byUnit && !f.byGroup) errors.quotaBy = 'Chọn chia suất theo đơn vị, theo nhóm, hoặc cả hai.';
  if (f.byGroup && !/^[a-zA-Z][a-zA-Z0-9]{0,39}$/.test(f.groupField.trim()))
    errors.groupField = 'Nhập tên trường đăng ký chứa nhóm (chữ không dấu, viết liền), ví dụ: nhom.';
  const per = parseNumber(f.perBucket);
  if (!Number.isInteger(per) || per < 0) errors.perBucket = 'Số suất mỗi đơn vị/nhóm là số nguyên từ 0.';
  const o = parseBucketOverrides(f.overrides);
  if ('error' in o) errors.overrides = o.error;
  if (Object.keys(errors).length || 'error' in o) return { errors };
  const by: QuotaBody['by'] = [...(f.byUnit ? (['unit'] as const) : []), ...(f.byGroup ? (['group'] as const) : [])];
  return {
    body: { by, perBucket: per, ...(Object.keys(o.buckets).length ? { buckets: o.buckets } : {}), ...(f.byGroup ? { groupField: f.groupField.trim() } : {}) },
  };
}

/** The rule a preview applied (the round's, a quota, or picks), in words. */
export function describeApplied(rule: Record<string, unknown>, toTitle: string | null): string {
  if (rule.mode === 'quota') return describeQuota(rule.quota as QuotaBody);
  return describeRule(rule as unknown as AdvancementRule, toTitle);
}
