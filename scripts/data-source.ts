import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig } from '@lc/platform';
import { ALL_ENTITIES } from '@lc/entities';

/** For the TypeORM CLI (migrate, generate, check). Needs only DATABASE_URL. */
const env = { JWT_SECRET: 'x'.repeat(32), PII_KEY: 'x'.repeat(32), REDIS_URL: 'redis://127.0.0.1:6379', ...process.env };
export default new DataSource({ ...dataSourceOptions(loadConfig(env).databaseUrl, ALL_ENTITIES, 2), logging: ['error', 'warn', 'migration'] });
