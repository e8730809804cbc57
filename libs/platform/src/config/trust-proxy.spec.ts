import { clientAddress, parseTrustProxy } from './trust-proxy';

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

describe('clientAddress', () => {
  it('is the peer unless the peer is a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '10.0.0.1', false)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '10.0.0.1', ['127.0.0.1'])).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', '198.51.100.7', ['127.0.0.1'])).toBe('198.51.100.7');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.7', ['127.0.0.1'])).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', undefined, ['127.0.0.1'])).toBe('127.0.0.1');
  });

  it('walks back only through trusted hops, so a forged leftmost entry is never taken', () => {
    expect(clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.7', ['127.0.0.1'])).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.7, 10.1.2.3', ['127.0.0.1', '10.0.0.0/8'])).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.7', true)).toBe('6.6.6.6');
  });
});
