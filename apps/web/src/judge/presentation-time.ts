import type { OvertimePenalty } from '../shared/api/jury-types';

/**
 * The presentation's running time, as the organiser records it on a judged entry
 * (PATCH /entries/:id { durationSeconds }): it feeds the jury's overtime penalty.
 */

export interface PresentationTimeCheck {
  /** Whole seconds, or null to clear a time recorded by mistake. */
  durationSeconds: number | null;
  errors: { minutes?: string; seconds?: string };
}

const MAX_MINUTES = 1440;

/** "12" minutes and "30" seconds → 750; both empty → null (no time recorded). */
export function checkPresentationTime(minutes: string, seconds: string): PresentationTimeCheck {
  const m = minutes.trim();
  const s = seconds.trim();
  if (!m && !s) return { durationSeconds: null, errors: {} };
  const errors: PresentationTimeCheck['errors'] = {};
  const mm = m ? (/^\d+$/.test(m) ? Number(m) : NaN) : 0;
  const ss = s ? (/^\d+$/.test(s) ? Number(s) : NaN) : 0;
  if (!(mm >= 0 && mm <= MAX_MINUTES)) errors.minutes = `Số phút là số nguyên từ 0 đến ${MAX_MINUTES}.`;
  if (!(ss >= 0 && ss < 60)) errors.seconds = 'Số giây là số nguyên từ 0 đến 59.';
  if (errors.minutes || errors.seconds) return { durationSeconds: null, errors };
  return { durationSeconds: Math.min(mm * 60 + ss, 86_400), errors };
}

/** The form's starting values from a recorded time. */
export function presentationTimeFields(durationSeconds: number | null | undefined): { minutes: string; seconds: string } {
  if (durationSeconds === null || durationSeconds === undefined) return { minutes: '', seconds: '' };
  return { minutes: String(Math.floor(durationSeconds / 60)), seconds: String(durationSeconds % 60) };
}

/** What the jury's overtime rule takes off for this time, counted as the server does (libs/judging jury/penalties.ts). */
export function overtimeLine(durationSeconds: number, rule: Pick<OvertimePenalty, 'limitSeconds' | 'points' | 'per' | 'maxPoints'> | undefined): string | null {
  if (!rule) return null;
  const over = durationSeconds - rule.limitSeconds;
  if (over <= 0) return `Trong thời gian cho phép (${Math.floor(rule.limitSeconds / 60)} phút): không bị trừ điểm.`;
  const minutes = rule.per === 'full-minute' ? Math.floor(over / 60) : Math.ceil(over / 60);
  const points = Math.min(minutes * rule.points, rule.maxPoints ?? Infinity);
  const amount = String(Math.round(points * 100) / 100).replace('.', ',');
  return `Quá ${Math.floor(over / 60)} phút ${over % 60} giây so với ${Math.floor(rule.limitSeconds / 60)} phút cho phép: trừ ${amount} điểm.`;
}

/** The jury's overtime rule, if it has one (GET /rounds/:id/jury lists penalties loosely typed). */
export function overtimeRule(penalties: readonly Record<string, unknown>[] | undefined): OvertimePenalty | undefined {
  return (penalties ?? []).find((p) => p.kind === 'overtime') as OvertimePenalty | undefined;
}
