import { describe, expect, it } from 'vitest';
import { checkVnDateTime, formatVnDateTimeInput, maskVnDateTime, parseVnDateTime, spellVnDateTime } from './vn-datetime';

/** Types `keys` one character at a time, as an input's onChange would see them. */
const type = (keys: string, start = '') => [...keys].reduce((value, k) => maskVnDateTime(value + k, value), start);

describe('date-times typed in Vietnam time', () => {
  it('reads dd/MM/yyyy HH:mm as Vietnam time, whatever the browser language', () => {
    expect(parseVnDateTime('01/07/2025 08:30')).toBe('2025-07-01T01:30:00.000Z');
    expect(parseVnDateTime('1/7/2025 8:30')).toBe('2025-07-01T01:30:00.000Z');
    expect(parseVnDateTime(' 01.07.2025  8h30 ')).toBe('2025-07-01T01:30:00.000Z');
    expect(parseVnDateTime('01/07/2025 00:00')).toBe('2025-06-30T17:00:00.000Z');
    expect(parseVnDateTime('2025-07-01T08:30')).toBe('2025-07-01T01:30:00.000Z');
    expect(parseVnDateTime('07/01/2025 08:30')).toBe('2025-01-07T01:30:00.000Z'); // day first, not US
  });

  it('names what is wrong', () => {
    expect(checkVnDateTime('01/07/2025').problem).toMatch(/^Thiếu giờ/);
    expect(checkVnDateTime('29/02/2025 08:00').problem).toBe('Ngày 29/02/2025 không có trên lịch.');
    expect(checkVnDateTime('29/02/2024 08:00').iso).toBe('2024-02-29T01:00:00.000Z');
    expect(checkVnDateTime('01/13/2025 08:00').problem).toBe('Ngày 01/13/2025 không có trên lịch.');
    expect(checkVnDateTime('01/07/2025 08:60').problem).toBe('Giờ phải từ 00:00 đến 23:59.');
    expect(checkVnDateTime('7/1/2025 8:30 AM').problem).toMatch(/^Nhập theo dạng ngày\/tháng\/năm giờ:phút, ví dụ 01\/07\/2025 08:30/);
  });

  it('puts the separators in while digits are typed, so a numeric keypad is enough', () => {
    expect(type('010720250830')).toBe('01/07/2025 08:30');
    expect(type('0107202508301')).toBe('01/07/2025 08:30'); // nothing past the minutes
    expect(type('1/7/2025 8:30')).toBe('1/7/2025 8:30');
    expect(type('01.07.2025 0830')).toBe('01/07/2025 08:30');
    expect(type('01/')).toBe('01/');
    expect(maskVnDateTime('01/0', '01/07')).toBe('01/0'); // deleting is left alone
    expect(maskVnDateTime('2025-07-01T08:30', '')).toBe('2025-07-01T08:30');
  });

  it('shows a stored instant back in the field and reads it out with its weekday', () => {
    expect(formatVnDateTimeInput('2025-07-01T01:30:00.000Z')).toBe('01/07/2025 08:30');
    expect(formatVnDateTimeInput('2025-06-30T17:00:00.000Z')).toBe('01/07/2025 00:00');
    expect(formatVnDateTimeInput(null)).toBe('');
    expect(spellVnDateTime('2025-07-01T01:30:00.000Z')).toBe('Thứ Ba, 01/07/2025 lúc 08:30');
    expect(spellVnDateTime('2025-07-05T17:00:00.000Z')).toBe('Chủ nhật, 06/07/2025 lúc 00:00');
  });
});
