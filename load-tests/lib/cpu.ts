import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { round } from './stats';

const HZ = 100; // USER_HZ on Linux

function procCpuSeconds(pid: number): number {
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

function systemSeconds(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + (cpu[4] ?? 0);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / HZ, total: total / HZ };
}

export interface CpuSnapshot {
  at: number;
  procs: Record<string, number>;
  system: { busy: number; total: number };
}

/** CPU seconds used so far by our processes, PostgreSQL and Redis (all of their processes), and the machine. */
export function cpuSnapshot(ours: Record<string, number | undefined>): CpuSnapshot {
  const procs: Record<string, number> = {};
  for (const [name, pid] of Object.entries(ours)) if (pid) procs[name] = procCpuSeconds(pid);
  procs.postgres = pidsOf('postgres').reduce((s, p) => s + procCpuSeconds(p), 0);
  procs.redis = pidsOf('redis-server').reduce((s, p) => s + procCpuSeconds(p), 0);
  return { at: Date.now(), procs, system: systemSeconds() };
}

/**
 * Cores used on average between two snapshots, per process, and what the rest of the
 * machine (other users of this shared box) took. PostgreSQL counts every backend of the
 * server, other databases included.
 */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): Record<string, number> {
  const wall = Math.max(0.001, (b.at - a.at) / 1000);
  const out: Record<string, number> = {};
  let ours = 0;
  for (const k of Object.keys(b.procs)) {
    const used = Math.max(0, b.procs[k] - (a.procs[k] ?? 0));
    out[k] = round(used / wall, 2);
    ours += used;
  }
  const busy = b.system.busy - a.system.busy;
  out.machineBusy = round(busy / wall, 2);
  out.everythingElse = round(Math.max(0, busy - ours) / wall, 2);
  return out;
}
