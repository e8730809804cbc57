import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ADVANCEMENT_MODES } from '@lc/contests';
import type { AdvanceResult } from './advancement.service';
import type { QuotaSelectionView } from './quota';

class QuotaAdvancing {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiPropertyOptional({ format: 'uuid', deprecated: true, description: 'Deprecated alias of userId, sent for one release' }) personId?: string;
  @ApiProperty({ type: 'integer', nullable: true }) rank!: number | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true }) bucket!: string | null;
  @ApiProperty() boundaryTie!: boolean;
}

class QuotaShortfall {
  @ApiProperty() bucket!: string;
  @ApiProperty({ type: 'integer' }) quota!: number;
  @ApiProperty({ type: 'integer' }) filled!: number;
}

class QuotaSelectionResponse implements QuotaSelectionView {
  @ApiProperty({ type: () => [QuotaAdvancing] }) advancing!: QuotaAdvancing[];
  @ApiProperty({ type: () => [QuotaShortfall], description: 'Buckets with fewer eligible entrants than places' }) shortfalls!: QuotaShortfall[];
  @ApiProperty({ type: [String], description: 'Entrants without the unit or group the quota needs' }) unplaced!: string[];
}

export class AdvanceResponse implements AdvanceResult {
  @ApiProperty({ format: 'uuid' }) fromRoundId!: string;
  @ApiProperty({ format: 'uuid' }) toRoundId!: string;
  @ApiProperty({ enum: [...ADVANCEMENT_MODES, 'quota'] }) mode!: AdvanceResult['mode'];
  @ApiProperty({ type: [String], description: 'Everyone selected to advance' }) userIds!: string[];
  @ApiProperty({ type: [String], description: 'Those not enrolled before this call' }) newlyEnrolled!: string[];
  @ApiPropertyOptional({ type: () => QuotaSelectionResponse }) quota?: QuotaSelectionResponse;
}
