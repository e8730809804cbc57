import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Same rule as scripts/env.sh: .env, else .env.example, never overriding the environment. */
export function loadDotEnv(root = process.cwd()): void {
  const file = existsSync(join(root, '.env')) ? join(root, '.env') : join(root, '.env.example');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#') || !line.includes('=')) continue;
    const i = line.indexOf('=');
    const k = line.slice(0, i).trim();
    if (process.env[k] === undefined) process.env[k] = line.slice(i + 1);
  }
}
