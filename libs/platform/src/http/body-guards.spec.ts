import { bodyProblem, urlHasNul } from './body-guards';

const nest = (n: number) => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

describe('bodyProblem', () => {
  it('passes ordinary bodies and scalars', () => {
    expect(bodyProblem({ a: [{ b: { c: 'Nguyễn' } }] })).toBeNull();
    expect(bodyProblem('x')).toBeNull();
    expect(bodyProblem(null)).toBeNull();
    expect(bodyProblem(nest(32))).toBeNull();
    expect(bodyProblem({ text: 'a\\u0000b (escaped, harmless)' })).toBeNull();
  });
  it('refuses nesting past the limit, however deep, without recursion', () => {
    expect(bodyProblem(nest(33))).toBe('too_deep');
    expect(bodyProblem(nest(200_000))).toBe('too_deep');
    expect(bodyProblem({ ok: 1, deep: nest(40) })).toBe('too_deep');
  });
  it('refuses NUL and lone surrogates in any string or key, keeps real emoji', () => {
    expect(bodyProblem({ title: 'a\u0000b' })).toBe('invalid_text');
    expect(bodyProblem({ list: [{ x: ['ok', '\u0000'] }] })).toBe('invalid_text');
    expect(bodyProblem({ ['k\u0000']: 1 })).toBe('invalid_text');
    expect(bodyProblem({ title: 'x\ud800y' })).toBe('invalid_text');
    expect(bodyProblem({ ['\udfff']: 1 })).toBe('invalid_text');
    expect(bodyProblem({ title: 'Chúc mừng 🎉' })).toBeNull();
  });
});

describe('urlHasNul', () => {
  it('finds %00 in path or query, and nothing in clean urls', () => {
    expect(urlHasNul('/api/v1/contests/abc%00def')).toBe(true);
    expect(urlHasNul('/api/v1/x?q=a%00')).toBe(true);
    expect(urlHasNul('/api/v1/contests/abc%2500')).toBe(false);
    expect(urlHasNul('/api/v1/contests/bau-cu-2026?limit=10')).toBe(false);
  });
});
