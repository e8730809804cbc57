import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy', () => {
  it('reads off and on words', () => {
    for (const off of ['', 'false', 'FALSE', '0', 'no']) expect(parseTrustProxy(off)).toEqual({ value: false });
    for (const on of ['true', 'Yes', '1']) expect(parseTrustProxy(on)).toEqual({ value: true });
  });

  it('names proxies by address or CIDR range', () => {
    expect(parseTrustProxy('127.0.0.1')).toEqual({ value: ['127.0.0.1'] });
    expect(parseTrustProxy(' 10.0.0.0/8, ::1 ,fd00::/8')).toEqual({ value: ['10.0.0.0/8', '::1', 'fd00::/8'] });
  });

  it('refuses what is neither, naming it', () => {
    expect(parseTrustProxy('nginx').problem).toMatch(/"nginx"/);
    expect(parseTrustProxy('10.0.0.0/33').problem).toMatch(/10\.0\.0\.0\/33/);
    expect(parseTrustProxy('127.0.0.1/8/1').problem).toBeDefined();
    expect(parseTrustProxy('127.0.0.1,').value).toEqual(['127.0.0.1']);
  });
});
