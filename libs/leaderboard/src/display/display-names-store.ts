import type { EntityManager } from 'typeorm';

/** The SQL behind board names (DisplayNamesService caches them in Redis). */

/** The rounds the user has attempted: the boards their name may be cached on. */
export async function roundsOfUser(m: EntityManager, userId: string): Promise<string[]> {
  const rows: { round_id: string }[] = await m.query('SELECT DISTINCT round_id FROM attempt WHERE user_id = $1', [userId]);
  return rows.map((r) => r.round_id);
}

/** Name, unit (the contest's registration, else the profile's) and province of each user. */
export function displayRows(
  m: EntityManager,
  contestId: string,
  userIds: string[],
): Promise<{ id: string; full_name: string; unit: string | null; province: string | null }[]> {
  return m.query(
    `SELECT u.id, u.full_name, COALESCE(NULLIF(rg.unit, ''), u.unit) AS unit, u.province
       FROM "user" u LEFT JOIN registration rg ON rg.user_id = u.id AND rg.contest_id = $2
      WHERE u.id = ANY($1::uuid[])`,
    [userIds, contestId],
  );
}
