import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase } from '../../scripts/lib/scratch-db';
import { API_MAIN, freePort, requireBuild, ROOT, startOwnRedis, WORKER_MAIN } from '../processes';

/**
 * Everything the fault suite breaks, started by the suite itself on 127.0.0.1: a PostgreSQL
 * cluster of its own on a spare port, a Redis of its own with AOF, two api instances and a
 * worker from the built code (LC_DIST). The machine's shared services are never touched.
 */

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a value, at most `timeoutMs` (every loop here is bounded). */
export async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number, everyMs = 200): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))) : [];
  if (!versions.length) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)');
  versions.sort((a, b) => Number(a) - Number(b));
  return join(root, versions[versions.length - 1], 'bin');
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL tool as the `postgres` user when we are root (initdb refuses root). */
function asPostgres(cmd: string, args: string[], timeoutMs = 60_000): { code: number | null; out: string } {
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(file, argv, { encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

export class OwnPostgres {
  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly bin: string,
  ) {}

  static async create(base: string): Promise<OwnPostgres> {
    const bin = pgBin();
    const dir = join(base, 'pg');
    mkdirSync(dir);
    if (isRoot()) {
      const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const gw = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      if (pw.status !== 0) throw new Error('running as root needs a `postgres` user to own the test cluster');
      chownSync(dir, Number(pw.stdout.trim()), Number(gw.stdout.trim()));
    }
    const init = asPostgres(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    if (init.code !== 0) throw new Error(`initdb failed: ${init.out}`);
    const pg = new OwnPostgres(await freePort(), dir, bin);
    await pg.start();
    return pg;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    // fsync off: the suite stops PostgreSQL, it never crashes the machine; commits stay synchronous.
    const opts = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.dir} -c fsync=off -c max_connections=120`;
    const r = asPostgres(join(this.bin, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-l', join(this.dir, 'log'), '-o', opts, '-w', '-t', '60', 'start']);
    if (r.code !== 0) throw new Error(`pg_ctl start failed: ${r.out}`);
  }

  /** `fast` ends sessions and shuts down cleanly (the "PostgreSQL stopped" fault). */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    const r = asPostgres(join(this.bin, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-m', mode, '-w', '-t', '60', 'stop']);
    if (r.code !== 0 && !/not running|No such file/i.test(r.out)) throw new Error(`pg_ctl stop failed: ${r.out}`);
  }
}

export type Role = 'api' | 'worker';

/** One built api or worker process; restartable on the same port with the same settings. */
export class AppProcess {
  proc?: ChildProcess;
  private exitCode: number | null = null;
  private exitSignal: NodeJS.Signals | null = null;
  private exited?: Promise<void>;
  starts = 0;

  constructor(
    readonly name: string,
    readonly role: Role,
    readonly port: number,
    private readonly env: () => Record<string, string>,
    private readonly logDir: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get pid(): number | undefined {
    return this.proc?.pid;
  }
  get running(): boolean {
    return !!this.proc && this.proc.exitCode === null && this.proc.signalCode === null;
  }
  get exit(): { code: number | null; signal: NodeJS.Signals | null } {
    return { code: this.exitCode, signal: this.exitSignal };
  }
  get logFile(): string {
    return join(this.logDir, `${this.name}.${this.starts}.log`);
  }

  async start(extraEnv: Record<string, string> = {}): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    this.starts++;
    const fd = openSync(this.logFile, 'a');
    const main = this.role === 'api' ? API_MAIN : WORKER_MAIN;
    const p = spawn(process.execPath, [main], { env: { ...this.env(), PORT: String(this.port), ...extraEnv }, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    this.proc = p;
    this.exitCode = null;
    this.exitSignal = null;
    this.exited = new Promise((resolve) =>
      p.once('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        resolve();
      }),
    );
    await until(
      `${this.name} ready`,
      async () => {
        if (p.exitCode !== null) throw new Error(`${this.name} exited ${p.exitCode} while starting:\n${this.tail()}`);
        if (this.role === 'worker') return readFileSync(this.logFile, 'utf8').includes('worker started') ? true : undefined;
        try {
          const r = await fetch(`${this.url}/api/v1/health`, { signal: AbortSignal.timeout(3000) });
          return r.status === 200 ? true : undefined;
        } catch {
          return undefined;
        }
      },
      90_000,
      250,
    );
  }

  kill(signal: NodeJS.Signals): void {
    if (!this.proc || !this.running) throw new Error(`${this.name} is not running`);
    this.proc.kill(signal);
  }

  /** Waits for the process to end (bounded); SIGKILLs it when it overstays. */
  async waitExit(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; forced: boolean }> {
    if (!this.proc) return { code: null, signal: null, forced: false };
    const t = setTimeout(() => this.proc?.kill('SIGKILL'), timeoutMs);
    const forcedAt = Date.now() + timeoutMs;
    await this.exited;
    clearTimeout(t);
    return { ...this.exit, forced: Date.now() >= forcedAt };
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.proc!.kill('SIGKILL');
    await this.exited;
  }

  tail(n = 4000): string {
    try {
      const s = readFileSync(this.logFile, 'utf8');
      return s.slice(-n);
    } catch {
      return '';
    }
  }
}

export const ADMIN = { email: 'admin@faults.local', password: 'Admin@faults-2026' };
const REDIS_ARGS = ['--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction'];

export class FaultCluster {
  redis!: Awaited<ReturnType<typeof startOwnRedis>>;
  readonly apis: AppProcess[] = [];
  worker!: AppProcess;
  dbUrl = '';
  readonly prefix = 'f';

  private constructor(
    readonly base: string,
    readonly pg: OwnPostgres | null,
  ) {}

  /**
   * Scale-out mode (issue 19, `scaleOut`): Redis is scripts/cluster.sh's 6-node cluster and
   * PostgreSQL its primary, with its streaming replica as DATABASE_REPLICA_URL.
   */
  scaleOut: { redisNodes: string; replicaUrl: string } | null = null;

  static async start(opts: { scaleOut?: boolean } = {}): Promise<FaultCluster> {
    requireBuild();
    const base = mkdtempSync(join(tmpdir(), 'lc-faults-'));
    if (isRoot()) spawnSync('chmod', ['755', base]);
    if (opts.scaleOut) {
      const env = Object.fromEntries(
        spawnSync('bash', [join(ROOT, 'scripts/cluster.sh'), 'env'], { encoding: 'utf8' })
          .stdout.split('\n')
          .filter(Boolean)
          .map((l) => l.replace(/^export /, '').split('=') as [string, string]),
      );
      const c = new FaultCluster(base, null);
      const name = `lc_faults_${Date.now().toString(36)}`;
      c.dbUrl = await createScratchDatabase(env.DATABASE_URL, name);
      const replica = new URL(env.DATABASE_REPLICA_URL);
      replica.pathname = `/${name}`;
      c.scaleOut = { redisNodes: env.REDIS_CLUSTER_NODES, replicaUrl: replica.toString() };
      const envOf = () => c.appEnv();
      c.apis.push(new AppProcess('api-a', 'api', await freePort(), envOf, base), new AppProcess('api-b', 'api', await freePort(), envOf, base));
      c.worker = new AppProcess('worker', 'worker', await freePort(), envOf, base);
      await c.apis[0].start();
      await c.apis[1].start();
      await c.worker.start();
      return c;
    }
    const pg = await OwnPostgres.create(base);
    const c = new FaultCluster(base, pg);
    try {
      c.dbUrl = await createScratchDatabase(pg.url, 'lc_faults');
      c.redis = await startOwnRedis(REDIS_ARGS);
      const env = () => c.appEnv();
      c.apis.push(new AppProcess('api-a', 'api', await freePort(), env, base), new AppProcess('api-b', 'api', await freePort(), env, base));
      c.worker = new AppProcess('worker', 'worker', await freePort(), env, base);
      // One at a time: the first creates the admin account.
      await c.apis[0].start();
      await c.apis[1].start();
      await c.worker.start();
      return c;
    } catch (e) {
      await c.shutdown();
      throw e;
    }
  }

  private appEnv(): Record<string, string> {
    return {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      // Built code may live outside the checkout (LC_DIST): it still uses the checkout's packages.
      NODE_PATH: join(ROOT, 'node_modules'),
      TZ: 'UTC',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      DATABASE_URL: this.dbUrl,
      DATABASE_POOL_SIZE: '10',
      ...(this.scaleOut
        ? { REDIS_URL: 'redis://', REDIS_CLUSTER_NODES: this.scaleOut.redisNodes, DATABASE_REPLICA_URL: this.scaleOut.replicaUrl, REPLICA_MAX_LAG_MS: '3000' }
        : { REDIS_URL: this.redis.url }),
      REDIS_PREFIX: this.prefix,
      JWT_SECRET: 'fault-suite-jwt-secret-0123456789abcdef',
      PII_KEY: 'fault-suite-pii-key-0123456789abcdef0123',
      JWT_ACCESS_TTL_SECONDS: '14400',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
      AUTH_IP_RATE_LIMIT_PER_MINUTE: '1000000',
      WEB_DIST_DIR: join(this.base, 'no-web'),
      EXPORT_DIR: this.exportDir,
      UPLOAD_DIR: join(this.base, 'uploads'),
      APP_BASE_URL: 'http://127.0.0.1',
    };
  }

  /** Where the worker writes result exports (api and worker share it). */
  get exportDir(): string {
    return join(this.base, 'exports');
  }

  get urls(): string[] {
    return this.apis.map((a) => a.url);
  }

  /** kill -9 and start again on the same port and data dir: Redis reloads its AOF. */
  async restartRedis(): Promise<void> {
    if (this.redis.proc.exitCode === null && this.redis.proc.signalCode === null) await this.redis.stop();
    this.redis = await startOwnRedis(REDIS_ARGS, { port: this.redis.port, dir: this.redis.dir });
  }

  async shutdown(): Promise<void> {
    for (const p of [...this.apis, this.worker]) await p?.stop().catch(() => undefined);
    if (this.redis) {
      try {
        this.redis.proc.kill('SIGCONT');
      } catch {
        // already gone
      }
      await this.redis.stop();
    }
    try {
      this.pg?.stop('immediate');
    } catch {
      // already stopped
    }
    // The processes' logs (their ends) stay in .run/faults-logs for a failed run to be read.
    const logs = join(ROOT, '.run', 'faults-logs');
    rmSync(logs, { recursive: true, force: true });
    mkdirSync(logs, { recursive: true });
    for (const f of readdirSync(this.base).filter((n) => n.endsWith('.log')))
      writeFileSync(join(logs, f), readFileSync(join(this.base, f)).subarray(-256 * 1024));
    if (!process.env.FAULTS_KEEP) {
      rmSync(this.base, { recursive: true, force: true });
      rmSync(this.redis?.dir ?? join(this.base, 'none'), { recursive: true, force: true });
    }
  }
}
