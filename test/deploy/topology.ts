import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Http } from '../http';
import { loginAdmin } from '../factories';
import { API_MAIN, freePort, requireBuild, ROOT, WORKER_MAIN } from '../processes';
import { LOG_DIR, Stack, start, stopProcess, tail, webDistDir } from '../browser/stack';

/**
 * Production's topology on spare ports (scripts/test-deploy.sh): Debian's nginx running
 * deploy/nginx/legal-contest.conf itself (only the lines marked "test:" rewritten: ports and
 * the web root) under a main config of its own (pid, logs, temp files in a scratch folder),
 * two built api processes and the built worker, on the test run's scratch database and Redis
 * prefix. The stack's url is nginx's.
 */
export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const SITE = join(ROOT, 'deploy/nginx/legal-contest.conf');
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const HEALTHY_WITHIN_MS = Number(process.env.STACK_HEALTHY_WITHIN_MS ?? 90_000);

export interface Topology extends Stack {
  apiUrls: string[];
  dir: string;
}

/** The site file with the ports and the web root of this run. */
export function siteForTest(apiPorts: number[], listenPort: number, root: string): string {
  let api = 0;
  return readFileSync(SITE, 'utf8')
    .split('\n')
    .map((line) => {
      if (line.includes('# test: api')) {
        const n = Number(/# test: api (\d)/.exec(line)![1]) - 1;
        api = Math.max(api, n);
        return line.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${apiPorts[n]}`);
      }
      if (line.includes('# test: listen')) return line.replace(/listen [^;]+;/, `listen 127.0.0.1:${listenPort};`);
      if (line.includes('# test: root')) return line.replace(/root [^;]+;/, `root ${root};`);
      return line;
    })
    .join('\n');
}

function mainConfig(dir: string): string {
  const asRoot = process.getuid?.() === 0;
  return [
    // Workers read the web build and the scratch folder as root: a test has no www-data files.
    asRoot ? 'user root;' : '',
    existsSync(BROTLI_MODULE) ? `load_module ${BROTLI_MODULE};` : '',
    'worker_processes 1;',
    'daemon off;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 512; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    `  access_log ${dir}/access.log;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
    '  sendfile on;',
    `  include ${dir}/site.conf;`,
    '}',
    '',
  ].join('\n');
}

/** Starts nginx on `dir`'s config; resolves once it answers. */
async function startNginx(dir: string, port: number): Promise<ChildProcess> {
  execFileSync(NGINX, ['-t', '-q', '-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], { stdio: 'pipe' });
  const out = createWriteStream(join(dir, 'nginx.out'));
  const p = spawn(NGINX, ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], { stdio: ['ignore', 'pipe', 'pipe'] });
  p.stdout!.pipe(out);
  p.stderr!.pipe(out);
  for (let i = 0; i < 100; i++) {
    if (p.exitCode !== null) throw new Error(`nginx exited with ${p.exitCode}:\n${tail(join(dir, 'error.log'))}`);
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (up) return p;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not answer on ${port}:\n${tail(join(dir, 'error.log'))}`);
}

export async function startTopology(name: string, env: NodeJS.ProcessEnv = {}): Promise<Topology> {
  requireBuild();
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: run \`bash scripts/test-deploy.sh\` (it installs Debian's nginx)`);
  const web = webDistDir();
  if (!existsSync(join(web, 'index.html'))) throw new Error(`no web build in ${web}: run \`bash scripts/build-web.sh\``);
  mkdirSync(LOG_DIR, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), `lc-nginx-${name}-`));
  chmodSync(dir, 0o755);
  const [port, ...apiPorts] = await Promise.all([freePort(), freePort(), freePort()]);
  const url = `http://127.0.0.1:${port}`;
  writeFileSync(join(dir, 'site.conf'), siteForTest(apiPorts, port, web));
  writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir));

  const base: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_PATH: join(ROOT, 'node_modules'),
    HOST: '127.0.0.1',
    WEB_DIST_DIR: web,
    APP_BASE_URL: url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    // nginx connects from loopback; only it is believed about the client's address.
    TRUST_PROXY: '127.0.0.1',
    ...env,
  };
  const procs: ChildProcess[] = [start(WORKER_MAIN, base, join(LOG_DIR, `${name}-nginx-worker.log`))];
  const apiLogs = apiPorts.map((p, i) => join(LOG_DIR, `${name}-nginx-api${i + 1}.log`));
  apiPorts.forEach((p, i) => procs.push(start(API_MAIN, { ...base, PORT: String(p) }, apiLogs[i])));
  let nginx: ChildProcess | undefined;
  const orphanGuard = () => [...procs, nginx].forEach((p) => p?.kill('SIGKILL'));
  process.once('exit', orphanGuard);
  const stop = async () => {
    process.off('exit', orphanGuard);
    await Promise.all([...procs, ...(nginx ? [nginx] : [])].map((p) => stopProcess(p)));
    if (!process.env.KEEP_NGINX_DIR) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const until = Date.now() + HEALTHY_WITHIN_MS;
    for (const [i, p] of apiPorts.entries()) {
      for (;;) {
        if (procs[i + 1].exitCode !== null) throw new Error(`api ${i + 1} exited with ${procs[i + 1].exitCode}; ${apiLogs[i]}:\n${tail(apiLogs[i])}`);
        const up = await fetch(`http://127.0.0.1:${p}/api/v1/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (up) break;
        if (Date.now() > until)
          throw new Error(`api ${i + 1} did not become healthy within ${HEALTHY_WITHIN_MS / 1000} s; ${apiLogs[i]}:\n${tail(apiLogs[i])}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    nginx = await startNginx(dir, port);
  } catch (e) {
    await stop();
    throw e;
  }
  const http = new Http(url);
  const admin = await loginAdmin(http);
  return { url, http, admin, stop, apiUrls: apiPorts.map((p) => `http://127.0.0.1:${p}`), dir };
}
