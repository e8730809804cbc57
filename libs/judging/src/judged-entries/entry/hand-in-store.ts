import type { DataSource, EntityManager } from 'typeorm';
import { type EntrantAnswer, ENTRANT_SQL, type Round, sqlRows } from '@lc/contests';

/** The SQL of a hand-in (HandInService decides: deadline, marks, files). */

/** One hand-in at a time per entrant and round: two first hand-ins would both find no row to lock. */
export async function lockHandIn(m: EntityManager, roundId: string, userId: string): Promise<void> {
  await m.query("SELECT pg_advisory_xact_lock(hashtextextended('judged_entry:' || $1 || ':' || $2, 0))", [roundId, userId]);
}

/** The entrant's current entry, row-locked; undefined before the first hand-in. */
export async function lockedEntry(m: EntityManager, roundId: string, userId: string): Promise<{ id: string; file_key: string | null } | undefined> {
  const [old] = await sqlRows<{ id: string; file_key: string | null }>(
    m,
    'SELECT id, file_key FROM judged_entry WHERE round_id = $1 AND user_id = $2 FOR UPDATE',
    [roundId, userId],
  );
  return old;
}

/** Whether any judge has marked the entry (judge_mark, judging's own). */
export async function isMarked(m: EntityManager, entryId: string): Promise<boolean> {
  return (await sqlRows(m, 'SELECT 1 FROM judge_mark WHERE entry_id = $1 LIMIT 1', [entryId])).length > 0;
}

export interface HandedIn {
  text: string | null;
  link: string | null;
  file: { key: string; name: string | null; mime: string; size: number; sha256: string } | null;
  at: Date;
}

/** Inserts the entry or replaces its content (a new version); `created` on the first hand-in. */
export async function upsertEntry(m: EntityManager, roundId: string, userId: string, e: HandedIn): Promise<{ id: string; created: boolean }> {
  const [row] = await sqlRows<{ id: string; created: boolean }>(
    m,
    `INSERT INTO judged_entry (round_id, user_id, text, link, file_key, file_name, file_type, file_size, file_sha256, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (round_id, user_id) DO UPDATE SET text = $3, link = $4, file_key = $5, file_name = $6, file_type = $7, file_size = $8,
       file_sha256 = $9, submitted_at = $10, version = judged_entry.version + 1, updated_at = now()
     RETURNING id, (xmax = 0) AS created`,
    [roundId, userId, e.text, e.link, e.file?.key ?? null, e.file?.name ?? null, e.file?.mime ?? null, e.file?.size ?? null, e.file?.sha256 ?? null, e.at],
  );
  return row;
}

/** Contests' entrant rule (ENTRANT_SQL, one row) for this user and round. */
export async function entrantAnswer(db: DataSource | EntityManager, round: Round, userId: string): Promise<EntrantAnswer> {
  const [who] = await sqlRows<EntrantAnswer>(db, `SELECT ${ENTRANT_SQL}`, [round.contestId, round.id, userId]);
  return who;
}
