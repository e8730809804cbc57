import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// Same relative depth from src and from dist, so both ts (tests) and js (built apps) find them.
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', '..', '..', 'migrations', '*.{ts,js}');

export function dataSourceOptions(databaseUrl: string, entities: DataSourceOptions['entities'], poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migrations',
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Fail fast instead of queueing forever when PostgreSQL is gone; callers answer 503.
    extra: { max: poolSize, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000, statement_timeout: 30000 },
  };
}
