import type { EntityManager } from 'typeorm';
import type { Round } from '@lc/contests';
import { sqlRows } from '@lc/contests';

/**
 * The row locks judged entries take on their round (contests' row; a lock is a read): marks
 * and hand-ins share it, the jury settings take it exclusively, so a rubric never changes
 * under a mark being written and a close (a status update) waits for a hand-in or is seen by it.
 */

export async function shareRoundRow(m: EntityManager, roundId: string): Promise<void> {
  await m.query('SELECT id FROM round WHERE id = $1 FOR SHARE', [roundId]);
}

export async function lockRoundRow(m: EntityManager, roundId: string): Promise<void> {
  await m.query('SELECT id FROM round WHERE id = $1 FOR UPDATE', [roundId]);
}

/** The round's window, share-locked for the rest of the transaction; undefined when there is no such round. */
export async function sharedRoundWindow(m: EntityManager, roundId: string): Promise<{ status: Round['status']; opens_at: Date; closes_at: Date } | undefined> {
  const [r] = await sqlRows<{ status: Round['status']; opens_at: Date; closes_at: Date }>(
    m,
    'SELECT status, opens_at, closes_at FROM round WHERE id = $1 FOR SHARE',
    [roundId],
  );
  return r;
}
