import type { Registration } from '../shared/api/types';
import { REQUIRABLE_FIELDS } from './contest-form';

/** Vietnamese names of the fields a registration may hold (the contest's required and extra fields). */
const FIELD_LABEL: Record<string, string> = {
  ...Object.fromEntries(REQUIRABLE_FIELDS.map((f) => [f.value, f.label])),
  fullName: 'Họ và tên',
  phone: 'Số điện thoại',
  nationalId: 'Số CCCD',
  province: 'Tỉnh, thành phố',
};

export function registrationFieldLabel(name: string): string {
  return FIELD_LABEL[name] ?? name;
}

/** Shown in their own columns, so not repeated among the details. */
const OWN_COLUMNS = new Set(['fullName', 'unit']);

/**
 * The details of a registration besides name and unit, as the api gives them (phone and CCCD
 * masked), in the order of REQUIRABLE_FIELDS then the rest by name; the province of the account last.
 */
export function registrationDetails(r: Pick<Registration, 'fields' | 'province'>): { name: string; label: string; value: string }[] {
  const order = new Map<string, number>([...REQUIRABLE_FIELDS.map((f, i): [string, number] => [f.value, i]), ['phone', 90], ['nationalId', 91], ['email', 92]]);
  const rows = Object.entries(r.fields ?? {})
    .filter(([name, value]) => !OWN_COLUMNS.has(name) && typeof value === 'string' && value.trim() !== '')
    .sort(([a], [b]) => (order.get(a) ?? 100) - (order.get(b) ?? 100) || a.localeCompare(b))
    .map(([name, value]) => ({ name, label: registrationFieldLabel(name), value }));
  if (r.province && !('province' in (r.fields ?? {}))) rows.push({ name: 'province', label: registrationFieldLabel('province'), value: r.province });
  return rows;
}

/** "12 người đã đăng ký." — the list's status line. */
export function registrationCount(total: number): string {
  return total === 0 ? 'Chưa có ai đăng ký.' : `${total.toLocaleString('vi-VN')} người đã đăng ký.`;
}
