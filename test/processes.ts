import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
/** Built code; LC_DIST points elsewhere so parallel work can build without clobbering dist/. */
export const DIST = process.env.LC_DIST ?? join(ROOT, 'dist');
export const API_MAIN = join(DIST, 'apps/api/src/main.js');
export const WORKER_MAIN = join(DIST, 'apps/worker/src/main.js');

export function requireBuild(): void {
  if (!existsSync(API_MAIN) || !existsSync(WORKER_MAIN)) throw new Error('dist/ is missing: run `npm run build` (npm test does it for you)');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * A Redis server of the test's own, on a spare port: faults go here, never to the shared one.
 * `at` restarts one on the same port and data dir (e.g. after a kill, to reload its AOF).
 */
export async function startOwnRedis(
  args: string[] = [],
  at?: { port: number; dir: string },
): Promise<{ url: string; port: number; dir: string; proc: ChildProcess; stop(): Promise<void> }> {
  const bin = spawnSync('sh', ['-c', 'command -v redis-server']).stdout.toString().trim();
  if (!bin) throw new Error('redis-server is not installed (scripts/services.sh installs it on Debian)');
  const port = at?.port ?? (await freePort());
  const dir = at?.dir ?? mkdtempSync(join(tmpdir(), 'lc-redis-'));
  const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', ...args], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}/0`;
  for (let i = 0; i < 50; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1');
      sock.once('connect', () => (sock.end(), resolve(true)));
      sock.once('error', () => resolve(false));
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    dir,
    proc,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGKILL');
      }),
  };
}

/** Runs a built entry point until it exits (or the timeout), capturing its output. */
export function runToExit(
  main: string,
  env: Record<string, string | undefined>,
  timeoutMs = 20000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [main], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const t = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('exit', (code) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr });
    });
  });
}
