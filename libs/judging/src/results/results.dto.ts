import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNumber, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PagingQuery } from '@lc/platform';
import { AwardDocuments, PrizePlanInput, RankingRulesInput, UnitPrizeFormulaInput } from '../common/rule-schemas';

const finite = { allowNaN: false, allowInfinity: false };

export class CloseRoundDto {
  @ApiPropertyOptional({ description: 'Organisers only: close before closesAt' }) @IsOptional() @IsBoolean() force?: boolean;
  @ApiPropertyOptional({ description: 'The actual value of a prediction question with a custom target' })
  @IsOptional()
  @IsNumber(finite)
  predictionActual?: number;
}

export class ReasonDto {
  @ApiProperty({ minLength: 5, example: 'Cùng thiết bị với 4 tài khoản khác, đáp án trùng khớp' }) @IsString() @MinLength(5) @MaxLength(2000) reason!: string;
}

export class CorrectionDto extends ReasonDto {
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(10_000) @IsUUID('all', { each: true }) voidAttemptIds?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(10_000) @IsUUID('all', { each: true }) reinstateAttemptIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsNumber(finite) predictionActual?: number;
}

export class ResultsPageQuery extends PagingQuery {
  @ApiPropertyOptional({ description: 'Only people with a prize' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  winners?: boolean;
}

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export const EXPORT_SCOPES = ['ranking', 'winners'] as const;

export class ExportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS }) @IsIn(EXPORT_FORMATS) format!: 'xlsx' | 'csv';
  @ApiPropertyOptional({ enum: EXPORT_SCOPES, default: 'ranking' }) @IsOptional() @IsIn(EXPORT_SCOPES) scope?: 'ranking' | 'winners';
}

export class ExportRequestDto extends ExportQueryDto {}

/**
 * The rule objects are documented by their classes (common/rule-schemas.ts) but typed and
 * checked here only as objects: RulesService validates them with the module's parsers.
 */
export class RoundRulesDto {
  @ApiPropertyOptional({
    type: () => RankingRulesInput,
    description:
      'chain: the tie-break steps in order, from score, prediction, under-before-over (only after prediction), time-taken, since-open, submitted-at; nothing outside the chain orders people. representative: best | last.',
    example: { chain: ['score', 'prediction', 'time-taken', 'submitted-at'], representative: 'best' },
  })
  @IsOptional()
  @IsObject()
  rankingRules?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: () => PrizePlanInput,
    nullable: true,
    description: 'null: no prizes',
    example: {
      tiers: [
        { code: 'nhat', name: 'Giải Nhất', count: 1 },
        { code: 'nhi', name: 'Giải Nhì', count: 2 },
      ],
      minScore: 0,
    },
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsObject()
  prizes?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Registration field holding the group, for perGroup quotas', example: 'group' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(64)
  groupField?: string | null;
}

export class AwardRulesDto {
  @ApiPropertyOptional({ enum: ['highest-only', 'each-round'] }) @IsOptional() @IsIn(['highest-only', 'each-round']) acrossRounds?:
    'highest-only' | 'each-round';
  @ApiPropertyOptional({
    type: () => UnitPrizeFormulaInput,
    nullable: true,
    description: 'null: no unit prizes',
    example: { countBy: 'people', points: 1, perHeadcount: false, winnerPoints: { p1: 5 }, tiers: [{ code: 'u1', name: 'Giải Nhất tập thể', count: 1 }] },
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsObject()
  unitPrizes?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer' }, example: { 'Sở Tư pháp': 40 } })
  @IsOptional()
  @IsObject()
  headcounts?: Record<string, unknown>;
  @ApiPropertyOptional({ type: () => AwardDocuments, example: { issuerName: 'Sở Tư pháp', place: 'Huế', signerTitle: 'Giám đốc', signerName: 'Nguyễn Văn A' } })
  @IsOptional()
  @IsObject()
  documents?: Record<string, unknown>;
}

export class WithheldRoundDto {
  @ApiProperty() id!: string;
  @ApiProperty() contestId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['scheduled', 'open', 'closed'] }) status!: string;
  @ApiProperty() closesAt!: string;
}

export class WithheldQuestionDto {
  @ApiProperty() questionId!: string;
  @ApiProperty() stem!: string;
  @ApiProperty({ enum: ['in_open_round'] }) reason!: 'in_open_round';
  @ApiProperty({ description: 'closesAt of the last round still drawing the question' }) until!: string;
  @ApiProperty({ type: [WithheldRoundDto], description: 'The rounds still drawing it, latest closing first' }) rounds!: WithheldRoundDto[];
}

export class WithheldKeysDto {
  @ApiProperty() roundId!: string;
  @ApiProperty({ type: [WithheldQuestionDto] }) questions!: WithheldQuestionDto[];
}
