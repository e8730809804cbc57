import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LeaderboardPage, LeaderboardRow, MyStanding } from '../leaderboard.types';
import type { ConcealedFigure, Concealment } from '../rounds/prediction-guard';

/** Response bodies of the leaderboard routes (OpenAPI; the web app's types are generated from them). */
export class LeaderboardRowResponse implements LeaderboardRow {
  @ApiProperty({ type: 'integer' }) rank!: number;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ description: 'Short public name (e.g. "Nguyễn V. A.")' }) displayName!: string;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true }) province!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: "null for others' rows while an open round's prediction asks how many score full marks" }) score!:
    number | null;
  @ApiProperty({ type: 'integer' }) timeTakenMs!: number;
}

class ConcealmentResponse implements Concealment {
  @ApiProperty({ enum: ['prediction_open'] }) reason!: 'prediction_open';
  @ApiProperty({ type: 'integer', description: 'Only places 1..topN are listed; own ranks beyond are withheld' }) topN!: number;
  @ApiProperty({ enum: ['total', 'scores', 'ranks-beyond-top'], isArray: true }) hidden!: ConcealedFigure[];
}

export class LeaderboardPageResponse implements LeaderboardPage {
  @ApiProperty({ type: () => [LeaderboardRowResponse] }) items!: LeaderboardRowResponse[];
  @ApiProperty({ type: 'integer', nullable: true, description: "null while it would give away an open round's prediction target" }) total!: number | null;
  @ApiProperty({ description: 'True when the caller sees the snapshot taken at freeze time' }) frozen!: boolean;
  @ApiProperty({ format: 'date-time', description: 'Server time of the read' }) at!: string;
  @ApiPropertyOptional({
    type: () => ConcealmentResponse,
    description: "Present while figures are kept from residents because the round's prediction is still open",
  })
  concealed?: ConcealmentResponse;
}

export class MyStandingResponse implements MyStanding {
  @ApiProperty({ type: 'integer', nullable: true }) rank!: number | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) timeTakenMs!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) total!: number | null;
  @ApiPropertyOptional({ type: () => ConcealmentResponse }) concealed?: ConcealmentResponse;
}
