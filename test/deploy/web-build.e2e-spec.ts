import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../processes';

/**
 * The web build is a production build whatever the caller's environment says: the scripts load
 * .env.example (NODE_ENV=development) before building, and Vite then bundled React's development
 * build (564 KB of script instead of 322 KB) while the size check passed.
 */
describe('web build (scripts/build-web.sh)', () => {
  const out = mkdtempSync(join(tmpdir(), 'lc-web-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('bundles React for production even with NODE_ENV=development in the environment, and checks both budgets', () => {
    const log = execFileSync('bash', ['scripts/build-web.sh'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', WEB_OUT_DIR: out },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const scripts = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) expect(readFileSync(join(out, 'assets', f), 'utf8')).not.toContain('jsxDEV');
    expect(log).toMatch(/resident bundle: [\d.]+ KB gzipped \(budget \d+ KB\), [\d.]+ KB brotli \(budget \d+ KB\)/);
  }, 180_000);
});
