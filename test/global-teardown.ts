import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropRedisPrefix, dropScratchDatabase } from '../scripts/lib/scratch-db';

export default async function globalTeardown(): Promise<void> {
  rmSync(join(tmpdir(), `lc-test-ids-${process.env.REDIS_PREFIX}`), { recursive: true, force: true });
  if (process.env.KEEP_TEST_DB) return;
  const url = process.env.DATABASE_URL!;
  await dropScratchDatabase(url, new URL(url).pathname.slice(1));
  await dropRedisPrefix(process.env.REDIS_URL!, process.env.REDIS_PREFIX!);
}
