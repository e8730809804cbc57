import { decrypt, encrypt, keyedHash, maskMiddle, normalisePhone } from './pii';
import { PROVINCES } from './provinces';

describe('personal data helpers', () => {
  const key = 'k'.repeat(32);
  it('normalises Vietnamese mobile numbers and rejects others', () => {
    expect(normalisePhone('0912 345 678')).toBe('0912345678');
    expect(normalisePhone('+84912345678')).toBe('0912345678');
    expect(normalisePhone('84 38.123.4567')).toBe('0381234567');
    expect(normalisePhone('0212345678')).toBeNull(); // landline prefix
    expect(normalisePhone('091234567')).toBeNull();
    expect(normalisePhone('abc')).toBeNull();
  });
  it('masks the middle of a national ID', () => {
    expect(maskMiddle('001203004789')).toBe('001******789');
  });
  it('hashes deterministically per key and purpose', () => {
    expect(keyedHash(key, 'nid', '001203004789')).toBe(keyedHash(key, 'nid', '001203004789'));
    expect(keyedHash(key, 'nid', '001203004789')).not.toBe(keyedHash(key, 'phone', '001203004789'));
    expect(keyedHash(key, 'nid', '001203004789')).not.toBe(keyedHash('x'.repeat(32), 'nid', '001203004789'));
  });
  it('encrypts and decrypts, with a fresh IV each time', () => {
    const a = encrypt(key, '001203004789');
    expect(a).not.toBe(encrypt(key, '001203004789'));
    expect(decrypt(key, a)).toBe('001203004789');
    expect(() => decrypt('z'.repeat(32), a)).toThrow();
  });
  it('lists the 34 provincial units', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(PROVINCES).toContain('Thành phố Hồ Chí Minh');
  });
});
