import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadDotEnv } from '../scripts/lib/dotenv';
import { createScratchDatabase } from '../scripts/lib/scratch-db';

/**
 * One scratch database and one Redis key prefix (in the test DB index) per run, so tests
 * never touch demo data and two runs on one machine never meet. Both services projects
 * (integration, e2e) name this file; jest calls it once per project, so the second call
 * keeps the first one's database.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.LC_TEST_SCRATCH) return;
  loadDotEnv(join(__dirname, '..'));
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const dbName = `lc_test_${run}`;
  const testDb = await createScratchDatabase(process.env.DATABASE_URL!, dbName);

  const redis = new URL(process.env.REDIS_URL!);
  redis.pathname = `/${process.env.TEST_REDIS_DB ?? '13'}`;

  // A streaming replica (scripts/cluster.sh) has every database of its primary: read the run's own.
  if (process.env.DATABASE_REPLICA_URL) {
    const replica = new URL(process.env.DATABASE_REPLICA_URL);
    replica.pathname = `/${dbName}`;
    process.env.DATABASE_REPLICA_URL = replica.toString();
  }
  Object.assign(process.env, {
    NODE_ENV: 'test',
    TZ: 'UTC',
    DATABASE_URL: testDb,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: redis.toString(),
    REDIS_PREFIX: `t${run}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ADMIN_EMAIL: 'admin@test.local',
    ADMIN_PASSWORD: 'Admin@test-2026',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_IP_RATE_LIMIT_PER_MINUTE: '100000',
    LC_TEST_SCRATCH: dbName,
  });
}
