import type { EntityManager } from 'typeorm';

let seq = 0;

/**
 * Rows of a query in batches through a PostgreSQL cursor (DECLARE … FETCH), so a
 * 500,000-row ranking or export never sits in memory whole. The next batch is fetched
 * while the caller consumes this one (at most two batches in memory). `manager` must be
 * inside a transaction (cursors live as long as it): pass the one from `db.transaction`.
 */
export async function* cursorRows<T>(manager: EntityManager, sql: string, params: unknown[] = [], batch = 5000): AsyncGenerator<T> {
  const name = `lc_cur_${++seq}`;
  await manager.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
  const fetch = () => manager.query(`FETCH ${batch} FROM ${name}`) as Promise<T[]>;
  let next: Promise<T[]> | null = fetch();
  try {
    while (next) {
      const rows: T[] = await next;
      next = rows.length < batch ? null : fetch();
      for (const r of rows) yield r;
    }
  } finally {
    if (next) await next.catch(() => undefined);
    await manager.query(`CLOSE ${name}`).catch(() => undefined);
  }
}
