import { ApiError, fieldProblems } from '../shared/api/errors';
import type { OrganisationLevel, StaffImportProblem, StaffRole } from '../shared/api/admin-types';
import { PROVINCES } from '../shared/provinces';
import type { OrganisationBody, StaffQuery } from './api';

/** Rules and wording of the admin console, as pure functions (tested without a browser). */

export const ROLE_LABEL: Record<string, string> = { organiser: 'Ban tổ chức', judge: 'Giám khảo', admin: 'Quản trị', resident: 'Người dự thi' };
export const STAFF_ROLE_OPTIONS: { value: StaffRole; label: string }[] = [
  { value: 'organiser', label: 'Ban tổ chức' },
  { value: 'judge', label: 'Giám khảo' },
  { value: 'admin', label: 'Quản trị' },
];

/** The staff list's filter form: '' is "any". */
export interface StaffFilters {
  q: string;
  role: string;
  organisationId: string;
  active: string;
}

export const noStaffFilters: StaffFilters = { q: '', role: '', organisationId: '', active: '' };

const isStaffRole = (s: string): s is StaffRole => STAFF_ROLE_OPTIONS.some((o) => o.value === s);

/** GET /users's query from the filter form: a blank filter is left out, "Trạng thái" is a yes/no. */
export function staffQuery(f: StaffFilters, limit: number, offset: number): StaffQuery {
  return {
    q: f.q || undefined,
    role: isStaffRole(f.role) ? f.role : undefined,
    organisationId: f.organisationId || undefined,
    active: f.active === 'true' ? true : f.active === 'false' ? false : undefined,
    limit,
    offset,
  };
}

export const LEVEL_LABEL: Record<OrganisationLevel, string> = { central: 'Trung ương', province: 'Cấp tỉnh', commune: 'Cấp xã' };
export const LEVEL_OPTIONS = (Object.keys(LEVEL_LABEL) as OrganisationLevel[]).map((value) => ({ value, label: LEVEL_LABEL[value] }));

export interface OrganisationForm {
  name: string;
  level: OrganisationLevel | '';
  province: string;
}

export const emptyOrganisation: OrganisationForm = { name: '', level: '', province: '' };

/** Same rule as the server (organisationPlace): a central body has no province, the others one. */
export function validateOrganisation(f: OrganisationForm): Record<string, string> {
  const e: Record<string, string> = {};
  const name = f.name.trim();
  if (name.length < 2) e.name = 'Nhập tên đơn vị (ít nhất 2 ký tự).';
  else if (name.length > 200) e.name = 'Tên đơn vị dài tối đa 200 ký tự.';
  if (!f.level) e.level = 'Chọn cấp của đơn vị.';
  if ((f.level === 'province' || f.level === 'commune') && !f.province) e.province = 'Chọn tỉnh, thành phố của đơn vị.';
  return e;
}

const isProvince = (s: string): s is NonNullable<OrganisationBody['province']> => (PROVINCES as readonly string[]).includes(s);

export function organisationBody(f: OrganisationForm): OrganisationBody {
  return { name: f.name.trim(), level: f.level as OrganisationLevel, province: f.level !== 'central' && isProvince(f.province) ? f.province : null };
}

export interface StaffForm {
  fullName: string;
  email: string;
  phone: string;
  password: string;
  role: StaffRole | '';
  organisationId: string;
}

