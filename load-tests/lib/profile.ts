import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** V8's sampling profiler (--prof) on one api instance: a log written as it runs, so a killed process still has it. */
export function profileArgs(name: string): { args: string[]; log: string } {
  const log = join(mkdtempSync(join(tmpdir(), 'lc-prof-')), `${name}.v8.log`);
  return { args: ['--prof', `--logfile=${log}`, '--no-logfile-per-isolate'], log };
}

/** Components of a request's cost, matched on the function and script names of each sampled stack. */
const COMPONENTS: [string, RegExp][] = [
  ['@nestjs/core pipeline (guards, pipes, interceptors, router)', /@nestjs\/core|@nestjs\/platform-fastify/],
  ['fastify (incl. middie, routing)', /\/fastify\/|middie|find-my-way/],
  ['node http/net (parsing, socket writes)', /node:net|node:_http|node:http|node:internal\/streams|writev|__write/],
  ['async_hooks / AsyncLocalStorage promise hooks', /async_hooks|promiseInitHook|promiseBeforeHook|promiseAfterHook|AsyncLocalStorage/],
  ['pino / pino-http (per-request logger)', /\/pino|nestjs-pino|pino-http/],
  ['auth guard + token service', /auth\.guard|token\.service/],
  ['jsonwebtoken / jwa / jws', /jsonwebtoken|\/jwa\/|\/jws\//],
  ['class-validator / class-transformer', /class-validator|class-transformer/],
  ['ioredis', /ioredis/],
  ['helmet', /helmet/],
  ['throttler', /throttler/],
  ['typeorm / pg', /typeorm|\/pg\/|pg-protocol/],
  ['socket.io / engine.io / ws', /socket\.io|engine\.io|\/ws\//],
  ['attempts (libs/attempts)', /attempts\/src/],
  ['leaderboard (libs/leaderboard)', /leaderboard\/src/],
  ['prom-client', /prom-client/],
  ['module loading (start-up)', /wrapSafe|Module\._compile|compileForInternalLoader/],
];

interface Preprocessed {
  code: { name: string }[];
  ticks: { tm: number; vm: number; s: number[] }[];
}

/**
 * Where api1's CPU went: the inclusive share of busy samples per component (a sample counts
 * for every component on its stack, so shares overlap), plus the top self-time functions.
 */
export function summariseProfile(log: string): Promise<{ busySamples?: number; inclusivePct?: Record<string, number>; topSelf?: string[]; error?: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--prof-process', '--preprocess', log], { maxBuffer: 1024 * 1024 * 1024 }, (err, stdout) => {
      let d: Preprocessed;
      try {
        d = JSON.parse(stdout) as Preprocessed;
      } catch {
        return resolve({ error: `prof-process failed: ${err?.message ?? 'unreadable output'}` });
      }
      const counts = new Map<string, number>(COMPONENTS.map(([n]) => [n, 0]));
      const self = new Map<string, number>();
      let busy = 0;
      for (const t of d.ticks) {
        const names: string[] = [];
        for (let i = 0; i < t.s.length; i += 2) if (t.s[i] >= 0 && d.code[t.s[i]]) names.push(d.code[t.s[i]].name);
        if (names[0] && /epoll_pwait/.test(names[0])) continue; // idle in the event loop
        busy++;
        const leaf = names.find((n) => n.startsWith('JS:') || n.includes('.js')) ?? names[0] ?? '(unknown native)';
        self.set(leaf, (self.get(leaf) ?? 0) + 1);
        for (const [n, re] of COMPONENTS) if (names.some((x) => re.test(x))) counts.set(n, counts.get(n)! + 1);
      }
      const pct = (c: number) => Math.round((1000 * c) / Math.max(1, busy)) / 10;
      resolve({
        busySamples: busy,
        inclusivePct: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).map(([n, c]) => [n, pct(c)])),
        topSelf: [...self]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 15)
          .map(([n, c]) => `${pct(c)}% ${n.replace(/\/work\/[^ ]*node_modules\//, '').slice(0, 140)}`),
      });
    });
  });
}
