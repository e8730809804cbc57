import { isRecord, Problems, rejectUnknownKeys } from '../common/problems';

/**
 * The tie-break steps an organiser may put in a round's "thể lệ", in the order they
 * apply. `since-open` is the time from the round opening to the submission: inside one
 * round it orders like `submitted-at`, but plans word it as a duration and the
 * explanation shows it as one.
 */
export const TIE_BREAK_STEPS = ['score', 'prediction', 'time-taken', 'since-open', 'submitted-at'] as const;
export type TieBreakStep = (typeof TIE_BREAK_STEPS)[number];

/** Two guesses equally far from the actual value: the one below it first, or the earlier submission. */
export const EQUAL_DISTANCE_POLICIES = ['under-before-over', 'earlier'] as const;
export type EqualDistancePolicy = (typeof EQUAL_DISTANCE_POLICIES)[number];

/** Which of a person's attempts stands for them in the ranking. */
export const REPRESENTATIVES = ['best', 'last'] as const;
export type Representative = (typeof REPRESENTATIVES)[number];

/** What the prediction question asks residents to guess. */
export const PREDICTION_TARGETS = ['entrants', 'perfect-score-entrants'] as const;
export type PredictionTarget = (typeof PREDICTION_TARGETS)[number];
export const PREDICTION_COUNTS = ['people', 'attempts'] as const;
export type PredictionCountBy = (typeof PREDICTION_COUNTS)[number];

export interface PredictionRule {
  target: PredictionTarget;
  countBy: PredictionCountBy;
}

export interface RankingRules {
  chain: TieBreakStep[];
  equalDistance: EqualDistancePolicy;
  representative: Representative;
  /** Null when the round has no prediction question (the `prediction` step is then inert). */
  prediction: PredictionRule | null;
}

/** SPEC.md "Ranking": score → |prediction − actual| → time taken → earlier submission. */
export const DEFAULT_RANKING_RULES: Readonly<RankingRules> = Object.freeze<RankingRules>({
  chain: ['score', 'prediction', 'time-taken', 'submitted-at'],
  equalDistance: 'under-before-over',
  representative: 'best',
  prediction: { target: 'entrants', countBy: 'people' },
});

const KNOWN_KEYS = ['chain', 'equalDistance', 'representative', 'prediction'] as const;

function oneOf<T extends string>(allowed: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v);
}

/**
 * Validates stored or submitted rules (jsonb) and fills defaults for missing keys.
 * Throws a 400 listing every problem.
 */
export function parseRankingRules(input: unknown): RankingRules {
  const p = new Problems();
  if (input === undefined || input === null) return cloneRules(DEFAULT_RANKING_RULES);
  if (!isRecord(input)) {
    p.add('rankingRules', 'must be an object');
    p.throwIfAny('invalid_ranking_rules', 'ranking rules');
  }
  const o = input as Record<string, unknown>;
  rejectUnknownKeys(o, KNOWN_KEYS, '', p);
  const d = DEFAULT_RANKING_RULES;

  let chain = [...d.chain];
  if (o.chain !== undefined) {
    if (!Array.isArray(o.chain) || o.chain.length === 0) p.add('chain', 'must be a non-empty list of steps');
    else {
      const seen = new Set<string>();
      o.chain.forEach((s, i) => {
        if (!oneOf(TIE_BREAK_STEPS, s)) p.add(`chain[${i}]`, `must be one of ${TIE_BREAK_STEPS.join(', ')}`);
        else if (seen.has(s)) p.add(`chain[${i}]`, `repeats ${s}`);
        else seen.add(s);
      });
      chain = o.chain as TieBreakStep[];
    }
  }
  if (o.equalDistance !== undefined && !oneOf(EQUAL_DISTANCE_POLICIES, o.equalDistance))
    p.add('equalDistance', `must be one of ${EQUAL_DISTANCE_POLICIES.join(', ')}`);
  if (o.representative !== undefined && !oneOf(REPRESENTATIVES, o.representative))
    p.add('representative', `must be one of ${REPRESENTATIVES.join(', ')}`);

  let prediction: PredictionRule | null = d.prediction ? { ...d.prediction } : null;
  if (o.prediction === null) prediction = null;
  else if (o.prediction !== undefined) {
    if (!isRecord(o.prediction)) p.add('prediction', 'must be an object or null');
    else {
      rejectUnknownKeys(o.prediction, ['target', 'countBy'], 'prediction', p);
      const t = o.prediction.target ?? d.prediction?.target;
      const c = o.prediction.countBy ?? d.prediction?.countBy;
      if (!oneOf(PREDICTION_TARGETS, t)) p.add('prediction.target', `must be one of ${PREDICTION_TARGETS.join(', ')}`);
      if (!oneOf(PREDICTION_COUNTS, c)) p.add('prediction.countBy', `must be one of ${PREDICTION_COUNTS.join(', ')}`);
      prediction = { target: t as PredictionTarget, countBy: c as PredictionCountBy };
    }
  }
  p.throwIfAny('invalid_ranking_rules', 'ranking rules');
  return {
    chain,
    equalDistance: (o.equalDistance as EqualDistancePolicy | undefined) ?? d.equalDistance,
    representative: (o.representative as Representative | undefined) ?? d.representative,
    prediction,
  };
}

export function cloneRules(r: Readonly<RankingRules>): RankingRules {
  return { chain: [...r.chain], equalDistance: r.equalDistance, representative: r.representative, prediction: r.prediction ? { ...r.prediction } : null };
}

/** The live leaderboard cannot know the actual prediction value, so it drops that step. */
export function liveChain(rules: RankingRules): TieBreakStep[] {
  return rules.chain.filter((s) => s !== 'prediction');
}
