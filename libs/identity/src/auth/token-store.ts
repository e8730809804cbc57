import type { DataSource } from 'typeorm';
import { preparedRows } from '@lc/platform';

/** The account's token version, or null when it is deleted, deactivated or unknown (a token check's one read). */
export async function tokenVersionOf(db: DataSource, userId: string): Promise<number | null> {
  const [row] = await preparedRows<{ tv: number; gone: boolean }>(
    db,
    'token-version',
    `SELECT token_version AS tv, (deleted_at IS NOT NULL OR deactivated_at IS NOT NULL) AS gone FROM "user" WHERE id = $1`,
    [userId],
  );
  return row && !row.gone ? row.tv : null;
}
