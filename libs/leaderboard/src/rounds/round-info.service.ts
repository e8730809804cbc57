import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type RoundInfo, RoundLookup } from '@lc/contests';
import { parseLeaderboardSettings, RoundBoardInfo } from './visibility';

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
    const rows: unknown[] = await this.db.query('SELECT 1 FROM registration WHERE contest_id = $1 AND user_id = $2 LIMIT 1', [contestId, userId]);
    return rows.length > 0;
  }

  /** Rounds whose boards exist: open, closed, or with published results. */
  async boardRoundIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM round WHERE status IN ('open', 'closed', 'published') ORDER BY id`);
    return rows.map((r) => r.id);
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
