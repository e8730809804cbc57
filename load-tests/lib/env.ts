import { join } from 'node:path';

/** The built tree this file runs from (dist/), and the project root (npm runs scripts there). */
export const DIST = join(__dirname, '..', '..');
export const ROOT = process.cwd();
export { loadDotEnv } from '../../scripts/lib/dotenv';

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
