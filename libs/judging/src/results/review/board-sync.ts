import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LeaderboardService } from '@lc/leaderboard';
import { countedAttemptSql } from '@lc/attempts';

/**
 * After a void or reinstatement the live board must show the person's best remaining
 * attempt: take them off, then record each counted attempt (recording keeps the best,
 * or the last with `last` scoring). The board is rebuildable, so a failure here is logged.
 */
@Injectable()
export class BoardSync {
  private readonly log = new Logger(BoardSync.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly leaderboard: LeaderboardService,
  ) {}

  async refresh(roundId: string, userIds: Iterable<string>): Promise<void> {
    for (const userId of new Set(userIds)) {
      try {
        await this.leaderboard.removeUser(roundId, userId);
        const rows: { id: string; score: number; time_taken_ms: number; submitted_at: Date; scoring: 'best' | 'last' }[] = await this.db.query(
          `SELECT a.id, a.score::float8 AS score, coalesce(a.time_taken_ms, 0) AS time_taken_ms, coalesce(a.submitted_at, a.deadline_at) AS submitted_at, r.attempt_scoring AS scoring
             FROM attempt a JOIN round r ON r.id = a.round_id
            WHERE a.round_id = $1 AND a.user_id = $2 AND ${countedAttemptSql('a')} AND a.score IS NOT NULL`,
          [roundId, userId],
        );
        for (const r of rows) {
          await this.leaderboard.record({
            roundId,
            userId,
            attemptId: r.id,
            score: r.score,
            timeTakenMs: r.time_taken_ms,
            submittedAt: new Date(r.submitted_at),
            scoring: r.scoring,
          });
        }
      } catch (e) {
        this.log.warn(`leaderboard refresh of ${userId} in round ${roundId} failed: ${(e as Error).message}`);
      }
    }
  }
}
