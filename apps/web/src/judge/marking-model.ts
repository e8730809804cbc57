/** Pure rules of the rubric form and the marking state, in the jury core's terms (libs/judging/src/jury/rubric.ts). */
import type { EntryMarks, EntryView, JudgedEntryRow, MarkHistoryItem, MarkingSummary, RubricCriterion } from '../shared/api/judging-types';
import { formatDateTime } from '../shared/format';

export const MAX_COMMENT = 5000;
export const MIN_RECONCILE_REASON = 3;

/** A number as typed in Vietnam ("7,5") or elsewhere ("7.5"); null when it is not one. */
export function readPoints(raw: string): number | null {
  const t = raw.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** "7,5" — points written the Vietnamese way, at most 2 decimals. */
export function formatPoints(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

export interface MarksCheck {
  scores: Record<string, number>;
  total: number;
  comment: string | null;
  /** Keyed by criterion key, plus `comment`. */
  errors: Record<string, string>;
}

/** Checks the form against the rubric as the server will: every criterion, 0…max, steps of 0.01. */
export function checkMarks(rubric: RubricCriterion[], values: Record<string, string>, comment: string): MarksCheck {
  const errors: Record<string, string> = {};
  const scores: Record<string, number> = {};
  let total = 0;
  for (const c of rubric) {
    const raw = values[c.key] ?? '';
    if (!raw.trim()) {
      errors[c.key] = `Nhập điểm từ 0 đến ${formatPoints(c.maxPoints)}.`;
      continue;
    }
    const n = readPoints(raw);
    if (n === null) errors[c.key] = 'Điểm phải là một số, ví dụ 7 hoặc 7,5.';
    else if (n < 0 || n > c.maxPoints) errors[c.key] = `Điểm từ 0 đến ${formatPoints(c.maxPoints)}.`;
    else if (Math.abs(n * 100 - Math.round(n * 100)) > 1e-6) errors[c.key] = 'Tối đa 2 chữ số thập phân.';
    else {
      scores[c.key] = n;
      total += n;
    }
  }
  const text = comment.trim();
  if (text.length > MAX_COMMENT) errors.comment = `Nhận xét tối đa ${MAX_COMMENT} ký tự (hiện ${text.length}).`;
  return { scores, total: Math.round(total * 100) / 100, comment: text || null, errors };
}

/** The form's starting values: the judge's own earlier marks, if any. */
export function initialValues(rubric: RubricCriterion[], own: Record<string, number> | undefined): Record<string, string> {
  return Object.fromEntries(rubric.map((c) => [c.key, own && own[c.key] !== undefined ? formatPoints(own[c.key]) : '']));
}

/**
 * Blind marking: a judge (the head judge too) sees the others' marks and the aggregate only
 * once every judge of the round has filed for the entry. The server withholds them (no
 * `marking`); the screen says why the list is short.
 */
export function isBlind(role: StaffRole, marks: EntryMarks | undefined): boolean {
  return role !== 'organiser' && !!marks && !marks.marking;
}

/** One line per filing, oldest first: "Trần Thị B sửa điểm: 10 → 78". */
export function historyLines(history: MarkHistoryItem[], names: Map<string, string>, meId: string): string[] {
  return history.map((h) => {
    const who = h.judgeUserId === meId ? 'Bạn' : names.get(h.judgeUserId) || 'Giám khảo';
    const when = formatDateTime(h.at);
    return h.action === 'replace' && h.before
      ? `${when}: ${who} sửa điểm ${formatPoints(h.before.total)} → ${formatPoints(h.after.total)}`
      : `${when}: ${who} chấm ${formatPoints(h.after.total)}`;
  });
}

export type StaffRole = 'organiser' | 'head' | 'judge';

export function staffRole(userRole: string, userId: string, headJudgeUserId: string | null | undefined): StaffRole {
  if (userRole !== 'judge') return 'organiser';
  return headJudgeUserId && headJudgeUserId === userId ? 'head' : 'judge';
}

/** One line on where an entry stands, for the list. */
export function markingLabel(row: Pick<JudgedEntryRow, 'judges' | 'marked' | 'markedByMe' | 'flagged' | 'marking'>): string {
  const parts: string[] = [];
  parts.push(`${row.marked}/${row.judges} giám khảo đã chấm`);
  if (row.markedByMe) parts.push('bạn đã chấm');
  if (row.flagged) parts.push('điểm chênh lệch lớn, chờ trưởng ban giám khảo');
  else if (row.marking?.reconciliation) parts.push('trưởng ban đã thống nhất điểm');
  if (row.marking && row.marking.final !== null && !row.marking.incomplete) parts.push(`điểm cuối ${formatPoints(row.marking.final)}`);
  return parts.join(' · ');
}

const METHOD: Record<string, string> = {
  mean: 'trung bình cộng',
  'trimmed-mean': 'trung bình sau khi bỏ điểm cao nhất và thấp nhất',
  none: 'chưa có điểm',
};

/** The aggregate in words: how it was computed and what came off. */
export function summaryLines(m: MarkingSummary): string[] {
  const out = [`Điểm tổng hợp (${METHOD[m.method] ?? m.method}, ${m.judgeCount} giám khảo): ${formatPoints(m.aggregate)}`];
  if (m.gap !== null) out.push(`Chênh lệch giữa các giám khảo: ${formatPoints(m.gap)}`);
  if (m.reconciliation)
    out.push(
      `Trưởng ban giám khảo ${m.reconciliation.mode === 'accept-aggregate' ? 'giữ điểm tổng hợp' : `cho điểm cuối ${formatPoints(m.reconciliation.total ?? m.score)}`}: ${m.reconciliation.reason}`,
    );
  // The api's overtime detail is in English ("90s over 600s: 2 × 1"): say it in words; a fixed penalty's detail is its label.
  for (const p of m.penalties.items) out.push(`Trừ ${formatPoints(p.points)} điểm: ${p.code === 'overtime' ? 'quá giờ' : p.detail || p.code}`);
  out.push(`Điểm cuối: ${formatPoints(m.final)}${m.incomplete ? ' (chưa đủ giám khảo chấm)' : ''}`);
  if (m.needsReconciliation) out.push('Cần trưởng ban giám khảo thống nhất điểm trước khi đóng vòng.');
  return out;
}

export interface ReconcileCheck {
  body: { reason: string; scores?: Record<string, number>; acceptAggregate?: true } | null;
  errors: Record<string, string>;
}

/** The head judge's form: a reason, and either "keep the aggregate" or their own final marks. */
export function checkReconcile(rubric: RubricCriterion[], mode: 'accept' | 'marks', reason: string, values: Record<string, string>): ReconcileCheck {
  const errors: Record<string, string> = {};
  const why = reason.trim();
  if (why.length < MIN_RECONCILE_REASON) errors.reason = 'Ghi lý do thống nhất điểm (ít nhất 3 ký tự).';
  else if (why.length > 2000) errors.reason = 'Lý do tối đa 2000 ký tự.';
  if (mode === 'accept') return { body: Object.keys(errors).length ? null : { reason: why, acceptAggregate: true }, errors };
  const m = checkMarks(rubric, values, '');
  Object.assign(errors, m.errors);
  return { body: Object.keys(errors).length ? null : { reason: why, scores: m.scores }, errors };
}

/** Under the marking page's title: whose entry it is (as the round's list names it), and the head judge's role. */
export function entryTitleSub(entry: Pick<EntryView, 'author'>, role: StaffRole): string | undefined {
  const who = entry.author?.fullName ? [entry.author.fullName, entry.author.unit].filter(Boolean).join(' · ') : '';
  const head = role === 'head' ? 'Bạn là trưởng ban giám khảo của vòng này.' : '';
  return [who && `Bài của ${who}.`, head].filter(Boolean).join(' ') || undefined;
}
