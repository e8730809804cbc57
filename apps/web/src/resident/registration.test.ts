import { describe, expect, it } from 'vitest';
import { normalisePhone, registrationBody, validateRegistration, type RegistrationForm } from './registration';

const provinces = ['Hà Nội', 'Huế'];
const today = new Date(2026, 0, 15);
const good: RegistrationForm = {
  fullName: 'Nguyễn Văn An',
  phone: '0912 345 678',
  email: '',
  password: 'mật-khẩu-dài',
  passwordConfirm: 'mật-khẩu-dài',
  nationalId: '001203004789',
  dateOfBirth: '1990-05-17',
  province: 'Hà Nội',
  commune: '',
  unit: '',
  consent: true,
  guardianName: '',
  guardianConsent: false,
};

describe('registration', () => {
  it('accepts a complete adult form and builds the API body without empty optionals', () => {
    expect(validateRegistration(good, provinces, today)).toEqual({});
    expect(registrationBody(good, today)).toEqual({
      fullName: 'Nguyễn Văn An',
      phone: '0912345678',
      password: 'mật-khẩu-dài',
      nationalId: '001203004789',
      dateOfBirth: '1990-05-17',
      province: 'Hà Nội',
      consent: true,
    });
  });

  it('explains each problem in Vietnamese', () => {
    const e = validateRegistration(
      { ...good, phone: '0212345678', nationalId: '123', consent: false, province: 'Hà Tây', passwordConfirm: 'x' },
      provinces,
      today,
    );
    expect(Object.keys(e).sort()).toEqual(['consent', 'nationalId', 'passwordConfirm', 'phone', 'province']);
    expect(e.nationalId).toContain('12 chữ số');
  });

  it('asks for a guardian under 16 and sends their consent', () => {
    const child = { ...good, dateOfBirth: '2012-03-01' };
    expect(validateRegistration(child, provinces, today)).toMatchObject({ guardianName: expect.any(String), guardianConsent: expect.any(String) });
    const ok = { ...child, guardianName: 'Trần Thị Bình', guardianConsent: true };
    expect(validateRegistration(ok, provinces, today)).toEqual({});
    expect(registrationBody(ok, today)).toMatchObject({ guardianName: 'Trần Thị Bình', guardianConsent: true });
  });

  it('normalises Vietnamese mobile numbers as people write them', () => {
    expect(normalisePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalisePhone('84912345678')).toBe('0912345678');
    expect(normalisePhone('0412345678')).toBeNull();
  });
});
