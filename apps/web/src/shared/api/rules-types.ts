/**
 * Shapes of the "thể lệ" routes as the web app reads and writes them:
 * GET/PUT /rounds/:id/rules and GET/PUT /contests/:id/award-rules
 * (libs/judging/src/results/rules/rules.service.ts): names for schemas of the generated
 * OpenAPI types (schema.d.ts; the server's classes are in libs/judging/src/common/rule-schemas.ts).
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type RankingRules = Schemas['RankingRules'];
export type TieBreakStep = RankingRules['chain'][number];
/** Which of a person's attempts stands for them (best | last); `representative` is its deprecated alias. */
export type AttemptScoring = RankingRules['attemptScoring'];
export type PredictionRule = NonNullable<RankingRules['prediction']>;
export type PredictionTarget = PredictionRule['target'];
export type PredictionCountBy = PredictionRule['countBy'];

/** The server's TIE_BREAK_STEPS (libs/judging/src/ranking/rules.ts), in the order they may apply. */
export const TIE_BREAK_STEPS = [
  'score',
  'prediction',
  'under-before-over',
  'time-taken',
  'since-open',
  'submitted-at',
] as const satisfies readonly TieBreakStep[];
// Every step of the contract is listed above (a new one fails typecheck here).
const _everyStep: Exclude<TieBreakStep, (typeof TIE_BREAK_STEPS)[number]> extends never ? true : never = true;
void _everyStep;

/** Steps a judged round is ranked by (the server drops the others: entries have no prediction, no time taken). */
export const JUDGED_STEPS: readonly TieBreakStep[] = ['score', 'since-open', 'submitted-at'];

/** A prize tier as the server returns it (level filled in) … */
export type PrizeTier = Schemas['PrizeTier'];
export type PrizePlan = Schemas['PrizePlan'];
/** … and as it may be sent (level optional: the tier's position). */
export type PrizeTierInput = Schemas['PrizeTierInput'];
export type PrizePlanInput = Schemas['PrizePlanInput'];

/** GET /rounds/:id/rules. */
export type RoundRulesView = Schemas['RoundRulesResponse'];
/** PUT /rounds/:id/rules. */
export type RoundRulesBody = Schemas['RoundRulesDto'];

export type AcrossRounds = Schemas['AwardRulesResponse']['acrossRounds'];
export type UnitPrizeFormula = Schemas['UnitPrizeFormula'];
export type UnitPrizeFormulaInput = Schemas['UnitPrizeFormulaInput'];
export type AwardDocuments = Schemas['AwardDocuments'];
export type DocumentKey = keyof AwardDocuments;

/** The decision document's header and signature (libs/judging results/documents), in the order the form shows them. */
export const DOCUMENT_KEYS = [
  'issuerParent',
  'issuerName',
  'place',
  'decisionNumber',
  'authority',
  'signerTitle',
  'signerName',
] as const satisfies readonly DocumentKey[];

/** GET /contests/:id/award-rules. */
export type AwardRulesView = Schemas['AwardRulesResponse'];
/** PUT /contests/:id/award-rules: the whole set, replacing what was saved. */
export type AwardRulesBody = Schemas['AwardRulesDto'];
