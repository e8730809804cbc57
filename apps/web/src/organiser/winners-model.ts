import type { PrizeChange, VerificationOutcome } from '../shared/api/verification-types';

/** Why an organiser looks at a winner's identity: the usual purposes, or their own words. */
export const VIEW_REASONS = ['Xác minh danh tính trước khi trao giải', 'Liên hệ người đoạt giải để trao giải', 'Giải quyết khiếu nại về kết quả'] as const;
export const PAYOUT_REASONS = ['Lập danh sách chi trả giải thưởng', 'Gửi bộ phận kế toán chi trả giải thưởng'] as const;
export const OTHER = 'other';
export const MIN_REASON = 5;

/**
 * The reason sent with an audited action: the chosen purpose, with any note added; or, for
 * "Lý do khác", the note alone. Null (with the problem) when it is too short to say anything.
 */
export function composeReason(choice: string, note: string): { reason: string } | { problem: string } {
  const extra = note.trim().replace(/\s+/g, ' ');
  if (choice === OTHER) {
    if (extra.length < MIN_REASON) return { problem: `Ghi rõ lý do (ít nhất ${MIN_REASON} ký tự).` };
    return { reason: extra };
  }
  if (!choice) return { problem: 'Chọn lý do.' };
  return { reason: extra ? `${choice}: ${extra}` : choice };
}

export function disqualifyReason(note: string): { reason: string } | { problem: string } {
  const r = note.trim().replace(/\s+/g, ' ');
  return r.length < MIN_REASON
    ? { problem: `Ghi lý do loại (ít nhất ${MIN_REASON} ký tự): người đoạt giải và người nhận giải thay đều được biết.` }
    : { reason: r };
}

/** One line per person whose prize changed, in words an organiser reads at a glance. */
export function describePrizeChange(c: PrizeChange): string {
  if (c.after && c.before) return `${c.fullName}: nay nhận ${c.after} (trước là ${c.before}).`;
  if (c.after) return `${c.fullName}: nay nhận ${c.after}.`;
  if (c.before) return `${c.fullName}: không còn ${c.before}.`;
  return c.fullName;
}

/** What happened after a disqualification, before the list of prize changes. */
export function disqualificationSummary(o: VerificationOutcome, name: string, kind: 'quiz' | 'judged' = 'quiz'): string {
  const base = `Đã loại ${name}.`;
  if (o.resultStatus === 'published') return `${base} Kết quả đã công bố được đính chính (có ghi nhật ký) và giải được chuyển theo thể lệ.`;
  const what = kind === 'judged' ? 'Bài dự thi của người này đã bị loại khỏi xếp hạng' : 'Các lượt thi của người này đã bị hủy';
  if (o.reclosed) return `${base} ${what} và kết quả tạm thời đã được tính lại theo thể lệ.`;
  return `${base} ${what} nhưng chưa tính lại được kết quả${o.recloseError ? ` (${o.recloseError.message})` : ''}: hãy đóng vòng lại ở trang kết quả.`;
}

/** What a disqualification will do, said before the organiser confirms it. */
export function disqualificationWarning(kind: 'quiz' | 'judged'): string {
  const what = kind === 'judged' ? 'Bài dự thi của người này bị loại khỏi xếp hạng' : 'Các lượt thi của người này trong vòng bị hủy';
  return `${what}, giải được chuyển cho người tiếp theo theo thể lệ (sau khi công bố: bằng một lần đính chính kết quả có ghi nhật ký). Không hoàn tác được tại đây.`;
}

export const VERIFICATION_LABEL: Record<string, string> = { pending: 'Chưa xác minh', verified: 'Đã xác minh' };

/** `1990-05-17` → `17/05/1990`. */
export function formatBirthDate(iso: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return d && m && y ? `${d}/${m}/${y}` : iso;
}
