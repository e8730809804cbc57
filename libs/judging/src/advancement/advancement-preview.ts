import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ADVANCEMENT_MODES } from '@lc/contests';
import { QuotaAdvanceDto } from './quota';

const REASONS = ['top', 'threshold', 'quota', 'picked'] as const;

/** One entrant who would go through, and why. */
export class AdvancingEntrant {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Place in the round (null: picked without a place)' }) rank!: number | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, nullable: true, description: "The registration's unit" }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The group (quota by group only)' }) group!: string | null;
  @ApiProperty({ enum: REASONS }) reason!: (typeof REASONS)[number];
  @ApiProperty({ type: String, nullable: true, description: 'Quota mode: the unit / group whose place this is' }) bucket!: string | null;
  @ApiProperty({ description: 'Shares the last place with others tied on every rule: they all go through' }) boundaryTie!: boolean;
  @ApiProperty({ description: 'Already enrolled in the next round' }) alreadyEnrolled!: boolean;
}

/** One place of the round's ranking, for choosing picks. */
export class RankingPlace {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() rank!: number;
  @ApiProperty() score!: number;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty() advancing!: boolean;
}

export class PreviewQuotaShortfall {
  @ApiProperty() bucket!: string;
  @ApiProperty() quota!: number;
  @ApiProperty() filled!: number;
}

export class UnplacedEntrant {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
}

/** The round's own advancement rule, as applied (picks: mode picked). */
export class RoundAdvancementRule {
  @ApiProperty({ enum: ADVANCEMENT_MODES }) mode!: (typeof ADVANCEMENT_MODES)[number];
  @ApiPropertyOptional({ type: 'integer' }) topN?: number;
  @ApiPropertyOptional() minScore?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'The round entrants go on to (default: the next one)' }) toRoundSeq?: number;
}

/** Advancement by quota per unit and/or group, as asked for. */
export class QuotaAdvancementRule {
  @ApiProperty({ enum: ['quota'] }) mode!: 'quota';
  @ApiProperty({ type: () => QuotaAdvanceDto }) quota!: QuotaAdvanceDto;
}

/** Needs `@ApiExtraModels(RoundAdvancementRule, QuotaAdvancementRule)` where used. */
const APPLIED_RULE = {
  oneOf: [{ $ref: getSchemaPath(RoundAdvancementRule) }, { $ref: getSchemaPath(QuotaAdvancementRule) }],
  discriminator: {
    propertyName: 'mode',
    mapping: {
      top: getSchemaPath(RoundAdvancementRule),
      threshold: getSchemaPath(RoundAdvancementRule),
      picked: getSchemaPath(RoundAdvancementRule),
      quota: getSchemaPath(QuotaAdvancementRule),
    },
  },
};

export class AdvancementPreview {
  @ApiProperty({ format: 'uuid' }) fromRoundId!: string;
  @ApiProperty({ format: 'uuid' }) toRoundId!: string;
  @ApiProperty() toRoundTitle!: string;
  @ApiProperty({ enum: ['top', 'threshold', 'picked', 'quota'] }) mode!: 'top' | 'threshold' | 'picked' | 'quota';
  @ApiProperty({
    ...APPLIED_RULE,
    description: "The rule as applied: the round's advancement (mode picked for picks), or { mode: quota, quota }",
    example: { mode: 'top', topN: 10 },
  })
  rule!: Record<string, unknown>;
  @ApiProperty({ type: [AdvancingEntrant], description: 'Everyone the advance would enrol, in this order' }) advancing!: AdvancingEntrant[];
  @ApiProperty({ description: 'Of those, not enrolled yet' }) newCount!: number;
  @ApiProperty({ type: [PreviewQuotaShortfall] }) shortfalls!: PreviewQuotaShortfall[];
  @ApiProperty({ type: [UnplacedEntrant], description: 'Quota mode: ranked entrants without the unit / group the quota needs' }) unplaced!: UnplacedEntrant[];
  @ApiProperty({ type: [RankingPlace], description: "A page of the round's ranking (limit, offset)" }) ranking!: RankingPlace[];
  @ApiProperty({ description: 'Entrants the round ranks' }) rankingTotal!: number;
}
