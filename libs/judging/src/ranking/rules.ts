import { COUNTED_PREDICTION_TARGETS, PREDICTION_COUNTS, type CountedPredictionTarget, type PredictionCountBy } from '@lc/contests';
import { renamedField } from '@lc/platform';
import { isRecord, Problems, rejectUnknownKeys } from '../common/problems';

/**
 * The tie-break steps an organiser may put in a round's "thể lệ", in the order they
 * apply. `since-open` is the time from the round opening to the submission: inside one
 * round it orders like `submitted-at`, but plans word it as a duration and the
 * explanation shows it as one. `under-before-over` (a guess at or under the actual value
 * before one over it) applies only when the organiser chains it, after `prediction`:
 * the ranking applies exactly the published chain (SPEC, Ranking).
 */
export const TIE_BREAK_STEPS = ['score', 'prediction', 'under-before-over', 'time-taken', 'since-open', 'submitted-at'] as const;
export type TieBreakStep = (typeof TIE_BREAK_STEPS)[number];

/**
 * Rules stored before `under-before-over` became a chain step carry this key, filled in
 * by default rather than chosen; they are read without it (see `withoutRetiredKeys`).
 */
const RETIRED_KEYS = ['equalDistance'] as const;

/**
 * Which of a person's attempts stands for them in the ranking. The public API calls the
 * choice `attemptScoring`, as a round does (SPEC); `representative` is its deprecated alias
 * there, and stays the name inside these rules because the audit's input hash covers them
 * in canonical form (renaming the key would change every stored result's hash).
 */
export const REPRESENTATIVES = ['best', 'last'] as const;
export type Representative = (typeof REPRESENTATIVES)[number];

/** What the prediction question asks residents to guess (contests' vocabulary: `round.types.ts`). */
export interface PredictionRule {
  target: CountedPredictionTarget;
  countBy: PredictionCountBy;
}

export interface RankingRules {
  chain: TieBreakStep[];
  representative: Representative;
  /** Null when the round has no prediction question (the `prediction` step is then inert). */
  prediction: PredictionRule | null;
}

/** SPEC.md "Ranking": score → |prediction − actual| → time taken → earlier submission. */
export const DEFAULT_RANKING_RULES: Readonly<RankingRules> = Object.freeze<RankingRules>({
  chain: ['score', 'prediction', 'time-taken', 'submitted-at'],
  representative: 'best',
  prediction: { target: 'entrants', countBy: 'people' },
});

const KNOWN_KEYS = ['chain', 'attemptScoring', 'representative', 'prediction'] as const;

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
  if (o.equalDistance !== undefined)
    p.add('equalDistance', 'is no longer a setting: put under-before-over in the chain, after prediction, to rank a guess at or under the actual value first');
  rejectUnknownKeys(o, [...KNOWN_KEYS, ...RETIRED_KEYS], '', p);
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
      const ubo = o.chain.indexOf('under-before-over');
      if (ubo >= 0 && !o.chain.slice(0, ubo).includes('prediction'))
        p.add(`chain[${ubo}]`, 'under-before-over only separates equal prediction distances: put it after prediction');
      chain = o.chain as TieBreakStep[];
    }
  }
  const representative = renamedField(o, 'attemptScoring', 'representative');
  if (representative !== undefined && !oneOf(REPRESENTATIVES, representative))
    p.add(o.attemptScoring !== undefined ? 'attemptScoring' : 'representative', `must be one of ${REPRESENTATIVES.join(', ')}`);

  let prediction: PredictionRule | null = d.prediction ? { ...d.prediction } : null;
  if (o.prediction === null) prediction = null;
  else if (o.prediction !== undefined) {
    if (!isRecord(o.prediction)) p.add('prediction', 'must be an object or null');
    else {
      rejectUnknownKeys(o.prediction, ['target', 'countBy'], 'prediction', p);
      const t = o.prediction.target ?? d.prediction?.target;
      const c = o.prediction.countBy ?? d.prediction?.countBy;
      if (!oneOf(COUNTED_PREDICTION_TARGETS, t)) p.add('prediction.target', `must be one of ${COUNTED_PREDICTION_TARGETS.join(', ')}`);
      if (!oneOf(PREDICTION_COUNTS, c)) p.add('prediction.countBy', `must be one of ${PREDICTION_COUNTS.join(', ')}`);
      prediction = { target: t as CountedPredictionTarget, countBy: c as PredictionCountBy };
    }
  }
  p.throwIfAny('invalid_ranking_rules', 'ranking rules');
  return {
    chain,
    representative: (representative as Representative | undefined) ?? d.representative,
    prediction,
  };
}

/** The rules as the api shows them: `attemptScoring`, with `representative` as its deprecated alias for one release. */
export function rankingRulesView(r: Readonly<RankingRules>): RankingRules & { attemptScoring: Representative } {
  return { ...r, attemptScoring: r.representative };
}

export function cloneRules(r: Readonly<RankingRules>): RankingRules {
  return { chain: [...r.chain], representative: r.representative, prediction: r.prediction ? { ...r.prediction } : null };
}

/**
 * Stored rules (a round's own, or a `round_rules` row) as they are to be parsed: keys this
 * module no longer knows are dropped, so a round saved before they were retired still ranks.
 */
export function withoutRetiredKeys(stored: unknown): unknown {
  if (!isRecord(stored)) return stored;
  return Object.fromEntries(Object.entries(stored).filter(([k]) => !(RETIRED_KEYS as readonly string[]).includes(k)));
}

/** The live leaderboard cannot know the actual prediction value, so it drops the steps that need it. */
export function liveChain(rules: RankingRules): TieBreakStep[] {
  return rules.chain.filter((s) => s !== 'prediction' && s !== 'under-before-over');
}
