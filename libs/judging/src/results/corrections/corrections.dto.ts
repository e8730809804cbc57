import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingQuery } from '@lc/platform';

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

class PlaceSnapshotDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() rank!: number;
  @ApiProperty({ format: 'uuid' }) attemptId!: string;
  @ApiProperty() score!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) award?: string | null;
  @ApiPropertyOptional() advanced?: boolean;
}

class PlaceChangeDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ type: PlaceSnapshotDto, nullable: true }) before!: PlaceSnapshotDto | null;
  @ApiProperty({ type: PlaceSnapshotDto, nullable: true }) after!: PlaceSnapshotDto | null;
  @ApiProperty({ type: [String], example: ['rank', 'award'], description: 'Fields that differ; added / removed when the person enters or leaves the ranking' })
  changed!: string[];
}

export class CorrectionPreviewDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: [true] }) dryRun!: true;
  @ApiProperty({ description: 'The result version confirming would create' }) version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { voidAttemptIds: [], reinstateAttemptIds: [] } }) request!: Record<string, unknown>;
  @ApiProperty({ type: [PlaceChangeDto] }) changes!: PlaceChangeDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { nhat: 'Giải Nhất' },
    description: 'Prize code → name, for the awards the changes name by code',
  })
  prizeNames!: Record<string, string>;
}
