import { isEmail } from 'class-validator';
// The pure file, not the package index: this mapping is tested (and could run) without Nest.
import { fileRefused } from '../../../../platform/src/files/file-refused';
import { normalisePhone } from '../../pii/pii';
import type { StaffRole } from '../user.entity';
import { foldVietnamese } from '../../../../platform/src/text/fold';

/** The columns of a staff file; headers in Vietnamese or English, any case, with or without diacritics. */
export const STAFF_COLUMNS = ['fullName', 'email', 'phone', 'role', 'organisation'] as const;
export type StaffColumn = (typeof STAFF_COLUMNS)[number];

/** What the template's first row says, in order. */
export const TEMPLATE_HEADER = ['Họ và tên', 'Email', 'Số điện thoại', 'Vai trò', 'Đơn vị'] as const;

const HEADER_ALIASES: Record<string, StaffColumn> = {
  hovaten: 'fullName',
  hoten: 'fullName',
  ten: 'fullName',
  fullname: 'fullName',
  name: 'fullName',
  email: 'email',
  thudientu: 'email',
  sodienthoai: 'phone',
  dienthoai: 'phone',
  sdt: 'phone',
  phone: 'phone',
  vaitro: 'role',
  role: 'role',
  donvi: 'organisation',
  madonvi: 'organisation',
  tendonvi: 'organisation',
  organisation: 'organisation',
  organization: 'organisation',
  organisationid: 'organisation',
  organisationname: 'organisation',
};

const ROLE_ALIASES: Record<string, StaffRole> = {
  organiser: 'organiser',
  organizer: 'organiser',
  bantochuc: 'organiser',
  tochuc: 'organiser',
  btc: 'organiser',
  judge: 'judge',
  giamkhao: 'judge',
  admin: 'admin',
  quantri: 'admin',
  quantrivien: 'admin',
  quantrihethong: 'admin',
};

/** The role words the report suggests. */
export const ROLE_WORDS = 'ban tổ chức, giám khảo, quản trị (or organiser, judge, admin)';

/** Case, diacritics, spaces and punctuation do not matter in headers and role words. */
export const foldKey = (s: string): string => foldVietnamese(s).replace(/[^a-z0-9]/g, '');

export interface StaffHeader {
  /** Column index → what it holds (undefined: ignored). */
  columns: (StaffColumn | undefined)[];
  ignored: string[];
}

export function readStaffHeader(cells: string[]): StaffHeader {
  const columns = cells.map((c) => HEADER_ALIASES[foldKey(c)]);
  const missing = (['fullName', 'email', 'role'] as const).filter((c) => !columns.includes(c));
  if (missing.length) {
    const names = { fullName: 'Họ và tên', email: 'Email', role: 'Vai trò' };
    throw fileRefused(`The first row must be the template's header; missing: ${missing.map((m) => `"${names[m]}"`).join(', ')}`);
  }
  return { columns, ignored: cells.filter((c, i) => c.trim() && !columns[i]) };
}

export interface StaffRowInput {
  row: number;
  fullName: string;
  email: string;
  /** Normalised (0xxxxxxxxx), or null. */
  phone: string | null;
  role: StaffRole;
  /** An organisation's id or name as the file gave it; null for admins. */
  organisation: string | null;
}

export interface RowProblem {
  row: number;
  field: StaffColumn;
  reason: string;
}

/** One data row checked on its own (duplicates and organisations need the whole file and the database). */
export function rowToStaff(header: StaffHeader, cells: string[], row: number): { input: StaffRowInput } | { problems: RowProblem[] } {
  const get = (c: StaffColumn) => {
    const i = header.columns.indexOf(c);
    return i < 0 ? '' : (cells[i] ?? '').normalize('NFC').trim();
  };
  const problems: RowProblem[] = [];
  const fail = (field: StaffColumn, reason: string) => problems.push({ row, field, reason });
  const fullName = get('fullName').replace(/\s+/g, ' ');
  if (fullName.length < 2 || fullName.length > 120) fail('fullName', 'the full name must have 2 to 120 characters');
  const email = get('email').toLowerCase();
  if (!email) fail('email', 'the e-mail is required (staff sign in with it)');
  else if (email.length > 254 || !isEmail(email)) fail('email', `"${email}" is not an e-mail address`);
  const rawPhone = get('phone');
  const phone = rawPhone ? normalisePhone(rawPhone) : null;
  if (rawPhone && !phone) fail('phone', `"${rawPhone}" is not a Vietnamese mobile number`);
  const rawRole = get('role');
  const role = ROLE_ALIASES[foldKey(rawRole)];
  if (!role) fail('role', rawRole ? `unknown role "${rawRole}": use ${ROLE_WORDS}` : `the role is required: ${ROLE_WORDS}`);
  const organisation = get('organisation') || null;
  if (role && role !== 'admin' && !organisation) fail('organisation', 'organisers and judges need their organisation (its name or code)');
  if (problems.length) return { problems };
  return { input: { row, fullName, email, phone, role: role!, organisation: role === 'admin' ? null : organisation } };
}

/** The later rows that repeat an earlier row's e-mail or phone. */
export function duplicateRows(rows: StaffRowInput[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const seen = { email: new Map<string, number>(), phone: new Map<string, number>() };
  for (const r of rows) {
    for (const field of ['email', 'phone'] as const) {
      const v = r[field];
      if (!v) continue;
      const first = seen[field].get(v);
      if (first !== undefined) problems.push({ row: r.row, field, reason: `the same ${field === 'email' ? 'e-mail' : 'phone number'} as row ${first}` });
      else seen[field].set(v, r.row);
    }
  }
  return problems;
}
