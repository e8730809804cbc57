import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * A hot statement as a named (prepared) statement on the primary's own pool: PostgreSQL
 * parses and plans it once per connection instead of on every call, and TypeORM's query
 * runner (created, connected and released per query) is skipped. For the few statements every
 * entrant runs (registration, start, finish, write-behind, the token check): issue 18 measured
 * parse + plan and the runner as a fair share of each. One name, one text, always; results
 * are pg's rows (UPDATE … RETURNING too), errors pg's own (pg-errors.ts reads both kinds).
 */
export async function preparedRows<T>(db: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (db.driver as unknown as { master?: Pool }).master;
  if (!pool) throw new Error('preparedRows needs an initialised PostgreSQL data source');
  return (await pool.query({ name, text, values })).rows as T[];
}
