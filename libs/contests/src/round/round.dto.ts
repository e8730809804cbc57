import { ApiProperty, ApiPropertyOptional, getSchemaPath, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { QUESTION_TYPES, type QuestionType } from '@lc/question-bank';
import {
  ADVANCEMENT_MODES,
  ATTEMPT_SCORINGS,
  type AdvancementMode,
  type AttemptScoring,
  LEADERBOARD_VISIBILITIES,
  type LeaderboardVisibility,
  PREDICTION_COUNTS,
  PREDICTION_TARGETS,
  type PredictionCountBy,
  type PredictionTarget,
  type StoredRankingRules,
  ROUND_ENTRIES,
  ROUND_KINDS,
  type RoundEntry,
  type RoundKind,
} from './round.types';

/** An instant with an explicit zone (Z or ±hh:mm), so "08:00" is never guessed. */
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const zonedMessage = '$property must be an ISO 8601 date-time with a zone, e.g. 2026-05-04T08:00:00+07:00';

export class SelectionRuleDto {
  @ApiProperty() @IsUUID() bankId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) topic?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 3 }) @IsOptional() @IsInt() @Min(1) @Max(3) difficulty?: number;
  @ApiPropertyOptional({ enum: QUESTION_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(QUESTION_TYPES.length)
  @IsIn(QUESTION_TYPES as unknown as string[], { each: true })
  types?: QuestionType[];
  @ApiProperty({ minimum: 1, maximum: 500 }) @IsInt() @Min(1) @Max(500) count!: number;
}

/** A live round's question rule: like a selection rule, drawing choice questions only. */
export class LiveQuestionRuleDto {
  @ApiProperty() @IsUUID() bankId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) topic?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 3 }) @IsOptional() @IsInt() @Min(1) @Max(3) difficulty?: number;
  @ApiProperty({ minimum: 1, maximum: 200 }) @IsInt() @Min(1) @Max(200) count!: number;
}

export class SpeedBonusDto {
  @ApiProperty({ minimum: 0.01, maximum: 1000, description: 'Bonus for an instant correct answer, falling linearly to 0 at the end of the question' })
  @IsNumber()
  @Min(0.01)
  @Max(1000)
  maxPoints!: number;
}

export class PredictionQuestionDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(1000) prompt!: string;
  @ApiPropertyOptional({ enum: PREDICTION_TARGETS, default: 'perfect-score-entrants' })
  @IsOptional()
  @IsIn(PREDICTION_TARGETS as unknown as string[])
  target?: PredictionTarget;
  @ApiPropertyOptional({ enum: PREDICTION_COUNTS, default: 'people' })
  @IsOptional()
  @IsIn(PREDICTION_COUNTS as unknown as string[])
  countBy?: PredictionCountBy;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The actual value, once known' }) @IsOptional() @IsNumber() actual?: number | null;
}

export class LeaderboardSettingsDto {
  @ApiProperty({ enum: LEADERBOARD_VISIBILITIES }) @IsIn(LEADERBOARD_VISIBILITIES as unknown as string[]) visibility!: LeaderboardVisibility;
  @ApiPropertyOptional() @IsOptional() @Matches(ZONED_ISO, { message: zonedMessage }) freezeAt?: string;
  @ApiPropertyOptional({
    default: true,
    description: 'With a prediction question: hide from residents, while the round is open, the board figures that would give its answer away',
  })
  @IsOptional()
  @IsBoolean()
  hidePredictionFigures?: boolean;
}

export class PrizeDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100_000) count!: number;
}

export class AdvancementDto {
  @ApiProperty({ enum: ADVANCEMENT_MODES }) @IsIn(ADVANCEMENT_MODES as unknown as string[]) mode!: AdvancementMode;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1_000_000) topN?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) minScore?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) toRoundSeq?: number;
}

export class IntegritySettingsDto {
  @ApiPropertyOptional({ default: 2 }) @IsOptional() @IsNumber() @Min(0) @Max(600) minSecondsPerQuestion?: number;
  @ApiPropertyOptional({ default: 2 }) @IsOptional() @IsInt() @Min(2) @Max(1000) maxAccountsPerDevice?: number;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @IsInt() @Min(2) @Max(100_000) maxAccountsPerIp?: number;
}

export class CreateRoundDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) description?: string;
  @ApiProperty({ enum: ROUND_KINDS }) @IsIn(ROUND_KINDS as unknown as string[]) kind!: RoundKind;
  @ApiProperty({ example: '2026-05-04T08:00:00+07:00' }) @Matches(ZONED_ISO, { message: zonedMessage }) opensAt!: string;
  @ApiProperty({ example: '2026-05-10T20:00:00+07:00' }) @Matches(ZONED_ISO, { message: zonedMessage }) closesAt!: string;
  @ApiPropertyOptional({ minimum: 10, maximum: 86400, description: 'Required for quiz rounds' })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(86400)
  durationSeconds?: number;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(100) maxAttempts?: number;
  @ApiPropertyOptional({ enum: ATTEMPT_SCORINGS, default: 'best' })
  @IsOptional()
  @IsIn(ATTEMPT_SCORINGS as unknown as string[])
  attemptScoring?: AttemptScoring;
  @ApiPropertyOptional({ type: [SelectionRuleDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SelectionRuleDto)
  selection?: SelectionRuleDto[];
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() shuffleQuestions?: boolean;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() shuffleOptions?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() partialCredit?: boolean;
  @ApiPropertyOptional({ type: PredictionQuestionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PredictionQuestionDto)
  predictionQuestion?: PredictionQuestionDto | null;
  @ApiPropertyOptional({ type: LeaderboardSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LeaderboardSettingsDto)
  leaderboard?: LeaderboardSettingsDto;
  @ApiPropertyOptional({ type: [PrizeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PrizeDto)
  prizes?: PrizeDto[];
  @ApiPropertyOptional({ type: AdvancementDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AdvancementDto)
  advancement?: AdvancementDto | null;
  // The judging module owns (and validates) this shape; it registers the RankingRulesInput schema, named here (contests cannot import judging).
  @ApiPropertyOptional({
    allOf: [{ $ref: getSchemaPath('RankingRulesInput') }],
    nullable: true,
    description: 'Tie-break chain etc. as the judging module defines it (validated there; PUT /rounds/:id/rules)',
    example: { chain: ['score', 'prediction', 'time-taken', 'submitted-at'] },
  })
  @IsOptional()
  @IsObject()
  rankingRules?: StoredRankingRules | null;
  @ApiPropertyOptional({ type: IntegritySettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => IntegritySettingsDto)
  integrity?: IntegritySettingsDto;
  @ApiPropertyOptional({ enum: ROUND_ENTRIES, default: 'open' }) @IsOptional() @IsIn(ROUND_ENTRIES as unknown as string[]) entry?: RoundEntry;
  @ApiPropertyOptional({ type: [LiveQuestionRuleDto], description: 'Kind live: the question rules (choice questions only), shown in a fixed order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LiveQuestionRuleDto)
  questions?: LiveQuestionRuleDto[];
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 200,
    description: "Kind live, instead of questions: choice questions of the organisation's banks by id, shown in this order (each listed once)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  questionIds?: string[];
  @ApiPropertyOptional({ minimum: 5, maximum: 600, description: 'Kind live: each question is open this long on the server clock' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(600)
  secondsPerQuestion?: number;
  @ApiPropertyOptional({ type: SpeedBonusDto, nullable: true, description: 'Kind live: optional speed bonus' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SpeedBonusDto)
  speedBonus?: SpeedBonusDto | null;
}

export class UpdateRoundDto extends PartialType(CreateRoundDto) {}
