import { isCommonPassword, passwordProblems } from './password-policy';

describe('password policy', () => {
  it('refuses the most common passwords, whatever their case', () => {
    for (const p of ['12345678', '123456789', 'password', 'PASSWORD1', 'iloveyou', 'qwertyuiop', 'matkhau123', 'Anhyeuem'])
      expect(isCommonPassword(p)).toBe(true);
    expect(passwordProblems('12345678')).toEqual(['is one of the most common passwords; choose one that is harder to guess']);
  });
  it('accepts an ordinary uncommon password and refuses short or one-character ones', () => {
    expect(passwordProblems('matkhau-an-toan')).toEqual([]);
    expect(passwordProblems('Ha Long 2026 nang')).toEqual([]);
    expect(passwordProblems('abc')).toEqual(['must be at least 8 characters']);
    expect(passwordProblems('zzzzzzzzzzzz')).toHaveLength(1);
  });
});
