import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
// Relative import: globalSetup does not get jest's moduleNameMapper. Migrations need no entities.
import { dataSourceOptions } from '../libs/platform/src/database/data-source-options';
import { loadDotEnv } from './load-env';

/**
 * One scratch database and one Redis key prefix (in the test DB index) per run, so tests
 * never touch demo data and two runs on one machine never meet.
 */
export default async function globalSetup(): Promise<void> {
  loadDotEnv();
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.DATABASE_URL!);
  const dbName = `lc_test_${run}`;
  const admin = new URL(base.toString());
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`CREATE DATABASE "${dbName}"`);
  await c.end();
  const testDb = new URL(base.toString());
  testDb.pathname = `/${dbName}`;

  const redis = new URL(process.env.REDIS_URL!);
  redis.pathname = `/${process.env.TEST_REDIS_DB ?? '13'}`;

  Object.assign(process.env, {
    NODE_ENV: 'test',
    TZ: 'UTC',
    DATABASE_URL: testDb.toString(),
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: redis.toString(),
    REDIS_PREFIX: `t${run}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ADMIN_EMAIL: 'admin@test.local',
    ADMIN_PASSWORD: 'Admin@test-2026',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_IP_RATE_LIMIT_PER_MINUTE: '100000',
    LC_TEST_ADMIN_DB_URL: admin.toString(),
  });

  const ds = new DataSource(dataSourceOptions(process.env.DATABASE_URL!, [], 2));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}
