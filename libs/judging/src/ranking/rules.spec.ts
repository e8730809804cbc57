import { DomainError } from '@lc/platform';
import { DEFAULT_RANKING_RULES, liveChain, parseRankingRules, withoutRetiredKeys } from './rules';

function problems(input: unknown): Record<string, string[]> {
  try {
    parseRankingRules(input);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).status).toBe(400);
    expect((e as DomainError).code).toBe('invalid_ranking_rules');
    return Object.fromEntries(((e as DomainError).details as { field: string; problems: string[] }[]).map((d) => [d.field, d.problems]));
  }
  throw new Error('expected the rules to be rejected');
}

describe('ranking rules (thể lệ)', () => {
  it('defaults to SPEC.md: score, prediction, time taken, earlier submission; best attempt', () => {
    const r = parseRankingRules(undefined);
    expect(r.chain).toEqual(['score', 'prediction', 'time-taken', 'submitted-at']);
    expect(r.representative).toBe('best');
    expect(r).not.toHaveProperty('equalDistance'); // no hidden tie-break beyond the chain
    expect(r.prediction).toEqual({ target: 'entrants', countBy: 'people' });
    r.chain.pop();
    expect(DEFAULT_RANKING_RULES.chain).toHaveLength(4); // callers get a copy
  });

  it('lets organisers reorder and drop steps and keeps defaults for the rest', () => {
    const r = parseRankingRules({ chain: ['score', 'since-open'], representative: 'last', prediction: { target: 'perfect-score-entrants' } });
    expect(r.chain).toEqual(['score', 'since-open']);
    expect(r.representative).toBe('last');
    expect(r.prediction).toEqual({ target: 'perfect-score-entrants', countBy: 'people' });
    expect(parseRankingRules({ prediction: null }).prediction).toBeNull();
  });

  it('names every bad field at once', () => {
    const p = problems({
      chain: ['score', 'luck', 'score'],
      equalDistance: 'under-before-over',
      representative: 'first',
      prediction: { target: 'x', countBy: 'y' },
      extra: 1,
    });
    expect(Object.keys(p).sort()).toEqual(['chain[1]', 'chain[2]', 'equalDistance', 'extra', 'prediction.countBy', 'prediction.target', 'representative']);
    expect(p['chain[2]'][0]).toMatch(/repeats score/);
    expect(p.equalDistance[0]).toMatch(/put under-before-over in the chain/);
    expect(Object.keys(problems({ chain: [] }))).toEqual(['chain']);
    expect(Object.keys(problems('score first'))).toEqual(['rankingRules']);
  });

  it('takes under-before-over only as a chain step after prediction', () => {
    const chain = ['score', 'prediction', 'under-before-over', 'time-taken', 'submitted-at'];
    expect(parseRankingRules({ chain }).chain).toEqual(chain);
    expect(problems({ chain: ['score', 'under-before-over', 'prediction'] })['chain[1]'][0]).toMatch(/after prediction/);
    expect(Object.keys(problems({ chain: ['under-before-over', 'score'] }))).toEqual(['chain[0]']);
  });

  it('reads stored rules that still carry the retired equal-distance setting, without it', () => {
    const stored = { chain: ['score', 'prediction', 'time-taken'], equalDistance: 'under-before-over', representative: 'best' };
    const r = parseRankingRules(withoutRetiredKeys(stored));
    expect(r.chain).toEqual(['score', 'prediction', 'time-taken']);
    expect(r).not.toHaveProperty('equalDistance');
    expect(withoutRetiredKeys(null)).toBeNull();
  });

  it('gives the live board the chain without the steps that need the actual prediction value', () => {
    expect(liveChain(parseRankingRules({}))).toEqual(['score', 'time-taken', 'submitted-at']);
    expect(liveChain(parseRankingRules({ chain: ['score', 'prediction', 'under-before-over', 'time-taken'] }))).toEqual(['score', 'time-taken']);
  });
});
