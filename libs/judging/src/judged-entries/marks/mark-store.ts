import type { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from '@lc/contests';

/** A judge's marks for an entry: the first, or a re-mark replacing them. */
export async function upsertMark(
  m: EntityManager,
  k: { entryId: string; judgeUserId: string; roundId: string; scores: Record<string, number>; total: number; comment: string | null; at: Date },
): Promise<void> {
  await m.query(
    `INSERT INTO judge_mark (entry_id, judge_user_id, round_id, scores, total, comment, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (entry_id, judge_user_id) DO UPDATE SET scores = $4, total = $5, comment = $6, submitted_at = $7, updated_at = now()`,
    [k.entryId, k.judgeUserId, k.roundId, JSON.stringify(k.scores), k.total, k.comment, k.at],
  );
}

/** Full names of the judges, by id (for the mark history). */
export async function judgeNames(db: DataSource | EntityManager, ids: string[]): Promise<Map<string, string>> {
  const rows = await sqlRows<{ id: string; full_name: string }>(db, 'SELECT id, full_name FROM "user" WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.full_name]));
}
