import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import { COUNTED_PREDICTION_TARGETS, PREDICTION_COUNTS } from '@lc/contests';
import { REPRESENTATIVES, TIE_BREAK_STEPS } from '../ranking/rules';

/**
 * The judging module's rule objects as OpenAPI documents them (the web app's types are
 * generated from these). Documentation only: the routes keep taking these objects as plain
 * JSON and validating them with the module's own parsers (parseRankingRules, parsePrizePlan,
 * parseUnitPrizeFormula, the award documents in RulesService, parseJuryInput), which name
 * every problem in one 400; no class-validator decorator here, and no DTO property is typed
 * with these classes (that would let the global ValidationPipe see them). Keep them in step
 * with those parsers: `*Input` is what a request may send (defaults filled in by the
 * parser), the plain name what the api returns (as parsed, every key present). Defaults are
 * told in descriptions, not `default:` (openapi-typescript would type the key as required).
 */

const CODE_PATTERN = '^[a-z0-9][a-z0-9_-]{0,39}$';

export class PredictionRuleInput {
  @ApiPropertyOptional({ enum: COUNTED_PREDICTION_TARGETS, description: 'What the prediction question asks to guess; default entrants' }) target?: string;
  @ApiPropertyOptional({ enum: PREDICTION_COUNTS, description: 'Default people' }) countBy?: string;
}

export class PredictionRule {
  @ApiProperty({ enum: COUNTED_PREDICTION_TARGETS }) target!: (typeof COUNTED_PREDICTION_TARGETS)[number];
  @ApiProperty({ enum: PREDICTION_COUNTS }) countBy!: (typeof PREDICTION_COUNTS)[number];
}

const CHAIN = {
  enum: TIE_BREAK_STEPS,
  isArray: true,
  minItems: 1,
  uniqueItems: true,
  description: 'The tie-break steps in order; nothing outside the chain orders people. under-before-over only after prediction.',
  example: ['score', 'prediction', 'time-taken', 'submitted-at'],
} as const;

/** A round's ranking rules as sent (PUT /rounds/:id/rules, a round's own rankingRules): missing keys take the defaults. */
export class RankingRulesInput {
  @ApiPropertyOptional({ ...CHAIN, description: `${CHAIN.description} Default: score, prediction, time-taken, submitted-at.` }) chain?: string[];
  @ApiPropertyOptional({ enum: REPRESENTATIVES, description: "Which of a person's attempts stands for them (as a round's attemptScoring); default best" })
  attemptScoring?: string;
  @ApiPropertyOptional({
    enum: REPRESENTATIVES,
    deprecated: true,
    description: 'Deprecated alias of attemptScoring, accepted for one release; both with different values: 400 alias_conflict',
  })
  representative?: string;
  @ApiPropertyOptional({
    type: () => PredictionRuleInput,
    nullable: true,
    description: 'null: the round has no prediction question; default entrants counted as people',
  })
  prediction?: PredictionRuleInput | null;
}

/** The ranking rules as the api applies them. */
export class RankingRules {
  @ApiProperty(CHAIN) chain!: (typeof TIE_BREAK_STEPS)[number][];
  @ApiProperty({ enum: REPRESENTATIVES, description: "Which of a person's attempts stands for them" }) attemptScoring!: (typeof REPRESENTATIVES)[number];
  @ApiPropertyOptional({ enum: REPRESENTATIVES, deprecated: true, description: 'Deprecated alias of attemptScoring, sent for one release' })
  representative?: (typeof REPRESENTATIVES)[number];
  @ApiProperty({ type: () => PredictionRule, nullable: true, description: 'null: the round has no prediction question' }) prediction!: PredictionRule | null;
}

const PER_GROUP = {
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 0, maximum: 100_000 },
  description: 'Places per group (the registration field named by groupField), instead of count: every tier uses count, or every tier perGroup',
  example: { 'Cấp tỉnh': 1, 'Cấp xã': 2 },
} as const;

