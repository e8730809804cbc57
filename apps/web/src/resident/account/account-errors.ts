import { ApiError } from '../../shared/api/errors';

/** The server's account refusals, said in Vietnamese against the field they concern. */
const FIELD_MESSAGES: Record<string, { field: string; message: string }> = {
  weak_password: { field: 'password', message: 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ.' },
  wrong_password: { field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
  same_password: { field: 'newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
  invalid_reset_code: { field: 'code', message: 'Mã không đúng hoặc đã hết hạn. Hãy kiểm tra lại, hoặc yêu cầu gửi mã mới.' },
  invalid_national_id: { field: 'nationalId', message: 'Số CCCD không hợp lệ: kiểm tra mã tỉnh (3 số đầu) và năm sinh (số thứ 5–6) khớp với ngày sinh.' },
};

/**
 * Field errors from an account refusal, keyed as the form names its fields. `passwordField`
 * says what the form calls the new password (sign-up: `password`; change, reset: `newPassword`).
 */
export function accountFieldErrors(e: unknown, passwordField = 'password'): Record<string, string> {
  if (!(e instanceof ApiError) || !e.code) return {};
  const m = FIELD_MESSAGES[e.code];
  if (!m) return {};
  return { [m.field === 'password' ? passwordField : m.field]: m.message };
}

/** Minimum length and a repeat: checked before sending, the common-password list on the server. */
export function newPasswordProblem(password: string, confirm: string): { newPassword?: string; confirm?: string } {
  if (password.length < 8) return { newPassword: 'Mật khẩu cần ít nhất 8 ký tự.' };
  if (password !== confirm) return { confirm: 'Hai lần nhập mật khẩu chưa khớp.' };
  return {};
}

/** "01:30" style wait for a sign-in delay. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} giây`;
  const m = Math.ceil(seconds / 60);
  return `${m} phút`;
}
