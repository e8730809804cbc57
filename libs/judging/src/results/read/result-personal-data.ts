import type { EntityManager } from 'typeorm';

/** A place in published round results, as the person's data export shows it. */
export interface ExportedResult {
  contestId: string;
  roundId: string;
  roundTitle: string;
  rank: number;
  score: number;
  maxScore: number;
  timeTakenMs: number;
  prediction: number | null;
  unit: string | null;
  prizeName: string | null;
  publishedAt: string | null;
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** Published places only: a provisional ranking is not yet a result, for anyone. */
export async function exportResults(q: EntityManager, userId: string): Promise<ExportedResult[]> {
  const rows: Record<string, never>[] = await q.query(
    `SELECT rr.contest_id, e.round_id, r.title AS round_title, e.rank, e.score, e.max_score, e.time_taken_ms, e.prediction, e.unit, e.prize_name, rr.published_at
       FROM result_entry e JOIN round_result rr ON rr.round_id = e.round_id JOIN round r ON r.id = e.round_id
      WHERE e.user_id = $1 AND rr.status = 'published' ORDER BY rr.published_at`,
    [userId],
  );
  return rows.map((r) => ({
    contestId: r.contest_id,
    roundId: r.round_id,
    roundTitle: r.round_title,
    rank: r.rank,
    score: num(r.score)!,
    maxScore: num(r.max_score)!,
    timeTakenMs: r.time_taken_ms,
    prediction: num(r.prediction),
    unit: r.unit,
    prizeName: r.prize_name,
    publishedAt: r.published_at === null ? null : new Date(r.published_at).toISOString(),
  }));
}

/** Erasure's part in results, in the caller's transaction: the place stays, the unit and group that locate the person go. */
export async function eraseResultUnits(m: EntityManager, userId: string): Promise<void> {
  await m.query(`UPDATE result_entry SET unit = NULL, grp = NULL WHERE user_id = $1`, [userId]);
}
