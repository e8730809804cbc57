import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isRegistered, type RoundInfo, RoundLookup } from '@lc/contests';
import { parseLeaderboardSettings, RoundBoardInfo } from './visibility';
import { boardRoundIds } from './round-info-store';

/**
 * Round settings for the board: the leaderboard's view of contests' round read model
 * (`RoundLookup`, which caches and is dropped when the round moves), plus the few
 * registration and round queries boards need (SQL: no entity imports).
 */
@Injectable()
export class RoundInfoService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lookup: RoundLookup,
  ) {}

  async get(roundId: string): Promise<RoundBoardInfo | null> {
    const r = await this.lookup.get(roundId);
    return r ? boardInfo(r) : null;
  }

  /** After a known change (tests, rebuild): read again next time. */
  forget(roundId: string): void {
    this.lookup.invalidate(roundId);
  }

  async isRegistered(contestId: string, userId: string): Promise<boolean> {
    return isRegistered(this.db, contestId, userId);
  }

  /** Rounds whose boards exist: open, closed, or with published results. */
  async boardRoundIds(): Promise<string[]> {
    return boardRoundIds(this.db.manager);
  }
}

function boardInfo(r: RoundInfo): RoundBoardInfo {
  return {
    id: r.id,
    status: r.status,
    contestId: r.contestId,
    contestStatus: r.contestStatus,
    organisationId: r.organisationId,
    scoring: r.attemptScoring === 'last' ? 'last' : 'best',
    ...parseLeaderboardSettings(r.leaderboard),
    predictionTarget: r.predictionQuestion ? String((r.predictionQuestion as { target?: unknown }).target ?? 'perfect-score-entrants') : null,
  };
}
