import type { DataSource, EntityManager } from 'typeorm';

/** Adds the flag to the round's attempts of these users that do not carry one of its code yet. */
export async function flagAttemptsOf(db: DataSource | EntityManager, roundId: string, userIds: string[], flag: { code: string }): Promise<void> {
  await db.query(
    `UPDATE attempt SET flags = flags || jsonb_build_array($3::jsonb)
      WHERE round_id = $1 AND user_id = ANY($2::uuid[]) AND NOT flags @> $4::jsonb`,
    [roundId, userIds, JSON.stringify(flag), JSON.stringify([{ code: flag.code }])],
  );
}
