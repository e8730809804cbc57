import { describe, expect, it } from 'vitest';
import {
  emptyStaff,
  noStaffFilters,
  organisationBody,
  staffBody,
  staffProblemText,
  staffQuery,
  staffReasonText,
  validateOrganisation,
  validateStaff,
} from './admin-model';

describe('admin console rules', () => {
  it('asks provincial and commune bodies for a province, and drops it for central ones', () => {
    expect(validateOrganisation({ name: 'Sở Tư pháp', level: 'province', province: '' })).toEqual({ province: 'Chọn tỉnh, thành phố của đơn vị.' });
    expect(validateOrganisation({ name: 'B', level: '', province: '' })).toEqual({ name: 'Nhập tên đơn vị (ít nhất 2 ký tự).', level: 'Chọn cấp của đơn vị.' });
    expect(validateOrganisation({ name: 'Bộ Tư pháp', level: 'central', province: '' })).toEqual({});
    expect(organisationBody({ name: ' Bộ Tư pháp ', level: 'central', province: 'Huế' })).toEqual({ name: 'Bộ Tư pháp', level: 'central', province: null });
  });

  it('checks a staff account before sending it', () => {
    const ok = { ...emptyStaff, fullName: 'Nguyễn Văn An', email: 'an@stp.vn', password: 'mat-khau-tam', role: 'judge' as const, organisationId: 'o1' };
    expect(validateStaff(ok)).toEqual({});
    expect(Object.keys(validateStaff({ ...ok, organisationId: '' }))).toEqual(['organisationId']);
    expect(Object.keys(validateStaff({ ...ok, role: 'admin', organisationId: '' }))).toEqual([]);
    expect(Object.keys(validateStaff({ ...ok, phone: '12345', email: 'x', password: 'short' }))).toEqual(['email', 'phone', 'password']);
    expect(staffBody({ ...ok, role: 'admin' })).not.toHaveProperty('organisationId');
  });

  it('says import problems in Vietnamese, with the row and column', () => {
    expect(staffProblemText({ row: 4, field: 'email', reason: 'the same e-mail as row 2' })).toBe('Dòng 4, cột Email: Trùng email với dòng 2.');
    expect(staffProblemText({ row: 5, field: 'organisation', reason: 'no organisation "Sở Tư pháp Huê"' })).toBe(
      'Dòng 5, cột Đơn vị: Không có đơn vị "Sở Tư pháp Huê".',
    );
    expect(staffReasonText('unknown role "thư ký": use ban tổ chức, giám khảo, quản trị (or organiser, judge, admin)')).toBe(
      'Vai trò "thư ký" không hợp lệ: dùng ban tổ chức, giám khảo hoặc quản trị.',
    );
    expect(staffReasonText('something new')).toBe('something new');
  });
});

describe('server refusals at their field', () => {
  it('puts known codes and validation details on the field the server names', async () => {
    const { ApiError } = await import('../shared/api/errors');
    const { serverFieldErrors } = await import('./admin-model');
    expect(serverFieldErrors(new ApiError(409, 'email_taken', 'This e-mail already has an account'))).toEqual({
      email: 'Email này đã dùng cho một tài khoản khác.',
    });
    expect(serverFieldErrors(new ApiError(400, 'not_a_judge', 'x', [{ field: 'userId', problems: ['not a judge of this organisation'] }]))).toEqual({
      userId: 'Người này không phải giám khảo của đơn vị.',
    });
    expect(serverFieldErrors(new ApiError(400, 'validation_failed', 'x', [{ field: 'userId', problems: ['userId must be a UUID'] }]))).toEqual({
      userId: 'Giá trị chưa hợp lệ (userId must be a UUID).',
    });
    expect(serverFieldErrors(new ApiError(500, undefined, 'boom'))).toEqual({});
  });
});

describe('the staff list filters', () => {
  it('leave out what is blank, and send the status as a yes/no', () => {
    expect(staffQuery(noStaffFilters, 20, 40)).toEqual({ q: undefined, role: undefined, organisationId: undefined, active: undefined, limit: 20, offset: 40 });
    expect(staffQuery({ q: 'Lan', role: 'judge', organisationId: 'o1', active: 'false' }, 20, 0)).toEqual({
      q: 'Lan',
      role: 'judge',
      organisationId: 'o1',
      active: false,
      limit: 20,
      offset: 0,
    });
    expect(staffQuery({ ...noStaffFilters, active: 'true' }, 20, 0).active).toBe(true);
  });

  it('offer staff roles only: anything else lists every staff account', () => {
    expect(staffQuery({ ...noStaffFilters, role: 'resident' }, 20, 0).role).toBeUndefined();
    expect(staffQuery({ ...noStaffFilters, role: 'superuser' }, 20, 0).role).toBeUndefined();
  });
});
