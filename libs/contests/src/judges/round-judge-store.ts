import type { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from '../common/sql';

/** The SQL of round_judge (RoundJudgesService decides; jury membership is read here, in one place). */

type Db = DataSource | EntityManager;

export interface RoundJudgeRow {
  round_id: string;
  user_id: string;
  full_name: string;
  email: string | null;
  recused_at: Date | null;
  created_at: Date;
}

/** Assigning again (even after recusal) re-activates. */
export async function upsertJudge(m: EntityManager, roundId: string, userId: string): Promise<void> {
  await m.query(
    `INSERT INTO round_judge (round_id, user_id) VALUES ($1, $2)
     ON CONFLICT (round_id, user_id) DO UPDATE SET recused_at = NULL`,
    [roundId, userId],
  );
}

/** The judge's assignment row, locked for the rest of the transaction; undefined when not assigned. */
export async function lockAssignment(m: EntityManager, roundId: string, userId: string): Promise<{ recused_at: Date | null } | undefined> {
  const [row] = await sqlRows<{ recused_at: Date | null }>(m, 'SELECT recused_at FROM round_judge WHERE round_id = $1 AND user_id = $2 FOR UPDATE', [
    roundId,
    userId,
  ]);
  return row;
}

export async function markRecused(m: EntityManager, roundId: string, userId: string): Promise<void> {
  await m.query('UPDATE round_judge SET recused_at = now() WHERE round_id = $1 AND user_id = $2', [roundId, userId]);
}

/** judge_mark belongs to libs/judging, read here by name as AccessService reads round_judge. */
export async function hasMarked(m: EntityManager, roundId: string, userId: string): Promise<boolean> {
  return (await sqlRows(m, 'SELECT 1 FROM judge_mark WHERE round_id = $1 AND judge_user_id = $2 LIMIT 1', [roundId, userId])).length > 0;
}

export async function deleteJudge(m: EntityManager, roundId: string, userId: string): Promise<void> {
  await m.query('DELETE FROM round_judge WHERE round_id = $1 AND user_id = $2', [roundId, userId]);
}

/** Jury membership: assigned and not recused. */
export async function isActiveJudge(db: Db, roundId: string, userId: string): Promise<boolean> {
  return (await sqlRows(db, 'SELECT 1 FROM round_judge WHERE round_id = $1 AND user_id = $2 AND recused_at IS NULL', [roundId, userId])).length > 0;
}

export async function activeJudgeIds(db: Db, roundId: string): Promise<string[]> {
  const rows = await sqlRows<{ user_id: string }>(db, 'SELECT user_id FROM round_judge WHERE round_id = $1 AND recused_at IS NULL', [roundId]);
  return rows.map((r) => r.user_id);
}

export async function hasRecused(db: Db, roundId: string, userId: string): Promise<boolean> {
  const [r] = await sqlRows<{ recused: boolean }>(db, 'SELECT recused_at IS NOT NULL AS recused FROM round_judge WHERE round_id = $1 AND user_id = $2', [
    roundId,
    userId,
  ]);
  return !!r?.recused;
}

/** The round's judges (or the one `userId`), with their names, in the order they were assigned. */
export function judgeRows(db: Db, roundId: string, userId: string | null): Promise<RoundJudgeRow[]> {
  return sqlRows<RoundJudgeRow>(
    db,
    `SELECT j.round_id, j.user_id, u.full_name, u.email, j.recused_at, j.created_at
       FROM round_judge j JOIN "user" u ON u.id = j.user_id
      WHERE j.round_id = $1 AND ($2::uuid IS NULL OR j.user_id = $2) ORDER BY j.created_at`,
    [roundId, userId],
  );
}
