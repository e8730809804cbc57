import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  rmSync(join(tmpdir(), `lc-test-ids-${process.env.REDIS_PREFIX}`), { recursive: true, force: true });
  if (process.env.KEEP_TEST_DB) return;
  const dbName = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const c = new Client({ connectionString: process.env.LC_TEST_ADMIN_DB_URL });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await c.end();
  const r = new Redis(process.env.REDIS_URL!);
  const stream = r.scanStream({ match: `${process.env.REDIS_PREFIX}:*`, count: 1000 });
  for await (const keys of stream) if ((keys as string[]).length) await r.unlink(...(keys as string[]));
  r.disconnect();
}
