import { CCCD_PROVINCE_CODES, nationalIdProblems } from './cccd';

describe('CCCD structure', () => {
  it('has the 63 birth-registration province codes', () => {
    expect(CCCD_PROVINCE_CODES.size).toBe(63);
    expect(CCCD_PROVINCE_CODES.has('001')).toBe(true); // Hà Nội
    expect(CCCD_PROVINCE_CODES.has('079')).toBe(true); // Thành phố Hồ Chí Minh
    expect(CCCD_PROVINCE_CODES.has('003')).toBe(false);
  });

  it('accepts a real structure, man or woman, 1900s or 2000s, agreeing with the birth date', () => {
    expect(nationalIdProblems('001203004789', '2003-01-09')).toEqual([]);
    expect(nationalIdProblems('022190004789', '1990-05-17')).toEqual([]);
    expect(nationalIdProblems('079090123456', '1990-12-31')).toEqual([]);
    expect(nationalIdProblems('096305000001', '2005-02-28')).toEqual([]);
    expect(nationalIdProblems('096305000001')).toEqual([]);
  });

  it('refuses impossible numbers, naming what is wrong', () => {
    expect(nationalIdProblems('12345')).toEqual(['must be exactly 12 digits']);
    expect(nationalIdProblems('003090000001', '1990-01-01')).toEqual(['the first 3 digits are not a province code']);
    expect(nationalIdProblems('999090000001', '1990-01-01')).toEqual(['the first 3 digits are not a province code']);
    expect(nationalIdProblems('001490000001', '1990-01-01')).toEqual(['the 4th digit (century and sex) is not one of 0-3']);
    expect(nationalIdProblems('001090000001', '1991-01-01')).toEqual(['digits 4-6 say born in 1990, not in 1991 as the date of birth says']);
    expect(nationalIdProblems('001290000001', '1990-01-01')).toEqual(['digits 4-6 say born in 2090, not in 1990 as the date of birth says']);
    expect(nationalIdProblems('000000000000', '1990-01-01')).toHaveLength(2);
  });
});
