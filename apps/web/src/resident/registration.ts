import { ageOn } from '../shared/format';

/** Client-side checks mirroring the server's (which stays the authority), in Vietnamese. */
export interface RegistrationForm {
  fullName: string;
  phone: string;
  email: string;
  password: string;
  passwordConfirm: string;
  nationalId: string;
  dateOfBirth: string;
  province: string;
  commune: string;
  unit: string;
  consent: boolean;
  guardianName: string;
  guardianConsent: boolean;
}

export const GUARDIAN_AGE = 16;

export function normalisePhone(input: string): string | null {
  const s = input.replace(/[\s.\-()]/g, '');
  const m = /^(?:\+?84|0)([35789]\d{8})$/.exec(s);
  return m ? `0${m[1]}` : null;
}

export function needsGuardian(dateOfBirth: string, today: Date = new Date()): boolean {
  const age = ageOn(dateOfBirth, today);
  return Number.isFinite(age) && age < GUARDIAN_AGE;
}

export function validateRegistration(f: RegistrationForm, provinces: readonly string[], today: Date = new Date()): Record<string, string> {
  const e: Record<string, string> = {};
  const name = f.fullName.trim();
  if (name.length < 2) e.fullName = 'Vui lòng nhập họ và tên (ít nhất 2 ký tự).';
  else if (name.length > 120) e.fullName = 'Họ và tên quá dài (tối đa 120 ký tự).';
  if (!normalisePhone(f.phone)) e.phone = 'Số điện thoại di động Việt Nam gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.';
  if (f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) e.email = 'Email chưa đúng định dạng.';
  if (f.password.length < 8) e.password = 'Mật khẩu cần ít nhất 8 ký tự.';
  else if (f.password.length > 128) e.password = 'Mật khẩu quá dài (tối đa 128 ký tự).';
  if (f.passwordConfirm !== f.password) e.passwordConfirm = 'Mật khẩu nhập lại không khớp.';
  if (!/^\d{12}$/.test(f.nationalId.trim())) e.nationalId = 'Số CCCD gồm đúng 12 chữ số.';
  const age = ageOn(f.dateOfBirth, today);
  if (!f.dateOfBirth) e.dateOfBirth = 'Vui lòng nhập ngày sinh.';
  else if (!Number.isFinite(age) || age < 0 || age > 120) e.dateOfBirth = 'Ngày sinh không hợp lệ.';
  if (!provinces.includes(f.province)) e.province = 'Vui lòng chọn tỉnh, thành phố.';
  if (f.commune.length > 120) e.commune = 'Tên xã, phường quá dài.';
  if (f.unit.length > 200) e.unit = 'Tên đơn vị quá dài.';
  if (!f.consent) e.consent = 'Bạn cần đồng ý cho xử lý dữ liệu cá nhân để đăng ký.';
  if (Number.isFinite(age) && age >= 0 && age < GUARDIAN_AGE) {
    if (f.guardianName.trim().length < 2) e.guardianName = 'Người dưới 16 tuổi cần ghi họ tên người giám hộ.';
    if (!f.guardianConsent) e.guardianConsent = 'Người giám hộ cần đồng ý để bạn tham gia.';
  }
  return e;
}

/** The POST /auth/register body: optional fields left out when empty. */
export function registrationBody(f: RegistrationForm, today: Date = new Date()): Record<string, unknown> {
  const body: Record<string, unknown> = {
    fullName: f.fullName.trim(),
    phone: normalisePhone(f.phone) ?? f.phone.trim(),
    password: f.password,
    nationalId: f.nationalId.trim(),
    dateOfBirth: f.dateOfBirth,
    province: f.province,
    consent: f.consent,
  };
  if (f.email.trim()) body.email = f.email.trim();
  if (f.commune.trim()) body.commune = f.commune.trim();
  if (f.unit.trim()) body.unit = f.unit.trim();
  if (needsGuardian(f.dateOfBirth, today)) {
    body.guardianName = f.guardianName.trim();
    body.guardianConsent = f.guardianConsent;
  }
  return body;
}
