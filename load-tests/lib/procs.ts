import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DIST, ROOT } from './env';

export interface Proc {
  name: string;
  child: ChildProcess;
  url?: string;
  rss: { peakMb: number; lastMb: number };
  /** Tail of stderr/stdout, for the report when something dies. */
  tail: string[];
}

function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

export function startProcess(name: string, script: string, env: Record<string, string>, port?: number, nodeArgs: readonly string[] = []): Proc {
  const child = spawn(process.execPath, [...nodeArgs, join(DIST, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env, ...(port ? { PORT: String(port), HOST: '127.0.0.1' } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const p: Proc = { name, child, url: port ? `http://127.0.0.1:${port}` : undefined, rss: { peakMb: 0, lastMb: 0 }, tail: [] };
  const keep = (d: Buffer) => {
    p.tail.push(...d.toString('utf8').split('\n').filter(Boolean));
    if (p.tail.length > 40) p.tail.splice(0, p.tail.length - 40);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return p;
}

/** Samples RSS of every process once a second (peak and last). */
export function sampleRss(procs: Proc[]): () => void {
  const t = setInterval(() => {
    for (const p of procs) {
      const mb = rssMb(p.child.pid);
      if (mb) {
        p.rss.lastMb = mb;
        p.rss.peakMb = Math.max(p.rss.peakMb, mb);
      }
    }
  }, 1000);
  t.unref();
  return () => clearInterval(t);
}

/** A port nobody listens on right now (other benches and dev servers share this machine). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Healthy means: our process said it listens, and /health answers. */
export async function waitHealthy(p: Proc, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  await waitOutput(p, /api listening on/, timeoutMs);
  while (Date.now() < until) {
    if (p.child.exitCode !== null) throw new Error(`${p.name} exited (${p.child.exitCode}):\n${p.tail.join('\n')}`);
    try {
      const r = await fetch(`${p.url}/api/v1/health`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${p.name} did not become healthy:\n${p.tail.join('\n')}`);
}

export async function waitOutput(p: Proc, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (p.tail.some((l) => pattern.test(l))) return;
    if (p.child.exitCode !== null) throw new Error(`${p.name} exited (${p.child.exitCode}):\n${p.tail.join('\n')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${p.name} did not print ${pattern}:\n${p.tail.join('\n')}`);
}

export async function stopProcess(p: Proc, timeoutMs = 10_000): Promise<void> {
  if (p.child.exitCode !== null) return;
  const exited = new Promise<void>((r) => p.child.once('exit', () => r()));
  p.child.kill('SIGTERM');
  const t = setTimeout(() => p.child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(t);
}
