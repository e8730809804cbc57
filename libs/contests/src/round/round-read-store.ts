import type { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from '../common/sql';

/** The SQL of round reads (RoundLookup's row, the next sequence number); every write is RoundStore's. */

/** The round's row with its contest's organisation and status, as RoundLookup maps it. */
export async function roundWithContest(db: DataSource | EntityManager, roundId: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await sqlRows<Record<string, unknown>>(
    db,
    `SELECT r.*, c.organisation_id, c.status AS contest_status
       FROM round r JOIN contest c ON c.id = r.contest_id WHERE r.id = $1`,
    [roundId],
  );
  return row;
}

/** The next round's sequence number in the contest (the unique (contest_id, seq) settles a race). */
export async function nextRoundSeq(db: DataSource | EntityManager, contestId: string): Promise<number> {
  const [{ next }] = await sqlRows<{ next: number }>(db, 'SELECT coalesce(max(seq), 0) + 1 AS next FROM round WHERE contest_id = $1', [contestId]);
  return next;
}
