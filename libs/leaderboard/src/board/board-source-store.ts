/** Where the rows come from: the primary (a DataSource or a transaction's manager) or the read replica. */
export interface RowSource {
  query(sql: string, params: unknown[]): Promise<unknown[]>;
}

/** A counted attempt as a board rebuild reads it (attempts' `counted_attempt` view), with the name the board shows. */
export interface EntryRow {
  user_id: string;
  score: number;
  time_taken_ms: string | number;
  submitted_ms: string | number;
  full_name: string | null;
  unit: string | null;
  province: string | null;
}

/**
 * The counted attempts of the next `limit` users after `after` (by id), of one user when
 * `userId` is given, submitted before `before` when given: the board is rebuilt from these in batches.
 */
export function countedEntryBatch(
  db: RowSource,
  q: { roundId: string; contestId: string; after: string; limit: number; userId: string | null; before: Date | null },
): Promise<EntryRow[]> {
  return db.query(
    `WITH counted AS (
       SELECT a.user_id, a.score, a.time_taken_ms, a.started_at, COALESCE(a.submitted_at, a.deadline_at) AS submitted
         FROM counted_attempt a
        WHERE a.round_id = $1 AND a.score IS NOT NULL
     ), users AS (
       SELECT DISTINCT user_id FROM counted
        WHERE user_id > $2 AND ($4::uuid IS NULL OR user_id = $4) AND ($5::timestamptz IS NULL OR submitted < $5)
        ORDER BY user_id LIMIT $3
     )
     SELECT c.user_id, c.score::float8 AS score,
            COALESCE(c.time_taken_ms, floor(EXTRACT(EPOCH FROM (c.submitted - c.started_at)) * 1000)::bigint) AS time_taken_ms,
            floor(EXTRACT(EPOCH FROM c.submitted) * 1000)::bigint AS submitted_ms,
            u.full_name, COALESCE(NULLIF(rg.unit, ''), u.unit) AS unit, u.province
       FROM counted c
       JOIN users USING (user_id)
       JOIN "user" u ON u.id = c.user_id
       LEFT JOIN registration rg ON rg.user_id = c.user_id AND rg.contest_id = $6
      WHERE ($5::timestamptz IS NULL OR c.submitted < $5)`,
    [q.roundId, q.after, q.limit, q.userId, q.before, q.contestId],
  ) as Promise<EntryRow[]>;
}
