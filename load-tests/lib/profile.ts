import { writeFileSync } from 'node:fs';
import { Session as InspectorSession } from 'node:inspector';
import WebSocket from 'ws';

/**
 * V8's sampling profiler on one api instance, over the inspector protocol, so a profile
 * covers exactly one measured phase (the surge, the autosave run), not start-up and seeding.
 */
export function inspectArgs(port: number): string[] {
  return [`--inspect=127.0.0.1:${port}`];
}

/** Components of a request's cost, matched on the function and script names of each sampled stack. */
const COMPONENTS: [string, RegExp][] = [
  ['@nestjs/core pipeline (guards, pipes, interceptors, router)', /@nestjs\/core|@nestjs\/platform-fastify/],
  ['fastify (incl. hooks, routing, body parsing)', /\/fastify\/|\/@fastify\/|middie|find-my-way/],
  ['node http/net (parsing, socket writes)', /node:net|node:_http|node:http|node:internal\/streams|writev|__write/],
  // The hooks themselves, not runInAsyncScope (Fastify runs every request inside one).
  [
    'async_hooks / AsyncLocalStorage promise hooks',
    /promiseInitHook|promiseBeforeHook|promiseAfterHook|promiseResolveHook|emit(Init|Before|After|Destroy)Script|AsyncLocalStorage/,
  ],
  ['pino (logging)', /\/pino|nestjs-pino|pino-http|logging\//],
  ['auth (guard, token service)', /auth\.guard|token\.service|bearer/],
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
  ['garbage collection', /\(garbage collector\)/],
];

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
}

export interface ProfileSummary {
  busySamples?: number;
  /** Busy samples over all samples: how much of one core the instance used in the window. */
  busyShare?: number;
  inclusivePct?: Record<string, number>;
  topSelf?: string[];
  savedTo?: string;
  error?: string;
}

/** Profiles `inspectPort`'s process while `work` runs; never fails the bench (the summary says what went wrong). */
export async function profileWhile<T>(inspectPort: number, work: () => Promise<T>, saveAs?: string): Promise<{ result: T; profile: ProfileSummary }> {
  let session: Session | null = null;
  try {
    session = await Session.open(inspectPort);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 500 });
    await session.send('Profiler.start');
  } catch (e) {
    session?.close();
    return { result: await work(), profile: { error: `profiler unavailable: ${(e as Error).message}` } };
  }
  const result = await work();
  try {
    const { profile } = (await session.send('Profiler.stop')) as { profile: CpuProfile };
    // Opens in Chrome DevTools (Performance → Load profile) for the whole call tree.
    if (saveAs) writeFileSync(saveAs, JSON.stringify(profile));
    return { result, profile: { ...summarise(profile), ...(saveAs ? { savedTo: saveAs } : {}) } };
  } catch (e) {
    return { result, profile: { error: `profiler failed: ${(e as Error).message}` } };
  } finally {
    session.close();
  }
}

/** The same for this process (the load driver: it shares the machine with what it measures). */
export async function profileSelfWhile<T>(work: () => Promise<T>, saveAs?: string): Promise<{ result: T; profile: ProfileSummary }> {
  const session = new InspectorSession();
  session.connect();
  const post = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  try {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
    const result = await work();
    const { profile } = (await post('Profiler.stop')) as { profile: CpuProfile };
    if (saveAs) writeFileSync(saveAs, JSON.stringify(profile));
    return { result, profile: { ...summarise(profile), ...(saveAs ? { savedTo: saveAs } : {}) } };
  } finally {
    session.disconnect();
  }
}

/** Inclusive share of busy samples per component (shares overlap) and the top self-time functions. */
export function summarise(p: CpuProfile): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/[^/]+\//, '')}:${f.lineNumber + 1}`;
  };
  const counts = new Map<string, number>(COMPONENTS.map(([n]) => [n, 0]));
  const self = new Map<string, number>();
  let busy = 0;
  for (const leafId of p.samples) {
    const leaf = byId.get(leafId)!.callFrame.functionName;
    if (leaf === '(idle)') continue;
    busy++;
    const stack: string[] = [];
    for (let id: number | undefined = leafId; id !== undefined; id = parent.get(id)) stack.push(label(id));
    self.set(stack[0], (self.get(stack[0]) ?? 0) + 1);
    for (const [n, re] of COMPONENTS) if (stack.some((x) => re.test(x))) counts.set(n, counts.get(n)! + 1);
  }
  const pct = (c: number) => Math.round((1000 * c) / Math.max(1, busy)) / 10;
  return {
    busySamples: busy,
    busyShare: Math.round((100 * busy) / Math.max(1, p.samples.length)) / 100,
    inclusivePct: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).map(([n, c]) => [n, pct(c)])),
    topSelf: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([n, c]) => `${pct(c)}% ${n.slice(0, 140)}`),
  };
}

/** A minimal Chrome DevTools Protocol session over the inspector's WebSocket. */
class Session {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      const p = msg.id !== undefined ? this.pending.get(msg.id) : undefined;
      if (!p) return;
      this.pending.delete(msg.id!);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    });
  }

  static async open(port: number): Promise<Session> {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
    const ws = new WebSocket(targets[0].webSocketDebuggerUrl, { maxPayload: 1024 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new Session(ws);
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  close(): void {
    this.ws.close();
  }
}