/** One prize tier of a round, best first. */
export class PrizeTierInput {
  @ApiProperty({ pattern: CODE_PATTERN, example: 'nhat', description: 'Unique in the plan' }) code!: string;
  @ApiProperty({ minLength: 1, example: 'Giải Nhất' }) name!: string;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: "Compares prizes across rounds (1 = highest); default: the tier's position; never lower than an earlier tier's",
  })
  level?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100_000, description: 'Places in this tier (unless perGroup)' }) count?: number;
  @ApiPropertyOptional(PER_GROUP) perGroup?: Record<string, number>;
}

export class PrizePlanInput {
  @ApiProperty({ type: () => [PrizeTierInput] }) tiers!: PrizeTierInput[];
  @ApiPropertyOptional({ minimum: 0, description: 'Nobody below this score wins' }) minScore?: number;
}

export class PrizeTier {
  @ApiProperty({ pattern: CODE_PATTERN }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Compares prizes across rounds (1 = highest)' }) level!: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Places in this tier (absent with perGroup)' }) count?: number;
  @ApiPropertyOptional(PER_GROUP) perGroup?: Record<string, number>;
}

export class PrizePlan {
  @ApiProperty({ type: () => [PrizeTier] }) tiers!: PrizeTier[];
  @ApiPropertyOptional({ minimum: 0, description: 'Nobody below this score wins' }) minScore?: number;
}

export class UnitPrizeTier {
  @ApiProperty({ minLength: 1, example: 'u1' }) code!: string;
  @ApiProperty({ minLength: 1, example: 'Giải Nhất tập thể' }) name!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) count!: number;
}

const UNIT_PRIZE = {
  countBy: { enum: ['people', 'attempts'], description: 'Entrants counted as people or as attempts' },
  points: { minimum: 0, description: 'Participation points per entrant (per 100 % turnout with perHeadcount)' },
  perHeadcount: { description: 'Participation relative to the unit headcount (AwardRules.headcounts)' },
  winnerPoints: {
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0 },
    description: "Points per individual prize won by the unit's members, by prize code",
    example: { nhat: 5 },
  },
  minEntrants: { type: 'integer', minimum: 0, description: 'Units with fewer entrants get no unit prize' },
} as const;

/** Unit (collective) prizes as sent: missing keys take the defaults. */
export class UnitPrizeFormulaInput {
  @ApiPropertyOptional({ ...UNIT_PRIZE.countBy, description: `${UNIT_PRIZE.countBy.description}; default people` }) countBy?: string;
  @ApiPropertyOptional({ ...UNIT_PRIZE.points, description: `${UNIT_PRIZE.points.description}; default 1` }) points?: number;
  @ApiPropertyOptional({ ...UNIT_PRIZE.perHeadcount, description: `${UNIT_PRIZE.perHeadcount.description}; default false` }) perHeadcount?: boolean;
  @ApiPropertyOptional({ ...UNIT_PRIZE.winnerPoints, description: `${UNIT_PRIZE.winnerPoints.description}; default {}` }) winnerPoints?: Record<string, number>;
  @ApiPropertyOptional({ ...UNIT_PRIZE.minEntrants, description: `${UNIT_PRIZE.minEntrants.description}; default 1` }) minEntrants?: number;
  @ApiProperty({ type: () => [UnitPrizeTier] }) tiers!: UnitPrizeTier[];
}

export class UnitPrizeFormula {
  @ApiProperty(UNIT_PRIZE.countBy) countBy!: 'people' | 'attempts';
  @ApiProperty(UNIT_PRIZE.points) points!: number;
  @ApiProperty(UNIT_PRIZE.perHeadcount) perHeadcount!: boolean;
  @ApiProperty(UNIT_PRIZE.winnerPoints) winnerPoints!: Record<string, number>;
  @ApiProperty(UNIT_PRIZE.minEntrants) minEntrants!: number;
  @ApiProperty({ type: () => [UnitPrizeTier] }) tiers!: UnitPrizeTier[];
}

const DOCUMENT_TEXT = { maxLength: 300, description: 'Blank: the default is printed' } as const;

