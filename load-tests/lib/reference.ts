import { spawn } from 'node:child_process';
import autocannon, { Result } from 'autocannon';
import { procCpuSeconds } from './server-cpu';
import { round } from './stats';

/** The bare Node http server the issue compares autosave throughput with: parse a JSON body, answer JSON. */
const BARE_SERVER = `
const http = require('node:http');
let seq = 0;
http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let body;
    try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { res.writeHead(400); return res.end(); }
    const out = JSON.stringify({ saved: true, questionId: req.url.split('/').pop(), seq: ++seq, optionIds: body.optionIds });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(out) });
    res.end(out);
  });
}).listen(Number(process.argv[1]), '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

export interface Throughput {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The server's CPU per request (ms), where measured. */
  cpuMsPerRequest?: number;
}

export function summarise(r: Result): Throughput {
  return { rps: round(r.requests.average, 0), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

export async function bareNodeReference(port: number, body: string, seconds: number, connections: number): Promise<Throughput> {
  const child = spawn(process.execPath, ['-e', BARE_SERVER, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once('data', () => resolve());
      child.once('exit', (c) => reject(new Error(`bare server exited ${c}`)));
    });
    const r = await autocannon({
      url: `http://127.0.0.1:${port}`,
      method: 'PUT',
      connections,
      duration: seconds,
      requests: [
        {
          method: 'PUT',
          path: '/api/v1/attempts/00000000-0000-4000-8000-000000000000/answers/q1',
          headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
          body,
        },
      ],
    });
    // Read before the kill: the bare server's whole life is start-up (tiny) plus this run.
    return { ...summarise(r), cpuMsPerRequest: round((procCpuSeconds(child.pid) * 1000) / Math.max(1, r.requests.total), 4) };
  } finally {
    child.kill('SIGTERM');
  }
}

/** The same request shape against one api instance, rotating over many real in-progress attempts. */
export async function apiAutosaveThroughput(
  url: string,
  targets: { token: string; attemptId: string; questions: { id: string; optionIds: string[] }[] }[],
  seconds: number,
  connections: number,
): Promise<Throughput> {
  let n = 0;
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'PUT',
        setupRequest: (req) => {
          const t = targets[n++ % targets.length];
          const q = t.questions[Math.floor(n / targets.length) % t.questions.length];
          return {
            ...req,
            method: 'PUT',
            path: `/api/v1/attempts/${t.attemptId}/answers/${q.id}`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
            body: JSON.stringify({ optionIds: [q.optionIds[n % q.optionIds.length]] }),
          };
        },
      },
    ],
  });
  return summarise(r);
}

/** GET latency, rotating tokens (e.g. /leaderboard/me); at a fixed request rate when `rate` is given, else flat out. */
export async function getLatency(
  url: string,
  paths: { path: string; token: string }[],
  seconds: number,
  connections: number,
  rate?: number,
): Promise<Throughput> {
  let n = 0;
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const p = paths[n++ % paths.length];
          return { ...req, method: 'GET', path: p.path, headers: { authorization: `Bearer ${p.token}` } };
        },
      },
    ],
  });
  return summarise(r);
}
