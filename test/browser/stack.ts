import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { Http } from '../http';
import { loginAdmin, Session } from '../factories';
import { API_MAIN, freePort, requireBuild, ROOT, WORKER_MAIN } from '../processes';

/**
 * The whole stack as production runs it, for the browser journeys: the built api (serving the
 * built web app at /) and the built worker, as real processes on a free port, against the
 * test run's scratch database and Redis prefix (test/global-setup.ts). The web build is
 * WEB_DIST_DIR (apps/web/dist unless set; scripts/test.sh builds it).
 */
const HEALTHY_WITHIN_MS = Number(process.env.STACK_HEALTHY_WITHIN_MS ?? 90_000);

export interface Stack {
  url: string;
  http: Http;
  admin: Session;
  stop(): Promise<void>;
}

export const LOG_DIR = join(ROOT, '.run', 'browser');

export function webDistDir(): string {
  const dir = process.env.WEB_DIST_DIR || 'apps/web/dist';
  return isAbsolute(dir) ? dir : resolve(ROOT, dir);
}

export function start(main: string, env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const out = createWriteStream(log);
  const p = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  p.stdout!.pipe(out);
  p.stderr!.pipe(out);
  return p;
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function stopProcess(p: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (p.exitCode !== null || p.signalCode !== null) return done();
    const kill = setTimeout(() => p.kill('SIGKILL'), 5000);
    p.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    p.kill('SIGTERM');
  });
}

/** Starts api + worker and waits until the api answers /health and serves the web app. */
export async function startStack(name: string, extraEnv: Record<string, string> = {}): Promise<Stack> {
  // scripts/test-deploy.sh runs the journeys through the production topology instead.
  if (process.env.LC_STACK === 'nginx') return (await import('../deploy/topology')).startTopology(name, extraEnv);
  requireBuild();
  const web = webDistDir();
  if (!existsSync(join(web, 'index.html'))) throw new Error(`no web build in ${web}: run \`bash scripts/build-web.sh\` (npm test builds it)`);
  mkdirSync(LOG_DIR, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // NODE_PATH: a build outside the checkout (LC_DIST=/tmp/...) still finds the project's node_modules.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_PATH: join(ROOT, 'node_modules'),
    HOST: '127.0.0.1',
    PORT: String(port),
    WEB_DIST_DIR: web,
    APP_BASE_URL: url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...extraEnv,
  };
  const apiLog = join(LOG_DIR, `${name}-api.log`);
  const worker = start(WORKER_MAIN, env, join(LOG_DIR, `${name}-worker.log`));
  const api = start(API_MAIN, env, apiLog);
  // A test worker that exits without afterAll (a crash, a forced exit) takes them along.
  const orphanGuard = () => {
    api.kill('SIGKILL');
    worker.kill('SIGKILL');
  };
  process.once('exit', orphanGuard);
  const stop = async () => {
    process.off('exit', orphanGuard);
    await Promise.all([stopProcess(api), stopProcess(worker)]);
  };

  const http = new Http(url);
  // Generous: on a loaded 2-core machine a cold api start has taken over 30 s.
  const until = Date.now() + HEALTHY_WITHIN_MS;
  for (;;) {
    if (api.exitCode !== null) {
      await stop();
      throw new Error(`api exited with ${api.exitCode}; ${apiLog}:\n${tail(apiLog)}`);
    }
    const up = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > until) {
      await stop();
      throw new Error(`api did not become healthy within ${HEALTHY_WITHIN_MS / 1000} s; ${apiLog}:\n${tail(apiLog)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const index = await fetch(`${url}/`);
  if (index.status !== 200) {
    await stop();
    throw new Error(`the api does not serve the web app at / (status ${index.status}, WEB_DIST_DIR=${web})`);
  }
  const admin = await loginAdmin(http);
  return { url, http, admin, stop };
}
