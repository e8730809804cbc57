import type { EntityManager } from 'typeorm';

/** Rounds whose boards exist: open, closed, or with published results. */
export async function boardRoundIds(m: EntityManager): Promise<string[]> {
  const rows: { id: string }[] = await m.query(`SELECT id FROM round WHERE status IN ('open', 'closed', 'published') ORDER BY id`);
  return rows.map((r) => r.id);
}
