import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Same rule as scripts/env.sh: .env or .env.example fill in what the environment lacks. */
export function loadDotEnv(root = join(__dirname, '..')): void {
  const file = existsSync(join(root, '.env')) ? join(root, '.env') : join(root, '.env.example');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#') || !line.includes('=')) continue;
    const i = line.indexOf('=');
    const k = line.slice(0, i);
    if (process.env[k] === undefined) process.env[k] = line.slice(i + 1);
  }
}
