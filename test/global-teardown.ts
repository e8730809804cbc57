import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropRedisPrefix, dropScratchDatabase } from '../scripts/lib/scratch-db';

/** Called once per services project (see global-setup.ts): the first call drops, the rest find nothing. */
export default async function globalTeardown(): Promise<void> {
  if (!process.env.LC_TEST_SCRATCH) return;
  delete process.env.LC_TEST_SCRATCH;
  rmSync(join(tmpdir(), `lc-test-ids-${process.env.REDIS_PREFIX}`), { recursive: true, force: true });
  if (process.env.KEEP_TEST_DB) return;
  const url = process.env.DATABASE_URL!;
  await dropScratchDatabase(url, new URL(url).pathname.slice(1));
  await dropRedisPrefix(process.env.REDIS_URL!, process.env.REDIS_PREFIX!);
}
