import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseLeaderboardSettings, RoundBoardInfo } from './visibility';

/** Settings changes (PATCH round, publish) reach every instance within this long. */
const TTL_MS = 2000;

interface Row {
  id: string;
  status: string;
  attempt_scoring: string | null;
  leaderboard: unknown;
  prediction_question: { target?: unknown } | null;
  contest_id: string;
  organisation_id: string;
  contest_status: string;
}

/**
 * Round settings for the board, read with SQL on the contests module's tables (no entity
 * imports: contests sits below leaderboard but attempts, above it, owns `attempt`).
 * Cached briefly per instance so a leaderboard read under surge costs no SQL.
 */
@Injectable()
export class RoundInfoService {
  private readonly cache = new Map<string, { at: number; value: Promise<RoundBoardInfo | null> }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get(roundId: string): Promise<RoundBoardInfo | null> {
    const now = Date.now();
    const hit = this.cache.get(roundId);
    if (hit && now - hit.at < TTL_MS) return hit.value;
    const value = this.load(roundId);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(roundId, { at: now, value });
    value.catch(() => this.cache.delete(roundId));
    return value;
  }

  /** After a known change (tests, rebuild): read again next time. */
  forget(roundId: string): void {
    this.cache.delete(roundId);
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

  private async load(roundId: string): Promise<RoundBoardInfo | null> {
    const rows: Row[] = await this.db.query(
      `SELECT r.id, r.status, r.attempt_scoring, r.leaderboard, r.prediction_question, r.contest_id, c.organisation_id, c.status AS contest_status
         FROM round r JOIN contest c ON c.id = r.contest_id WHERE r.id = $1`,
      [roundId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      status: r.status,
      contestId: r.contest_id,
      contestStatus: r.contest_status,
      organisationId: r.organisation_id,
      scoring: r.attempt_scoring === 'last' ? 'last' : 'best',
      ...parseLeaderboardSettings(r.leaderboard),
      predictionTarget: r.prediction_question ? String(r.prediction_question.target ?? 'perfect-score-entrants') : null,
    };
  }
}
