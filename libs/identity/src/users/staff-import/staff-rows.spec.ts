import { FileRefusedError } from '../../../../platform/src/files/file-refused';
import { duplicateRows, readStaffHeader, rowToStaff, type StaffRowInput } from './staff-rows';

describe('staff file rows', () => {
  it('reads Vietnamese and English headers in any case and order, with or without diacritics', () => {
    expect(readStaffHeader(['Họ và tên', 'Email', 'Số điện thoại', 'Vai trò', 'Mã đơn vị']).columns).toEqual([
      'fullName',
      'email',
      'phone',
      'role',
      'organisation',
    ]);
    expect(readStaffHeader(['role', 'EMAIL', 'fullName', 'Organisation', 'ghi chú']).columns).toEqual(['role', 'email', 'fullName', 'organisation', undefined]);
    expect(readStaffHeader(['ho va ten', 'e-mail', 'SĐT', 'vai tro', 'don vi']).columns).toEqual(['fullName', 'email', 'phone', 'role', 'organisation']);
    expect(readStaffHeader(['Họ và tên', 'Email', 'Vai trò', 'Ghi chú']).ignored).toEqual(['Ghi chú']);
  });

  it('refuses a file whose header lacks a required column, naming it', () => {
    expect(() => readStaffHeader(['Họ và tên', 'Số điện thoại'])).toThrow(FileRefusedError);
    expect(() => readStaffHeader(['Họ và tên', 'Số điện thoại'])).toThrow('missing: "Email", "Vai trò"');
  });

  const header = readStaffHeader(['Họ và tên', 'Email', 'Số điện thoại', 'Vai trò', 'Đơn vị']);

  it('maps a row: names NFC and single-spaced, e-mails lower case, phones normalised, Vietnamese role words', () => {
    const decomposed = 'Nguyễn  Văn An'.normalize('NFD');
    expect(rowToStaff(header, [decomposed, ' An.Nguyen@Sotuphap.VN ', '+84 912 345 678', 'Giám khảo', 'Sở Tư pháp Huế'], 2)).toEqual({
      input: { row: 2, fullName: 'Nguyễn Văn An', email: 'an.nguyen@sotuphap.vn', phone: '0912345678', role: 'judge', organisation: 'Sở Tư pháp Huế' },
    });
    expect(rowToStaff(header, ['Trần Thị Bình', 'binh@x.vn', '', 'ban tổ chức', 'abc'], 3)).toMatchObject({ input: { role: 'organiser', phone: null } });
    expect(rowToStaff(header, ['Lê Quản Trị', 'qt@x.vn', '', 'QUẢN TRỊ', 'ignored for admins'], 4)).toMatchObject({
      input: { role: 'admin', organisation: null },
    });
    expect(rowToStaff(header, ['Lê Văn Cường', 'c@x.vn', '', 'organiser', 'org'], 5)).toMatchObject({ input: { role: 'organiser' } });
  });

  it('names each problem of a row with its field', () => {
    expect(rowToStaff(header, ['X', 'not-an-email', '12345', 'thư ký', ''], 7)).toEqual({
      problems: [
        { row: 7, field: 'fullName', reason: 'the full name must have 2 to 120 characters' },
        { row: 7, field: 'email', reason: '"not-an-email" is not an e-mail address' },
        { row: 7, field: 'phone', reason: '"12345" is not a Vietnamese mobile number' },
        { row: 7, field: 'role', reason: 'unknown role "thư ký": use ban tổ chức, giám khảo, quản trị (or organiser, judge, admin)' },
      ],
    });
    expect(rowToStaff(header, ['Phạm Văn Dũng', 'd@x.vn', '', 'giám khảo', ''], 8)).toEqual({
      problems: [{ row: 8, field: 'organisation', reason: 'organisers and judges need their organisation (its name or code)' }],
    });
    expect(rowToStaff(header, ['Phạm Văn Dũng', '', '', '', 'A'], 9)).toMatchObject({ problems: [{ field: 'email' }, { field: 'role' }] });
  });

  it('finds rows repeating an earlier e-mail or phone', () => {
    const r = (row: number, email: string, phone: string | null): StaffRowInput => ({ row, email, phone, fullName: 'Tên', role: 'judge', organisation: 'A' });
    expect(duplicateRows([r(2, 'a@x.vn', '0912345678'), r(3, 'b@x.vn', null), r(4, 'a@x.vn', '0912345678'), r(5, 'c@x.vn', null)])).toEqual([
      { row: 4, field: 'email', reason: 'the same e-mail as row 2' },
      { row: 4, field: 'phone', reason: 'the same phone number as row 2' },
    ]);
  });
});
