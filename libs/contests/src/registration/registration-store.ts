import type { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from '../common/sql';

/** Whether the user registered for the contest: the one query, for contests and the modules above (leaderboard). */
export async function isRegistered(db: DataSource | EntityManager, contestId: string, userId: string): Promise<boolean> {
  return (await sqlRows(db, 'SELECT 1 FROM registration WHERE contest_id = $1 AND user_id = $2 LIMIT 1', [contestId, userId])).length > 0;
}
