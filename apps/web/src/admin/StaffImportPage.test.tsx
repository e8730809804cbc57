import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StaffImportReportView } from './StaffImportPage';

describe('staff import report', () => {
  it('lists every problem by row and column, in Vietnamese', () => {
    const html = renderToStaticMarkup(
      <StaffImportReportView
        report={{
          dryRun: true,
          created: [],
          errors: [
            { row: 3, field: 'email', reason: 'the same e-mail as row 2' },
            { row: 4, field: 'role', reason: 'unknown role "thư ký": use ban tổ chức, giám khảo, quản trị (or organiser, judge, admin)' },
          ],
          warnings: ['columns not in the template were ignored: Ghi chú'],
        }}
      />,
    );
    expect(html).toContain('Tệp có 2 lỗi.');
    expect(html).toContain('Dòng 3, cột Email: Trùng email với dòng 2.');
    expect(html).toContain('Dòng 4, cột Vai trò: Vai trò &quot;thư ký&quot; không hợp lệ');
    expect(html).toContain('Đã bỏ qua các cột không có trong tệp mẫu: Ghi chú.');
    expect(html).not.toMatch(/same e-mail|unknown role|not in the template/);
  });

  it('shows each created account with its temporary password once, none in a dry run', () => {
    const created = [
      {
        row: 2,
        id: 'u1',
        fullName: 'Nguyễn Thị Lan',
        email: 'lan@stp.vn',
        role: 'judge' as const,
        organisationName: 'Sở Tư pháp',
        temporaryPassword: 'abcDEF234xyz',
      },
    ];
    const done = renderToStaticMarkup(<StaffImportReportView report={{ dryRun: false, created, errors: [], warnings: [] }} />);
    expect(done).toContain('Đã tạo 1 tài khoản.');
    expect(done).toContain('abcDEF234xyz');
    expect(done).toContain('Giám khảo');
    const dry = renderToStaticMarkup(
      <StaffImportReportView report={{ dryRun: true, created: created.map((c) => ({ ...c, id: null, temporaryPassword: null })), errors: [], warnings: [] }} />,
    );
    expect(dry).toContain('Tệp hợp lệ: sẽ tạo 1 tài khoản.');
    expect(dry).not.toContain('Mật khẩu tạm');
  });
});
