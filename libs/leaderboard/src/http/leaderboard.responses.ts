import { ApiProperty } from '@nestjs/swagger';
import type { LeaderboardPage, LeaderboardRow, MyStanding } from '../leaderboard.types';

/** Response bodies of the leaderboard routes (OpenAPI; the web app's types are generated from them). */
export class LeaderboardRowResponse implements LeaderboardRow {
  @ApiProperty({ type: 'integer' }) rank!: number;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ description: 'Short public name (e.g. "Nguyễn V. A.")' }) displayName!: string;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true }) province!: string | null;
  @ApiProperty() score!: number;
  @ApiProperty({ type: 'integer' }) timeTakenMs!: number;
}

export class LeaderboardPageResponse implements LeaderboardPage {
  @ApiProperty({ type: () => [LeaderboardRowResponse] }) items!: LeaderboardRowResponse[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ description: 'True when the caller sees the snapshot taken at freeze time' }) frozen!: boolean;
  @ApiProperty({ format: 'date-time', description: 'Server time of the read' }) at!: string;
}

export class MyStandingResponse implements MyStanding {
  @ApiProperty({ type: 'integer', nullable: true }) rank!: number | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) timeTakenMs!: number | null;
  @ApiProperty({ type: 'integer' }) total!: number;
}
