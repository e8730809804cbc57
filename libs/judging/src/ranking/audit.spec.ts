import { hashRankingInputs, hashRankingOutput, separatorAt } from './audit';
import { rankRound } from './rank-round';
import { parseRankingRules } from './rules';
import { OPENS_AT, row } from '../../test/ranking-rows';

const rules = parseRankingRules({});
const chained = parseRankingRules({ chain: ['score', 'prediction', 'under-before-over', 'time-taken', 'submitted-at'] });
const ctx = { actual: 100, opensAt: OPENS_AT };
const rows = [
  row('a', { score: 9, prediction: 100 }),
  row('b', { score: 10, prediction: 90 }),
  row('c', { score: 10, prediction: 110, attemptNo: 1 }),
  row('c', { score: 3, attemptNo: 2 }),
  row('d', { score: 9, prediction: 100 }),
  row('e', { score: 1, status: 'void' }),
];

describe('ranking audit', () => {
  it('hashes the canonical inputs: independent of row order, sensitive to every input', () => {
    const h = hashRankingInputs(rows, rules, ctx);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRankingInputs([...rows].reverse(), rules, ctx)).toBe(h);
    expect(hashRankingInputs(rows, parseRankingRules({}), ctx)).toBe(h);
    const changed = [
      hashRankingInputs(
        rows.map((r, i) => (i === 0 ? { ...r, score: 9.5 } : r)),
        rules,
        ctx,
      ),
      hashRankingInputs(
        rows.map((r, i) => (i === 5 ? { ...r, status: 'submitted' } : r)),
        rules,
        ctx,
      ),
      hashRankingInputs(
        rows.map((r, i) => (i === 1 ? { ...r, prediction: null } : r)),
        rules,
        ctx,
      ),
      hashRankingInputs(
        rows.map((r, i) => (i === 1 ? { ...r, submittedAt: new Date(r.submittedAt.getTime() + 1) } : r)),
        rules,
        ctx,
      ),
      hashRankingInputs(rows.slice(1), rules, ctx),
      hashRankingInputs(rows, chained, ctx),
      hashRankingInputs(rows, rules, { ...ctx, actual: 101 }),
      hashRankingInputs(rows, rules, { ...ctx, opensAt: new Date(0) }),
    ];
    for (const c of changed) expect(c).not.toBe(h);
    expect(new Set(changed).size).toBe(changed.length);
  });

  it('records, for each pair of neighbours, the rule that separated them', () => {
    const r = rankRound(rows, chained, ctx);
    expect(r.results.map((x) => x.personId)).toEqual(['b', 'c', 'a', 'd']);
    expect(r.audit.separations).toBe('US=');
    expect(r.audit.separatorCounts).toEqual({ 'under-before-over': 1, score: 1, tie: 1 });
    expect(separatorAt(r.audit, 0)).toBe('under-before-over');
    expect(separatorAt(r.audit, 2)).toBe('tie');
    expect(separatorAt(r.audit, 3)).toBeNull();
    expect(r.audit).toMatchObject({ version: 2, rowCount: 6, rankedCount: 4, actual: 100, opensAt: OPENS_AT.toISOString() });
    expect(r.audit.inputHash).toBe(hashRankingInputs(rows, chained, ctx));
    // Without the step in the chain, b (under) and c (over) are equal on every published rule.
    expect(rankRound(rows, rules, ctx).audit.separations).toBe('=S=');
    expect(separatorAt({ separations: 'Q' }, 0)).toBe('prediction-equal-distance'); // results stored before version 2
  });

  it('hashes the published order so a later re-run can be checked against it', () => {
    const r = rankRound(rows, rules, ctx);
    expect(r.audit.outputHash).toBe(hashRankingOutput(r.results));
    const swapped = [r.results[1], r.results[0], ...r.results.slice(2)];
    expect(hashRankingOutput(swapped)).not.toBe(r.audit.outputHash);
  });
});
