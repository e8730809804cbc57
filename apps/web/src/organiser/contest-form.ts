/** Registration fields an organiser can require, in the server's vocabulary. */
export const REQUIRABLE_FIELDS = [
  { value: 'unit', label: 'Đơn vị / nơi công tác' },
  { value: 'commune', label: 'Xã, phường, đặc khu' },
  { value: 'dateOfBirth', label: 'Ngày sinh' },
  { value: 'email', label: 'Email' },
  { value: 'position', label: 'Chức vụ' },
  { value: 'occupation', label: 'Nghề nghiệp' },
] as const;

export interface ContestForm {
  title: string;
  slug: string;
  description: string;
  rules: string;
  unitList: string;
  requiredFields: string[];
  customFields: string;
}

export const emptyContest = (): ContestForm => ({ title: '', slug: '', description: '', rules: '', unitList: '', requiredFields: [], customFields: '' });

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$/;
const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9]{0,39}$/;

export function splitLines(s: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of s.split('\n')) {
    const t = line.trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}

export function validateContest(f: ContestForm): Record<string, string> {
  const e: Record<string, string> = {};
  if (f.title.trim().length < 3) e.title = 'Tên cuộc thi cần ít nhất 3 ký tự.';
  if (f.slug.trim() && !SLUG.test(f.slug.trim())) e.slug = 'Đường dẫn gồm 3–80 chữ thường không dấu, chữ số và dấu gạch ngang.';
  const custom = f.customFields
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = custom.filter((c) => !FIELD_NAME.test(c));
  if (bad.length) e.customFields = `Tên trường không hợp lệ: ${bad.join(', ')} (chữ cái không dấu, viết liền, ví dụ: position).`;
  if (splitLines(f.unitList).some((u) => u.length > 200)) e.unitList = 'Mỗi đơn vị tối đa 200 ký tự.';
  return e;
}

export function contestBody(f: ContestForm): Record<string, unknown> {
  const custom = f.customFields
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const units = splitLines(f.unitList);
  const body: Record<string, unknown> = {
    title: f.title.trim(),
    requiredFields: [...new Set([...f.requiredFields, ...custom])],
  };
  if (f.slug.trim()) body.slug = f.slug.trim();
  if (f.description.trim()) body.description = f.description.trim();
  if (f.rules.trim()) body.rules = f.rules.trim();
  if (units.length) body.unitList = units;
  return body;
}
