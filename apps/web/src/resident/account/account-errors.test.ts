import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { accountFieldErrors, newPasswordProblem, waitText } from './account-errors';

const err = (code: string) => new ApiError(400, code, 'x');

describe('account refusals', () => {
  it('puts each refusal on its field, in Vietnamese', () => {
    expect(accountFieldErrors(err('weak_password'))).toEqual({ password: expect.stringContaining('quá phổ biến') });
    expect(accountFieldErrors(err('weak_password'), 'newPassword')).toEqual({ newPassword: expect.stringContaining('quá phổ biến') });
    expect(accountFieldErrors(err('wrong_password'))).toEqual({ currentPassword: 'Mật khẩu hiện tại không đúng.' });
    expect(accountFieldErrors(err('invalid_reset_code'))).toEqual({ code: expect.stringContaining('hết hạn') });
    expect(accountFieldErrors(err('invalid_national_id'))).toEqual({ nationalId: expect.stringContaining('mã tỉnh') });
    expect(accountFieldErrors(err('forbidden'))).toEqual({});
    expect(accountFieldErrors(new Error('x'))).toEqual({});
  });
  it('checks a new password before sending', () => {
    expect(newPasswordProblem('ngan', 'ngan')).toEqual({ newPassword: 'Mật khẩu cần ít nhất 8 ký tự.' });
    expect(newPasswordProblem('mat khau dai', 'mat khau dai.')).toEqual({ confirm: 'Hai lần nhập mật khẩu chưa khớp.' });
    expect(newPasswordProblem('mat khau dai', 'mat khau dai')).toEqual({});
  });
  it('says a wait in seconds or minutes', () => {
    expect([waitText(8), waitText(60), waitText(900)]).toEqual(['8 giây', '1 phút', '15 phút']);
  });
});
