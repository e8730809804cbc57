import { DomainError } from '@lc/platform';
import type { RoundRules } from '../entities';
import { checkGroupField, effectiveRules, planFromRoundPrizes, publicPrizes } from './effective-rules';

const round = (over: Record<string, unknown> = {}) =>
  ({ kind: 'quiz', rankingRules: null, attemptScoring: 'best', predictionQuestion: null, prizes: [], ...over }) as Parameters<typeof effectiveRules>[0];

describe('effective ranking rules of a round', () => {
  it('derives them from the round when none are configured', () => {
    const r = effectiveRules(
      round({
        attemptScoring: 'last',
        prizes: [
          { name: 'Nhất', count: 1 },
          { name: 'Nhì', count: 2 },
        ],
        predictionQuestion: { prompt: 'Bao nhiêu?', target: 'perfect-score-entrants', countBy: 'attempts' },
      }),
      null,
    );
    expect(r.configured).toBe(false);
    expect(r.ranking).toEqual(
      expect.objectContaining({
        representative: 'last',
        chain: ['score', 'prediction', 'time-taken', 'submitted-at'],
        prediction: { target: 'perfect-score-entrants', countBy: 'attempts' },
      }),
    );
    expect(r.prizePlan!.tiers.map((t) => [t.code, t.level, t.count])).toEqual([
      ['p1', 1, 1],
      ['p2', 2, 2],
    ]);
  });

  it('takes the prediction target from the round, and none without a prediction question', () => {
    const row = {
      rankingRules: { chain: ['score', 'prediction'], equalDistance: 'earlier', representative: 'best', prediction: { target: 'entrants', countBy: 'people' } },
      prizePlan: null,
      groupField: null,
    } as unknown as RoundRules;
    expect(effectiveRules(round(), row).ranking.prediction).toBeNull();
    expect(effectiveRules(round({ predictionQuestion: { prompt: 'x?', target: 'custom', countBy: 'people' } }), row).ranking.prediction).toEqual({
      target: 'entrants',
      countBy: 'people',
    });
    expect(effectiveRules(round({ attemptScoring: 'last' }), row).ranking.representative).toBe('best');
    expect(effectiveRules(round(), row).ranking).not.toHaveProperty('equalDistance'); // stored before it was retired
  });

  it('drops the steps a judged round cannot use', () => {
    const r = effectiveRules(
      round({
        kind: 'judged',
        rankingRules: { chain: ['score', 'prediction', 'time-taken', 'since-open'] },
        predictionQuestion: { prompt: 'x?', target: 'entrants', countBy: 'people' },
      }),
      null,
    );
    expect(r.ranking.chain).toEqual(['score', 'since-open']);
    expect(r.ranking.prediction).toBeNull();
  });

  it('needs a group field for per-group quotas and checks its name', () => {
    const grouped = { tiers: [{ code: 'nhat', name: 'Nhất', level: 1, perGroup: { tinh: 1 } }] };
    expect(() => checkGroupField(undefined, grouped)).toThrow(DomainError);
    expect(() => checkGroupField('nhóm; drop', grouped)).toThrow(DomainError);
    expect(checkGroupField('group', grouped)).toBe('group');
    expect(checkGroupField(null, planFromRoundPrizes([{ name: 'Nhất', count: 1 }]))).toBeNull();
    expect(planFromRoundPrizes([])).toBeNull();
  });

  it('shows residents the plan as a prize list: a per-group tier counts its prizes over all groups', () => {
    expect(publicPrizes(null)).toEqual([]);
    expect(
      publicPrizes({
        tiers: [
          { code: 'nhat', name: 'Giải Nhất', level: 1, count: 1 },
          { code: 'nhi', name: 'Giải Nhì', level: 2, count: 2 },
        ],
      }),
    ).toEqual([
      { name: 'Giải Nhất', count: 1 },
      { name: 'Giải Nhì', count: 2 },
    ]);
    expect(publicPrizes({ tiers: [{ code: 'nhat', name: 'Giải Nhất', level: 1, perGroup: { 'Xã A': 1, 'Xã B': 2 } }] })).toEqual([
      { name: 'Giải Nhất', count: 3 },
    ]);
  });
});
