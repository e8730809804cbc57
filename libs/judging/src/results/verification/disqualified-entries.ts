import type { EntityManager } from 'typeorm';
import type { RankableAttempt } from '../../ranking/attempt-row';

/**
 * A judged round has no attempts to void, so a disqualified winner's entry is ranked as a
 * void attempt is: left out, and the prize passes on by the same rules. Quiz rounds need
 * none of this: their disqualification voids the attempts themselves.
 */
export function withoutDisqualified(rows: readonly RankableAttempt[], disqualified: ReadonlySet<string>): RankableAttempt[] {
  return rows.map((r) => (disqualified.has(r.personId) ? { ...r, status: 'void' } : r));
}

/** The people disqualified in a round, read in the caller's transaction (so a decision in it counts). */
export async function disqualifiedIn(m: EntityManager, roundId: string): Promise<Set<string>> {
  const rows: { user_id: string }[] = await m.query(`SELECT user_id FROM winner_verification WHERE round_id = $1 AND status = 'disqualified'`, [roundId]);
  return new Set(rows.map((r) => r.user_id));
}
