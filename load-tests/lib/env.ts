import os from 'node:os';
import { join } from 'node:path';
import { round } from './stats';

/** The built tree this file runs from (dist/), and the project root (npm runs scripts there). */
export const DIST = join(__dirname, '..', '..');
export const ROOT = process.cwd();
export { loadDotEnv } from '../../scripts/lib/dotenv';

/** The api's Node flags as deploy/systemd/lc-api@.service, docker/Dockerfile, scripts/demo.sh and `npm run start:api` give them (test/architecture/api-node-args.spec.ts keeps them one). */
export const API_NODE_ARGS: readonly string[] = ['--max-semi-space-size=64'];

export function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number (got "${raw}")`);
  return n;
}

export function log(msg: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/**
 * What the benches run the api as: production, which requires METRICS_TOKEN (GET /metrics is
 * never open in production). A bench's own processes get this one unless the caller set one.
 */
export const productionEnv = (): { NODE_ENV: 'production'; METRICS_TOKEN: string } => ({
  NODE_ENV: 'production',
  METRICS_TOKEN: process.env.METRICS_TOKEN || 'bench-only-metrics-token',
});

/**
 * The environment of an api (or worker) process a bench starts on its scratch database and Redis
 * prefix: production, the bench's admin, and login limits out of the way (every client of a bench
 * comes from 127.0.0.1: per-IP limits would measure the limiter, not the platform).
 */
export function benchProcessEnv(o: {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  admin: { email: string; password: string };
  poolSize: string;
}): Record<string, string> {
  return {
    ...productionEnv(),
    DATABASE_URL: o.databaseUrl,
    DATABASE_POOL_SIZE: o.poolSize,
    REDIS_URL: o.redisUrl,
    ...(process.env.REDIS_CLUSTER_NODES ? { REDIS_CLUSTER_NODES: process.env.REDIS_CLUSTER_NODES } : {}),
    REDIS_PREFIX: o.prefix,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    ADMIN_EMAIL: o.admin.email,
    ADMIN_PASSWORD: o.admin.password,
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    AUTH_IP_RATE_LIMIT_PER_MINUTE: '1000000',
  };
}

/** The machine a bench ran on, as every report names it. */
export function machineInfo(): { cores: number; cpu: string | undefined; memoryGb: number; node: string } {
  return { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version };
}

/** The database URL with the connecting process's name, so the CPU meter tells its backends apart. */
export function withApplicationName(databaseUrl: string, name: string): string {
  return `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}application_name=${name}`;
}

/** A setting a bench's child process cannot run without. */
export function requiredEnv(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
}
