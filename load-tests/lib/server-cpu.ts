import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { round } from './stats';

const HZ = 100; // USER_HZ on Linux

export function procCpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / HZ; // utime + stime
  } catch {
    return 0;
  }
}

function pidsOf(name: string): number[] {
  try {
    return execFileSync('pgrep', ['-x', name], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * The server's CPU, process by process, without the rest of this shared machine:
 * PostgreSQL is the backends of the bench's own database, told apart by the
 * `application_name` each of our processes connects with (api1, api2, worker), plus the
 * server's background processes (WAL writer, checkpointer, autovacuum: other databases'
 * writes land there too, so that part is an upper bound); Redis is its one process (shared,
 * so phases subtract an idle baseline). The driver is measured, and kept out of `server`.
 */
export interface CpuSample {
  at: number;
  /** Our Node processes by name (api1, api2, worker, driver). */
  node: Record<string, number>;
  /** CPU seconds per PostgreSQL backend pid of our database, with the connecting process's name. */
  backends: Map<number, { app: string; s: number }>;
  pgBackground: number;
  redis: number;
}

/** Buckets of server CPU, in seconds, between two samples. */
export type CpuSpend = Record<string, number>;

export const SERVER_BUCKETS = ['api1', 'api2', 'worker', 'postgres:api1', 'postgres:api2', 'postgres:worker', 'postgres:background', 'redis'] as const;

export class ServerCpuMeter {
  private constructor(
    private readonly db: Client,
    private readonly database: string,
    private readonly node: Record<string, number | undefined>,
  ) {}

  static async open(adminUrl: string, database: string, node: Record<string, number | undefined>): Promise<ServerCpuMeter> {
    const db = new Client({ connectionString: adminUrl, application_name: 'bench-meter' });
    await db.connect();
    return new ServerCpuMeter(db, database, node);
  }

  async sample(): Promise<CpuSample> {
    const rows = (
      await this.db.query<{ pid: number; app: string | null; datname: string | null; kind: string | null }>(
        `SELECT pid, application_name AS app, datname, backend_type AS kind FROM pg_stat_activity WHERE pid <> pg_backend_pid()`,
      )
    ).rows;
    const backends = new Map<number, { app: string; s: number }>();
    let pgBackground = 0;
    for (const r of rows) {
      if (r.datname === this.database && r.kind === 'client backend') backends.set(r.pid, { app: r.app || 'other', s: procCpuSeconds(r.pid) });
      else if (r.kind !== 'client backend' && r.kind !== 'autovacuum worker') pgBackground += procCpuSeconds(r.pid);
    }
    const node: Record<string, number> = {};
    for (const [k, pid] of Object.entries(this.node)) node[k] = procCpuSeconds(pid);
    return { at: Date.now(), node, backends, pgBackground, redis: pidsOf('redis-server').reduce((s, p) => s + procCpuSeconds(p), 0) };
  }

  close(): Promise<void> {
    return this.db.end();
  }
}

/** Seconds of CPU per bucket between two samples, and the wall seconds. A backend that exited in between loses its last slice. */
export function spend(a: CpuSample, b: CpuSample): { wall: number; s: CpuSpend } {
  const s: CpuSpend = {};
  for (const k of Object.keys(b.node)) s[k] = Math.max(0, b.node[k] - (a.node[k] ?? 0));
  for (const [pid, x] of b.backends) {
    const k = `postgres:${x.app}`;
    s[k] = (s[k] ?? 0) + Math.max(0, x.s - (a.backends.get(pid)?.s ?? 0));
  }
  s['postgres:background'] = Math.max(0, b.pgBackground - a.pgBackground);
  s.redis = Math.max(0, b.redis - a.redis);
  return { wall: Math.max(0.001, (b.at - a.at) / 1000), s };
}

/** The server's share of a spend (the driver and the bench's own connections left out). */
export function serverSeconds(x: CpuSpend): number {
  return SERVER_BUCKETS.reduce((t, k) => t + (x[k] ?? 0), 0);
}

/** `x` minus what the server burns at rest over the same wall time (idle measured as seconds per second). */
export function minusIdle(x: { wall: number; s: CpuSpend }, idlePerS: CpuSpend): CpuSpend {
  const out: CpuSpend = {};
  for (const k of new Set([...Object.keys(x.s), ...Object.keys(idlePerS)])) out[k] = Math.max(0, (x.s[k] ?? 0) - (idlePerS[k] ?? 0) * x.wall);
  return out;
}

export function perSecond(x: { wall: number; s: CpuSpend }): CpuSpend {
  return Object.fromEntries(Object.entries(x.s).map(([k, v]) => [k, v / x.wall]));
}

/** Milliseconds per unit, rounded, server buckets only (plus the total). */
export function msPer(x: CpuSpend, units: number): Record<string, number> {
  const out: Record<string, number> = { total: round((serverSeconds(x) * 1000) / Math.max(1, units), 3) };
  for (const k of SERVER_BUCKETS) if (x[k]) out[k] = round((x[k] * 1000) / Math.max(1, units), 3);
  return out;
}

/** Average cores per bucket, and the machine's busy cores, for the `cores` figures of each phase. */
export function cores(x: { wall: number; s: CpuSpend }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(x.s)) out[k] = round(v / x.wall, 2);
  out.server = round(serverSeconds(x.s) / x.wall, 2);
  return out;
}
