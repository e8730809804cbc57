import fc from 'fast-check';
import { compareEntries, decodeEntry, encodeEntry, normaliseScore, replaces } from './board-encoding';

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The ranking rules as written in SPEC.md, to check the encoding against. */
function byRules(a: { score: number; timeTakenMs: number; submittedAtMs: number; userId: string }, b: typeof a): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.timeTakenMs !== b.timeTakenMs) return a.timeTakenMs - b.timeTakenMs;
  if (a.submittedAtMs !== b.submittedAtMs) return a.submittedAtMs - b.submittedAtMs;
  return a.userId < b.userId ? 1 : -1;
}

/** What Redis does for ZREVRANGE: score desc, then member bytes desc. */
function redisOrder(a: { score: number; member: string }, b: typeof a): number {
  if (a.score !== b.score) return b.score - a.score;
  return Buffer.compare(Buffer.from(b.member), Buffer.from(a.member));
}

describe('board encoding', () => {
  it('round-trips an entry', () => {
    const e = { userId: uid(7), score: 17.5, timeTakenMs: 123_456, submittedAtMs: Date.parse('2026-05-01T02:03:04.567Z') };
    const enc = encodeEntry(e);
    expect(decodeEntry(enc.member, String(enc.score))).toEqual(e);
  });

  it('makes the Redis order equal the ranking rules (score desc, time asc, earlier submission)', () => {
    const entry = fc.record({
      score: fc.integer({ min: 0, max: 40 }).map((n) => n / 2),
      timeTakenMs: fc.integer({ min: 0, max: 86_400_000 }),
      submittedAtMs: fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
      user: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 2, maxLength: 40 }), (raw) => {
        const seen = new Set<number>();
        const entries = raw.filter((r) => !seen.has(r.user) && seen.add(r.user)).map((r) => ({ ...r, userId: uid(r.user) }));
        const expected = [...entries].sort(byRules).map((e) => e.userId);
        const viaRedis = entries
          .map((e) => encodeEntry(e))
          .sort(redisOrder)
          .map((e) => decodeEntry(e.member, e.score).userId);
        const viaComparator = entries
          .map((e) => encodeEntry(e))
          .sort(compareEntries)
          .map((e) => decodeEntry(e.member, e.score).userId);
        expect(viaRedis).toEqual(expected);
        expect(viaComparator).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('rounds scores like the numeric(12,4) column, so sums in a different order compare equal', () => {
    expect(normaliseScore(0.1 + 0.2)).toBe(normaliseScore(0.3));
    expect(normaliseScore(1 / 3 + 1 / 3 + 1 / 3 + 1 / 3)).toBe(1.3333);
    expect(normaliseScore(-0)).toBe(0);
    expect(() => normaliseScore(Number.NaN)).toThrow(RangeError);
  });

  it('clamps absurd times into the fixed-width fields instead of corrupting the order', () => {
    const a = encodeEntry({ userId: uid(1), score: 1, timeTakenMs: -5, submittedAtMs: 0 });
    expect(a.member).toHaveLength(9 + 13 + 1 + 36);
    expect(decodeEntry(a.member, a.score).timeTakenMs).toBe(0);
    expect(() => encodeEntry({ userId: 'a:b', score: 1, timeTakenMs: 1, submittedAtMs: 1 })).toThrow(RangeError);
  });

  describe('replaces', () => {
    const at = (score: number, timeTakenMs: number, submittedAtMs: number) => encodeEntry({ userId: uid(1), score, timeTakenMs, submittedAtMs });
    it('best: only a better attempt replaces, an identical one never', () => {
      expect(replaces('best', at(8, 1000, 2), at(7, 500, 1))).toBe(true);
      expect(replaces('best', at(7, 400, 2), at(7, 500, 1))).toBe(true);
      expect(replaces('best', at(7, 500, 0), at(7, 500, 1))).toBe(true);
      expect(replaces('best', at(6, 100, 2), at(7, 500, 1))).toBe(false);
      expect(replaces('best', at(7, 500, 1), at(7, 500, 1))).toBe(false);
      expect(replaces('best', at(1, 1, 1), null)).toBe(true);
    });
    it('last: the later submission replaces, whatever its score; an older one arriving late does not', () => {
      expect(replaces('last', at(2, 1000, 20), at(9, 500, 10))).toBe(true);
      expect(replaces('last', at(9, 500, 10), at(2, 1000, 20))).toBe(false);
      expect(replaces('last', at(2, 1000, 20), at(2, 1000, 20))).toBe(false);
    });
  });
});