/** The decision document's header and signature (each optional, at most 300 characters). */
export class AwardDocuments {
  @ApiPropertyOptional({ ...DOCUMENT_TEXT, example: 'UBND tỉnh Thừa Thiên Huế' }) issuerParent?: string;
  @ApiPropertyOptional({ ...DOCUMENT_TEXT, example: 'Sở Tư pháp' }) issuerName?: string;
  @ApiPropertyOptional({ ...DOCUMENT_TEXT, example: 'Huế' }) place?: string;
  @ApiPropertyOptional(DOCUMENT_TEXT) decisionNumber?: string;
  @ApiPropertyOptional(DOCUMENT_TEXT) authority?: string;
  @ApiPropertyOptional({ ...DOCUMENT_TEXT, example: 'Giám đốc' }) signerTitle?: string;
  @ApiPropertyOptional({ ...DOCUMENT_TEXT, example: 'Nguyễn Văn A' }) signerName?: string;
}

/** A deduction over the time limit: e.g. 1 point per started minute over 15 minutes. */
export class OvertimePenalty {
  @ApiProperty({ enum: ['overtime'] }) kind!: 'overtime';
  @ApiProperty({ type: 'integer', minimum: 0, example: 900 }) limitSeconds!: number;
  @ApiProperty({ minimum: 0, exclusiveMinimum: true, description: 'Per minute over' }) points!: number;
  @ApiProperty({ enum: ['started-minute', 'full-minute'] }) per!: 'started-minute' | 'full-minute';
  @ApiPropertyOptional({ minimum: 0, exclusiveMinimum: true, description: 'At most this much in all' }) maxPoints?: number;
}

/** A fixed deduction for a named breach the head judge records (PATCH /entries/:id breaches). */
export class FixedPenalty {
  @ApiProperty({ enum: ['fixed'] }) kind!: 'fixed';
  @ApiProperty({ minLength: 1, example: 'notes' }) code!: string;
  @ApiProperty({ minLength: 1, example: 'Đọc tài liệu' }) label!: string;
  @ApiProperty({ minimum: 0, exclusiveMinimum: true }) points!: number;
}

/** The penalty rules of a jury: overtime or fixed, told apart by kind. Needs `@ApiExtraModels(OvertimePenalty, FixedPenalty)` where used. */
export const PENALTIES: ApiPropertyOptions = {
  type: 'array',
  items: {
    oneOf: [{ $ref: getSchemaPath(OvertimePenalty) }, { $ref: getSchemaPath(FixedPenalty) }],
    discriminator: { propertyName: 'kind', mapping: { overtime: getSchemaPath(OvertimePenalty), fixed: getSchemaPath(FixedPenalty) } },
  },
};

export class RubricCriterionInput {
  @ApiProperty({ pattern: CODE_PATTERN, example: 'content', description: 'Unique in the rubric' }) key!: string;
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Nội dung' }) label!: string;
  @ApiProperty({ minimum: 0, exclusiveMinimum: true, maximum: 1000, description: 'Above 0, at most 1000, at most 2 decimals', example: 50 }) maxPoints!: number;
}

/** PUT /rounds/:id/jury: a judged round's rubric and jury rules; missing keys take the defaults. */
export class JuryInput {
  @ApiProperty({ type: () => [RubricCriterionInput], minItems: 1 }) rubric!: RubricCriterionInput[];
  @ApiPropertyOptional({
    enum: ['mean', 'trimmed-mean'],
    description: 'trimmed-mean (the default) drops the highest and lowest marks from trimmedMeanThreshold judges on',
  })
  aggregate?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 5, description: 'Default 5' }) trimmedMeanThreshold?: number;
  @ApiPropertyOptional({ ...PENALTIES, description: 'Default none' }) penalties?: (OvertimePenalty | FixedPenalty)[];
  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    nullable: true,
    description: 'Marks further apart than this go to the head judge; null (the default): never',
  })
  reconciliationGap?: number | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: "A judge of the round's organisation" }) headJudgeUserId?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Rubric keys that break ties, in order (no repeats); default none' }) tieBreakCriteria?: string[];
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 4, description: 'Decimals kept in aggregated scores; default 2' }) decimals?: number;
}
