import fc from 'fast-check';
import { DomainError } from '@lc/platform';
import { RankableAttempt } from './attempt-row';
import { rankRound } from './rank-round';
import { parseRankingRules } from './rules';
import { OPENS_AT, row } from '../../test/ranking-rows';

const rules = parseRankingRules({});
const ctx = (actual: number | null = null) => ({ actual, opensAt: OPENS_AT });
const order = (rows: RankableAttempt[], r = rules, actual: number | null = null) =>
  rankRound(rows, r, ctx(actual)).results.map((x) => `${x.rank}:${x.personId}`);

describe('rankRound', () => {
  it('orders by score, then prediction distance, then time taken, then earlier submission', () => {
    const rows = [
      row('low', { score: 8, prediction: 100, timeTakenMs: 1 }),
      row('far', { score: 10, prediction: 150 }),
      row('near-slow', { score: 10, prediction: 99, timeTakenMs: 90_000 }),
      row('near-fast-late', { score: 10, prediction: 99, timeTakenMs: 30_000, at: 50 }),
      row('near-fast-early', { score: 10, prediction: 99, timeTakenMs: 30_000, at: 10 }),
    ];
    expect(order(rows, rules, 100)).toEqual(['1:near-fast-early', '2:near-fast-late', '3:near-slow', '4:far', '5:low']);
    const r = rankRound(rows, rules, ctx(100)).results;
    expect(r.map((x) => x.vsPrevious)).toEqual([null, 'submitted-at', 'time-taken', 'prediction', 'score']);
    expect(r[3].distance).toBe(50);
  });

  it('applies exactly the published chain: an equal distance, one under and one over, falls through to time taken', () => {
    const rows = [row('under-slow', { prediction: 95, timeTakenMs: 90_000, at: 1 }), row('over-fast', { prediction: 105, timeTakenMs: 30_000, at: 2 })];
    expect(order(rows, rules, 100)).toEqual(['1:over-fast', '2:under-slow']);
    expect(rankRound(rows, rules, ctx(100)).results[1].vsPrevious).toBe('time-taken');
    const noTime = parseRankingRules({ chain: ['score', 'prediction', 'submitted-at'] });
    expect(order(rows, noTime, 100)).toEqual(['1:under-slow', '2:over-fast']);
    expect(rankRound(rows, noTime, ctx(100)).results[1].vsPrevious).toBe('submitted-at');
    // Equal on every published step: a shared rank, not a hidden preference for the lower guess.
    const same = [row('over', { prediction: 105 }), row('under', { prediction: 95 })];
    expect(order(same, rules, 100)).toEqual(['1:over', '1:under']);
  });

  it('puts a guess at or under the actual value first only when the organiser chains under-before-over', () => {
    const chained = parseRankingRules({ chain: ['score', 'prediction', 'under-before-over', 'time-taken', 'submitted-at'] });
    const rows = [
      row('over-fast', { prediction: 105, timeTakenMs: 30_000, at: 1 }),
      row('under-slow', { prediction: 95, timeTakenMs: 90_000, at: 2 }),
      row('exact', { prediction: 100, timeTakenMs: 99_000 }),
    ];
    expect(order(rows, chained, 100)).toEqual(['1:exact', '2:under-slow', '3:over-fast']);
    expect(rankRound(rows, chained, ctx(100)).results.map((r) => r.vsPrevious)).toEqual([null, 'prediction', 'under-before-over']);
    // Two guesses on the same side, or no actual value yet: the step is inert and the chain goes on.
    const sameSide = [row('slow', { prediction: 95, timeTakenMs: 90_000 }), row('fast', { prediction: 95, timeTakenMs: 30_000 })];
    expect(order(sameSide, chained, 100)).toEqual(['1:fast', '2:slow']);
    expect(order(rows, chained, null)).toEqual(['1:over-fast', '2:under-slow', '3:exact']);
  });

  it('compares decimal guesses and scores without float drift', () => {
    const rows = [row('over', { prediction: 1200.1, at: 1 }), row('under', { prediction: 1199.9, at: 2 })];
    // Equal distances (not 0.1000000000000227 vs 0.0999…), so the earlier submission decides.
    expect(order(rows, rules, 1200)).toEqual(['1:over', '2:under']);
    expect(rankRound(rows, rules, ctx(1200)).results[1].vsPrevious).toBe('submitted-at');
    const sums = [row('a', { score: 0.1 + 0.2, timeTakenMs: 5 }), row('b', { score: 0.3, timeTakenMs: 4 })];
    expect(order(sums)).toEqual(['1:b', '2:a']);
  });

  it('puts a missing guess after every guess once the actual value is known, and ignores guesses before', () => {
    const rows = [row('none', { timeTakenMs: 1 }), row('far', { prediction: 1e6, timeTakenMs: 2 }), row('none2', { timeTakenMs: 3 })];
    expect(order(rows, rules, 10)).toEqual(['1:far', '2:none', '3:none2']);
    expect(order(rows, rules, null)).toEqual(['1:none', '2:far', '3:none2']);
  });

  it('represents each person by their best attempt, or their last, and never by a void one', () => {
    const rows = [
      row('a', { attemptNo: 1, score: 9, at: 1 }),
      row('a', { attemptNo: 2, score: 10, timeTakenMs: 70_000, at: 2 }),
      row('a', { attemptNo: 3, score: 8, at: 3 }),
      row('a', { attemptNo: 4, score: 10, status: 'void', timeTakenMs: 1, at: 4 }),
      row('b', { score: 10, timeTakenMs: 65_000 }),
    ];
    const best = rankRound(rows, rules, ctx()).results;
    expect(best.map((r) => [r.personId, r.attemptNo, r.attemptsCounted])).toEqual([
      ['b', 1, 1],
      ['a', 2, 3],
    ]);
    const last = rankRound(rows, parseRankingRules({ representative: 'last' }), ctx()).results;
    expect(last.map((r) => [r.personId, r.attemptNo, r.score])).toEqual([
      ['b', 1, 10],
      ['a', 3, 8],
    ]);
  });

  it('keeps the earlier of two identical attempts as the representative', () => {
    const rows = [row('a', { attemptNo: 2 }), row('a', { attemptNo: 1 })];
    expect(rankRound(rows, rules, ctx()).results[0].attemptNo).toBe(1);
  });

  it('shares a rank only when every step is equal (1, 1, 3)', () => {
    const same = { score: 9, timeTakenMs: 1000, at: 5 };
    const rows = [row('z', same), row('y', same), row('x', { ...same, at: 6 }), row('w', { score: 10 })];
    expect(order(rows)).toEqual(['1:w', '2:y', '2:z', '4:x']);
    expect(rankRound(rows, rules, ctx()).results.map((r) => r.vsPrevious)).toEqual([null, 'score', 'tie', 'submitted-at']);
  });

  it('follows a reordered or shortened chain', () => {
    const rows = [row('quick', { timeTakenMs: 10_000, at: 100 }), row('early', { timeTakenMs: 50_000, at: 20 })];
    expect(order(rows)).toEqual(['1:quick', '2:early']);
    const sinceOpen = parseRankingRules({ chain: ['score', 'since-open'] });
    const r = rankRound(rows, sinceOpen, ctx()).results;
    expect(r.map((x) => x.personId)).toEqual(['early', 'quick']);
    expect(r[0].sinceOpenMs).toBe(3600_000 + 20_000);
    expect(r[1].vsPrevious).toBe('since-open');
    expect(order(rows, parseRankingRules({ chain: ['score'] }))).toEqual(['1:early', '1:quick']);
  });

  it('refuses the since-open step without an opening time, and rows it cannot compare', () => {
    const sinceOpen = parseRankingRules({ chain: ['score', 'since-open'] });
    expect(() => rankRound([row('a')], sinceOpen, { actual: null, opensAt: null })).toThrow(DomainError);
    expect(() => rankRound([row('a', { score: Number.NaN })], rules, ctx())).toThrow(/cannot be ranked/);
    expect(() => rankRound([row('a', { submittedAt: new Date('x') } as never)], rules, ctx())).toThrow(/cannot be ranked/);
    expect(rankRound([row('a', { score: Number.NaN, status: 'void' })], rules, ctx()).results).toEqual([]);
  });

  it('gives the same ranking whatever order the rows arrive in (property)', () => {
    const arbRow = fc.record({
      personId: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6'),
      attemptNo: fc.integer({ min: 1, max: 3 }),
      score: fc.integer({ min: 0, max: 3 }),
      prediction: fc.option(fc.integer({ min: 95, max: 105 })),
      timeTakenMs: fc.integer({ min: 1, max: 3 }),
      at: fc.integer({ min: 0, max: 2 }),
      status: fc.constantFrom('submitted', 'expired', 'void'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbRow, { selector: (r) => `${r.personId}-${r.attemptNo}`, maxLength: 14 }), fc.integer(), (specs, seed) => {
        const rows = specs.map((s) => row(s.personId, s));
        const shuffled = [...rows].sort((a, b) => ((a.attemptId.length * 31 + seed) % 7) - ((b.attemptId.length * 17 + seed) % 5));
        const a = rankRound(rows, rules, ctx(100));
        const b = rankRound(shuffled.reverse(), rules, ctx(100));
        expect(b.results).toEqual(a.results);
        expect(b.audit.inputHash).toBe(a.audit.inputHash);
        const people = new Set(rows.filter((r) => r.status !== 'void').map((r) => r.personId));
        expect(a.results).toHaveLength(people.size);
        a.results.forEach((r, i) => {
          if (i === 0) return expect(r.rank).toBe(1);
          const prev = a.results[i - 1];
          expect(r.rank === prev.rank).toBe(r.vsPrevious === 'tie');
          if (r.rank !== prev.rank) expect(r.rank).toBe(i + 1);
          expect(prev.score).toBeGreaterThanOrEqual(r.score);
        });
      }),
      { numRuns: 300 },
    );
  });
});
