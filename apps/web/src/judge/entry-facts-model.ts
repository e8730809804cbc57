import type { EntryFacts, EntryView, MarkingSummary } from '../shared/api/judging-types';
import type { FixedPenalty, OvertimePenalty, PenaltyRule } from '../shared/api/jury-types';
import { formatPoints } from './marking-model';

/** What the organiser types: minutes and seconds of the presentation, and the breaches ticked. */
export interface FactsValues {
  minutes: string;
  seconds: string;
  breaches: string[];
}

const MAX_SECONDS = 86_400;

/** "16 phút 5 giây", "15 phút", "45 giây". */
export function formatDuration(total: number): string {
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m === 0) return `${s} giây`;
  return s === 0 ? `${m} phút` : `${m} phút ${s} giây`;
}

export const fixedRules = (rules: readonly PenaltyRule[]): FixedPenalty[] => rules.filter((r): r is FixedPenalty => r.kind === 'fixed');
export const overtimeRule = (rules: readonly PenaltyRule[]): OvertimePenalty | undefined => rules.find((r): r is OvertimePenalty => r.kind === 'overtime');

/** The form's starting values from the entry (breaches the jury no longer has are dropped: the api would refuse them). */
export function factsValues(entry: Pick<EntryView, 'durationSeconds' | 'breaches'>, rules: readonly PenaltyRule[]): FactsValues {
  const codes = new Set(fixedRules(rules).map((r) => r.code));
  const d = entry.durationSeconds;
  return {
    minutes: d === null ? '' : String(Math.floor(d / 60)),
    seconds: d === null ? '' : String(d % 60),
    breaches: entry.breaches.filter((b) => codes.has(b)),
  };
}

const whole = (v: string): number | null => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : null);

/**
 * The PATCH /entries/:id body from the form, or the problems in Vietnamese by field. Both
 * boxes empty clears the time (not recorded); one empty counts as 0.
 */
export function checkFacts(v: FactsValues, rules: readonly PenaltyRule[]): { body: EntryFacts | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const blank = v.minutes.trim() === '' && v.seconds.trim() === '';
  const m = v.minutes.trim() === '' ? 0 : whole(v.minutes);
  const s = v.seconds.trim() === '' ? 0 : whole(v.seconds);
  if (m === null) errors['facts-minutes'] = 'Số phút là số nguyên, không âm.';
  if (s === null) errors['facts-seconds'] = 'Số giây là số nguyên, không âm.';
  else if (s > 59) errors['facts-seconds'] = 'Số giây từ 0 đến 59.';
  const total = m !== null && s !== null ? m * 60 + s : null;
  if (total !== null && total > MAX_SECONDS) errors['facts-minutes'] = 'Thời lượng tối đa 24 giờ (1440 phút).';
  const codes = new Set(fixedRules(rules).map((r) => r.code));
  const breaches = [...new Set(v.breaches)].filter((b) => codes.has(b));
  if (Object.keys(errors).length) return { body: null, errors };
  return { body: { durationSeconds: blank ? null : total, breaches }, errors };
}

/** One line on how the overtime penalty works, for the time's hint. */
export function overtimeHint(rule: OvertimePenalty | undefined): string {
  if (!rule) return 'Ban giám khảo không đặt mức trừ điểm khi quá giờ: thời lượng chỉ được ghi lại. Để trống nếu không đo.';
  const per = rule.per === 'started-minute' ? 'chưa đủ phút vẫn tính một phút' : 'chỉ tính phút trọn';
  const cap = rule.maxPoints ? `, tối đa ${formatPoints(rule.maxPoints)} điểm` : '';
  return `Giới hạn ${formatDuration(rule.limitSeconds)}; mỗi phút quá giờ trừ ${formatPoints(rule.points)} điểm (${per})${cap}. Để trống nếu không đo.`;
}

/** The penalties the api computed (GET /entries/:id/scores → marking.penalties), in Vietnamese. */
export function penaltyLines(penalties: MarkingSummary['penalties'] | undefined, rules: readonly PenaltyRule[]): string[] {
  if (!penalties || penalties.items.length === 0) return ['Không bị trừ điểm.'];
  const labels = new Map(fixedRules(rules).map((r) => [r.code, r.label]));
  const lines = penalties.items.map((p) => `${p.code === 'overtime' ? 'Quá giờ' : (labels.get(p.code) ?? p.code)}: trừ ${formatPoints(p.points)} điểm`);
  if (penalties.items.length > 1) lines.push(`Tổng điểm trừ: ${formatPoints(penalties.total)} điểm`);
  return lines;
}
