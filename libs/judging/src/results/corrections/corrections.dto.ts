import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingQuery } from '@lc/platform';
import { PlaceChangeResponse } from '../results.responses';

export class CorrectionPeopleQuery extends PagingQuery {
  @ApiPropertyOptional({ description: 'Name (case and diacritics ignored), digits of the masked phone, or a rank', example: 'nguyen van' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

class CandidateAttemptDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() attemptNo!: number;
  @ApiProperty({ enum: ['submitted', 'expired', 'void'] }) status!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ description: 'The attempt the current result counts for this person' }) counted!: boolean;
}

class CorrectionCandidateDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true, example: '090****678' }) phoneMasked!: string | null;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Null: not in the current ranking' }) rank!: number | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Prize name in the current result' }) prize!: string | null;
  @ApiProperty({ type: [CandidateAttemptDto] }) attempts!: CandidateAttemptDto[];
}

export class CorrectionPeoplePageDto {
  @ApiProperty({ type: [CorrectionCandidateDto] }) items!: CorrectionCandidateDto[];
  @ApiProperty() total!: number;
}

export class CorrectionPreviewDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: [true] }) dryRun!: true;
  @ApiProperty({ description: 'The result version confirming would create' }) version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { voidAttemptIds: [], reinstateAttemptIds: [] } }) request!: Record<string, unknown>;
  @ApiProperty({ type: () => [PlaceChangeResponse] }) changes!: PlaceChangeResponse[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { nhat: 'Giải Nhất' },
    description: 'Prize code → name, for the awards the changes name by code',
  })
  prizeNames!: Record<string, string>;
}
