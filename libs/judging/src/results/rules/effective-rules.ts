import type { Round } from '@lc/contests';
import { badRequest } from '@lc/platform';
import { PrizePlan } from '../../awards/prize-plan';
import { DEFAULT_RANKING_RULES, parseRankingRules, PredictionRule, RankingRules, TieBreakStep, withoutRetiredKeys } from '../../ranking/rules';
import type { RoundRules } from '../entities';

export interface EffectiveRules {
  ranking: RankingRules;
  prizePlan: PrizePlan | null;
  groupField: string | null;
  /** Set with PUT /rounds/:id/rules, or derived from the round's own settings. */
  configured: boolean;
}

/** Steps a judged round can use: entries have no prediction and no time taken. */
const JUDGED_STEPS: readonly TieBreakStep[] = ['score', 'since-open', 'submitted-at'];

/**
 * The rules a round is ranked by. Without a configured row they come from the round
 * (its rankingRules, attemptScoring as the representative attempt, its prize list).
 * The prediction target always comes from the round's prediction question (`custom`
 * keeps the configured counting, which then does not apply: staff give the value).
 */
export function effectiveRules(
  round: Pick<Round, 'kind' | 'rankingRules' | 'attemptScoring' | 'predictionQuestion' | 'prizes'>,
  row: RoundRules | null,
): EffectiveRules {
  const parsed = parseRankingRules(withoutRetiredKeys(row ? row.rankingRules : (round.rankingRules ?? undefined)));
  if (!row) parsed.representative = round.attemptScoring;
  const pq = round.predictionQuestion;
  let prediction: PredictionRule | null = null;
  if (round.kind === 'quiz' && pq) {
    prediction =
      pq.target === 'custom' ? (parsed.prediction ?? { ...DEFAULT_RANKING_RULES.prediction! }) : { target: pq.target, countBy: pq.countBy ?? 'people' };
  }
  let chain = parsed.chain;
  if (round.kind === 'judged') {
    chain = chain.filter((s) => JUDGED_STEPS.includes(s));
    if (!chain.length) chain = ['score'];
  }
  const prizePlan = row ? row.prizePlan : planFromRoundPrizes(round.prizes);
  return { ranking: { ...parsed, chain, prediction }, prizePlan, groupField: row?.groupField ?? null, configured: !!row };
}

/** The SPEC's simple prize list ({ name, count }, best first) as a prize plan. */
export function planFromRoundPrizes(prizes: { name: string; count: number }[] | null | undefined): PrizePlan | null {
  if (!prizes?.length) return null;
  return { tiers: prizes.map((p, i) => ({ code: `p${i + 1}`, name: p.name, level: i + 1, count: p.count })) };
}

/** The plan as the round's public prize list: best first, a per-group tier counted over all groups. */
export function publicPrizes(plan: PrizePlan | null): { name: string; count: number }[] {
  return (plan?.tiers ?? []).map((t) => ({ name: t.name, count: t.count ?? Object.values(t.perGroup ?? {}).reduce((a, b) => a + b, 0) }));
}

/** A registration field name usable as a group: letters, digits, _ and -. */
export function checkGroupField(field: unknown, plan: PrizePlan | null): string | null {
  if (field === undefined || field === null || field === '') {
    if (plan?.tiers.some((t) => t.perGroup))
      throw badRequest('group_field_required', "Prizes per group need groupField: the registration field holding each person's group");
    return null;
  }
  if (typeof field !== 'string' || !/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(field))
    throw badRequest('invalid_group_field', 'groupField must be a registration field name (letters, digits, _ or -)');
  return field;
}
