import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsObject, IsOptional, Matches, Max, Min } from 'class-validator';

/**
 * Advancement with quotas per unit and/or group, e.g. each district (unit) sends one
 * rapporteur and one communicator (group = a registration field such as "role").
 */
export class QuotaAdvanceDto {
  @ApiProperty({ isArray: true, enum: ['unit', 'group'], example: ['unit', 'group'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsIn(['unit', 'group'], { each: true })
  by!: ('unit' | 'group')[];
  @ApiProperty({ example: 1, description: 'Places per bucket (unit, group, or unit | group)' }) @IsInt() @Min(0) @Max(1_000_000) perBucket!: number;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0 },
    description: 'Places for named buckets, overriding perBucket',
    example: { 'Phường Hạ Long | Báo cáo viên': 2 },
  })
  @IsOptional()
  @IsObject()
  buckets?: Record<string, number>;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) minScore?: number;
  @ApiPropertyOptional({ description: 'The registration field that holds the group (registration.fields[groupField]); needed with by: group', example: 'role' })
  @IsOptional()
  @Matches(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/)
  groupField?: string;
}

export interface QuotaCandidate {
  id: string;
  rank: number;
  score: number;
  unit: string | null;
  group: string | null;
}

export interface QuotaSelection {
  advancing: { personId: string; rank: number | null; reason: string; bucket: string | null; boundaryTie: boolean }[];
  /** Buckets with fewer eligible entrants than places. */
  shortfalls: { bucket: string; quota: number; filled: number }[];
  /** Entrants without the unit or group the quota needs. */
  unplaced: string[];
}

/** The selection as the api shows it: `userId` (SPEC's name) for each person, `personId` its deprecated alias for one release. */
export interface QuotaSelectionView extends Omit<QuotaSelection, 'advancing'> {
  advancing: (Omit<QuotaSelection['advancing'][number], 'personId'> & { userId: string; /** @deprecated use userId */ personId?: string })[];
}

export function quotaSelectionView(s: QuotaSelection): QuotaSelectionView {
  return { ...s, advancing: s.advancing.map((a) => ({ ...a, userId: a.personId })) };
}

/** A round's advancement rule in the selector's words. */
export type SelectionRuleInput =
  { kind: 'top'; count: number } | { kind: 'threshold'; minScore: number } | ({ kind: 'quota' } & Omit<QuotaAdvanceDto, 'groupField'>) | { kind: 'picked' };