export const emptyStaff: StaffForm = { fullName: '', email: '', phone: '', password: '', role: '', organisationId: '' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const VN_MOBILE = /^(?:\+?84|0)[35789]\d{8}$/;

export function validateStaff(f: StaffForm): Record<string, string> {
  const e: Record<string, string> = {};
  const name = f.fullName.trim();
  if (name.length < 2) e.fullName = 'Nhập họ và tên (ít nhất 2 ký tự).';
  if (!EMAIL.test(f.email.trim())) e.email = 'Nhập email hợp lệ, ví dụ ten@sotuphap.gov.vn.';
  if (f.phone.trim() && !VN_MOBILE.test(f.phone.replace(/[\s.\-()]/g, ''))) e.phone = 'Số di động Việt Nam, ví dụ 0912345678.';
  if (f.password.length < 8) e.password = 'Mật khẩu tạm cần ít nhất 8 ký tự.';
  if (!f.role) e.role = 'Chọn vai trò.';
  if ((f.role === 'organiser' || f.role === 'judge') && !f.organisationId) e.organisationId = 'Ban tổ chức và giám khảo phải thuộc một đơn vị.';
  return e;
}

export function staffBody(f: StaffForm) {
  return {
    fullName: f.fullName.trim(),
    email: f.email.trim(),
    ...(f.phone.trim() ? { phone: f.phone.trim() } : {}),
    password: f.password,
    role: f.role as StaffRole,
    ...(f.role !== 'admin' && f.organisationId ? { organisationId: f.organisationId } : {}),
  };
}

const COLUMN_LABEL: Record<string, string> = { fullName: 'Họ và tên', email: 'Email', phone: 'Số điện thoại', role: 'Vai trò', organisation: 'Đơn vị' };
export const columnLabel = (field: string): string => COLUMN_LABEL[field] ?? field;

/** The server's reasons (English, fixed phrases with the file's values) in Vietnamese; unknown ones as they are. */
const REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^the full name must have 2 to 120 characters$/, () => 'Họ và tên cần từ 2 đến 120 ký tự.'],
  [/^the e-mail is required/, () => 'Thiếu email (cán bộ đăng nhập bằng email).'],
  [/^"(.*)" is not an e-mail address$/, (m) => `"${m[1]}" không phải địa chỉ email.`],
  [/^"(.*)" is not a Vietnamese mobile number$/, (m) => `"${m[1]}" không phải số di động Việt Nam.`],
  [/^unknown role "(.*)"/, (m) => `Vai trò "${m[1]}" không hợp lệ: dùng ban tổ chức, giám khảo hoặc quản trị.`],
  [/^the role is required/, () => 'Thiếu vai trò: ban tổ chức, giám khảo hoặc quản trị.'],
  [/^organisers and judges need their organisation/, () => 'Ban tổ chức và giám khảo cần ghi đơn vị (tên hoặc mã đơn vị).'],
  [/^the same e-mail as row (\d+)$/, (m) => `Trùng email với dòng ${m[1]}.`],
  [/^the same phone number as row (\d+)$/, (m) => `Trùng số điện thoại với dòng ${m[1]}.`],
  [/^several organisations are named "(.*)": use the code instead$/, (m) => `Có nhiều đơn vị tên "${m[1]}": hãy ghi mã đơn vị.`],
  [/^no organisation "(.*)"$/, (m) => `Không có đơn vị "${m[1]}".`],
  [/^an account with the e-mail (.*) already exists$/, (m) => `Đã có tài khoản dùng email ${m[1]}.`],
  [/^an account with this phone number already exists$/, () => 'Đã có tài khoản dùng số điện thoại này.'],
  [/^columns not in the template were ignored: (.*)$/, (m) => `Đã bỏ qua các cột không có trong tệp mẫu: ${m[1]}.`],
  [/^The first row must be the template's header; missing: (.*)$/, (m) => `Dòng đầu phải là tiêu đề của tệp mẫu; thiếu cột ${m[1]}.`],
  [/^The file has more than (\d+) accounts; split it$/, (m) => `Tệp có hơn ${m[1]} tài khoản; hãy chia nhỏ tệp.`],
  [/^The file has a header but no accounts$/, () => 'Tệp chỉ có dòng tiêu đề, chưa có tài khoản nào.'],
  [/^The file is empty$/, () => 'Tệp rỗng.'],
  [/^The file is not UTF-8 text/, () => 'Tệp CSV không ở dạng UTF-8. Trong Excel, hãy lưu bằng "CSV UTF-8".'],
];

export function staffReasonText(reason: string): string {
  for (const [re, text] of REASONS) {
    const m = re.exec(reason);
    if (m) return text(m);
  }
  return reason;
}

export function staffProblemText(p: StaffImportProblem): string {
  return `Dòng ${p.row}, cột ${columnLabel(p.field)}: ${staffReasonText(p.reason)}`;
}

/** Refusals that concern one field, said at that field (the server names it by its code or in details). */
const FIELD_CODES: Record<string, [string, string]> = {
  email_taken: ['email', 'Email này đã dùng cho một tài khoản khác.'],
  phone_taken: ['phone', 'Số điện thoại này đã dùng cho một tài khoản khác.'],
  invalid_phone: ['phone', 'Số điện thoại không phải số di động Việt Nam hợp lệ.'],
  organisation_required: ['organisationId', 'Ban tổ chức và giám khảo phải thuộc một đơn vị.'],
  unknown_organisation: ['organisationId', 'Đơn vị này không tồn tại.'],
  invalid_province: ['province', 'Đơn vị cấp tỉnh, cấp xã cần chọn tỉnh, thành phố; đơn vị trung ương thì không.'],
  not_a_judge: ['userId', 'Người này không phải giám khảo của đơn vị.'],
  judge_deactivated: ['userId', 'Tài khoản giám khảo này đã bị khoá.'],
};

/** The server's refusal as messages by field name (data-field), empty when it names none. */
export function serverFieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return {};
  const known = e.code ? FIELD_CODES[e.code] : undefined;
  if (known) return { [known[0]]: known[1] };
  const out: Record<string, string> = {};
  for (const [field, problems] of Object.entries(fieldProblems(e)))
    out[field] = problems.length ? `Giá trị chưa hợp lệ (${problems.join('; ')}).` : 'Giá trị chưa hợp lệ.';
  return out;
}
