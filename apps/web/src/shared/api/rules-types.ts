/**
 * Shapes of the "thể lệ" routes as the web app reads and writes them:
 * GET/PUT /rounds/:id/rules and GET/PUT /contests/:id/award-rules
 * (libs/judging/src/results/rules/rules.service.ts). Kept apart from types.ts, which is
 * being replaced by types generated from OpenAPI.
 */

/** The server's TIE_BREAK_STEPS (libs/judging/src/ranking/rules.ts), in the order they may apply. */
export const TIE_BREAK_STEPS = ['score', 'prediction', 'under-before-over', 'time-taken', 'since-open', 'submitted-at'] as const;
export type TieBreakStep = (typeof TIE_BREAK_STEPS)[number];

/** Steps a judged round is ranked by (the server drops the others: entries have no prediction, no time taken). */
export const JUDGED_STEPS: readonly TieBreakStep[] = ['score', 'since-open', 'submitted-at'];

export type Representative = 'best' | 'last';
export type PredictionTarget = 'entrants' | 'perfect-score-entrants';
export type PredictionCountBy = 'people' | 'attempts';

export interface RankingRules {
  chain: TieBreakStep[];
  representative: Representative;
  /** Null when the round has no prediction question. */
  prediction: { target: PredictionTarget; countBy: PredictionCountBy } | null;
}

export interface PrizeTier {
  code: string;
  name: string;
  /** Compares prizes across rounds (1 = highest). */
  level?: number;
  count?: number;
  perGroup?: Record<string, number>;
}

export interface PrizePlan {
  tiers: PrizeTier[];
  minScore?: number;
}

/** GET /rounds/:id/rules. */
export interface RoundRulesView {
  roundId: string;
  /** False while the rules are derived from the round's own settings (nothing saved yet). */
  configured: boolean;
  /** The round's results are published: PUT answers 409 rules_locked. */
  locked: boolean;
  rankingRules: RankingRules;
  prizes: PrizePlan | null;
  groupField: string | null;
}

/** PUT /rounds/:id/rules. */
export interface RoundRulesBody {
  rankingRules: { chain: TieBreakStep[]; representative: Representative; prediction?: RankingRules['prediction'] };
  prizes: PrizePlan | null;
  groupField: string | null;
}

export type AcrossRounds = 'highest-only' | 'each-round';

export interface UnitPrizeFormula {
  countBy: 'people' | 'attempts';
  points: number;
  perHeadcount: boolean;
  winnerPoints: Record<string, number>;
  minEntrants?: number;
  tiers: { code: string; name: string; count: number }[];
}

/** The decision document's header and signature (libs/judging results/documents). */
export const DOCUMENT_KEYS = ['issuerParent', 'issuerName', 'place', 'decisionNumber', 'authority', 'signerTitle', 'signerName'] as const;
export type DocumentKey = (typeof DOCUMENT_KEYS)[number];
export type AwardDocuments = Partial<Record<DocumentKey, string>>;

/** GET /contests/:id/award-rules. */
export interface AwardRulesView {
  contestId: string;
  configured: boolean;
  /** Every round has published results: PUT answers 409 rules_locked. */
  locked: boolean;
  acrossRounds: AcrossRounds;
  unitPrizes: UnitPrizeFormula | null;
  headcounts: Record<string, number>;
  documents: AwardDocuments;
}

/** PUT /contests/:id/award-rules: the whole set, replacing what was saved. */
export interface AwardRulesBody {
  acrossRounds: AcrossRounds;
  unitPrizes: UnitPrizeFormula | null;
  headcounts: Record<string, number>;
  documents: AwardDocuments;
}
