import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built tree this file runs from (dist/), and the project root (npm runs scripts there). */
export const DIST = join(__dirname, '..', '..');
export const ROOT = process.cwd();

/** Same rule as scripts/env.sh: .env, else .env.example, never overriding the environment. */
export function loadDotEnv(): void {
  const file = existsSync(join(ROOT, '.env')) ? join(ROOT, '.env') : join(ROOT, '.env.example');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#') || !line.includes('=')) continue;
    const i = line.indexOf('=');
    const k = line.slice(0, i).trim();
    if (process.env[k] === undefined) process.env[k] = line.slice(i + 1);
  }
}

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
