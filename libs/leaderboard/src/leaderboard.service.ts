import { Injectable } from '@nestjs/common';
import { LeaderboardRecord } from './leaderboard.types';

/** STUB: the leaderboard module implements it (docs/architecture.md). */
@Injectable()
export class LeaderboardService {
  /** Idempotent: recording the same attempt twice changes nothing. */
  async record(_entry: LeaderboardRecord): Promise<void> {}
  async removeUser(_roundId: string, _userId: string): Promise<void> {}
  async rebuild(_roundId: string): Promise<void> {}
}
