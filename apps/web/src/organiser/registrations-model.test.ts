import { describe, expect, it } from 'vitest';
import { registrationCount, registrationDetails, registrationFieldLabel } from './registrations-model';

describe("the contest's registrations", () => {
  it('names the fields in Vietnamese; an organiser-defined field keeps its name', () => {
    expect(registrationFieldLabel('commune')).toBe('Xã, phường, đặc khu');
    expect(registrationFieldLabel('phone')).toBe('Số điện thoại');
    expect(registrationFieldLabel('soHieuCanBo')).toBe('soHieuCanBo');
  });

  it('lists the details besides name and unit, masked numbers as given, the account province last', () => {
    const rows = registrationDetails({
      fields: { unit: 'Sở Tư pháp', fullName: 'Nguyễn Văn An', phone: '09******78', position: 'Chuyên viên', commune: 'Phường Thuận Hóa', note: ' ' },
      province: 'Thành phố Huế',
    });
    expect(rows.map((r) => `${r.label}: ${r.value}`)).toEqual([
      'Xã, phường, đặc khu: Phường Thuận Hóa',
      'Chức vụ: Chuyên viên',
      'Số điện thoại: 09******78',
      'Tỉnh, thành phố: Thành phố Huế',
    ]);
  });

  it('has nothing to add when the registration holds only name and unit', () => {
    expect(registrationDetails({ fields: { unit: 'Sở Tư pháp' }, province: null })).toEqual([]);
  });

  it('counts in Vietnamese', () => {
    expect(registrationCount(0)).toBe('Chưa có ai đăng ký.');
    expect(registrationCount(1234)).toBe('1.234 người đã đăng ký.');
  });
});
