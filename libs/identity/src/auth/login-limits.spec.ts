import { normalisePhone } from '../pii/pii';
import { delayAfter, LOGIN_LIMITS, loginAccountKey } from './login-limits';

describe('sign-in limits', () => {
  it('treats 09…, +84… and 84… as one account', () => {
    const keys = ['0912345678', '+84912345678', '84912345678', '0912 345 678', '+84 91.234.5678'].map((l) => loginAccountKey(l, normalisePhone));
    expect(new Set(keys)).toEqual(new Set(['phone:0912345678']));
    expect(loginAccountKey(' An@Example.VN ', normalisePhone)).toBe('email:an@example.vn');
  });

  it('lets a few wrong tries through, then doubles the wait up to a cap', () => {
    const { freePerClient: free, baseDelaySeconds: base, maxClientDelaySeconds: max } = LOGIN_LIMITS;
    expect([0, 1, 4].map((f) => delayAfter(f, free, base, max))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map((f) => delayAfter(f, free, base, max))).toEqual([2, 4, 8, 16]);
    expect(delayAfter(40, free, base, max)).toBe(max);
    expect(delayAfter(10_000, free, base, max)).toBe(max);
  });

  it('never makes the account-wide wait (what strangers can cause) longer than a minute', () => {
    const { freePerAccount: free, baseDelaySeconds: base, maxAccountDelaySeconds: max } = LOGIN_LIMITS;
    expect(max).toBeLessThanOrEqual(60);
    expect(delayAfter(1_000_000, free, base, max)).toBe(max);
  });
});
