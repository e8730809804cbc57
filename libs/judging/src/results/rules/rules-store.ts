import type { DataSource, EntityManager } from 'typeorm';

/** Whether every round of the contest has published results (the contest's awards are then final). */
export async function allRoundsPublished(db: DataSource | EntityManager, contestId: string): Promise<boolean> {
  const [r]: { rounds: number; published: number }[] = await db.query(
    `SELECT count(*)::int AS rounds, count(rr.round_id) FILTER (WHERE rr.status = 'published')::int AS published
       FROM round r LEFT JOIN round_result rr ON rr.round_id = r.id WHERE r.contest_id = $1`,
    [contestId],
  );
  return r.rounds > 0 && r.rounds === r.published;
}
