import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs the statistics queries in one read-only REPEATABLE READ transaction: entries keep
 * arriving while a report is built, and every figure of it must describe the same moment
 * (the per-day rows add up to the totals).
 */
export function readOnlySnapshot<T>(db: DataSource, fn: (m: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction('REPEATABLE READ', async (m) => {
    await m.query('SET TRANSACTION READ ONLY');
    return fn(m);
  });
}
