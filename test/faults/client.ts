import { sleep } from './cluster';

/**
 * The clients' side of the faults: HTTP with a load balancer's manners. A request that finds
 * an instance dead (connection refused or reset) or busy (502/503/504) is sent again, with the
 * same body and headers (so the same Idempotency-Key), to the next instance, a bounded number of
 * times. Every answer is counted, so a test can say what clients saw during a fault.
 */

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
  /** Which instance answered. */
  url: string;
}

export interface Sample {
  at: number;
  ms: number;
  status: number | 'network' | 'timeout';
  method: string;
  route: string;
  /** The instance asked. */
  base: string;
  retryAfter: string | null;
  code?: string;
}

export class Stats {
  readonly samples: Sample[] = [];
  add(s: Sample): void {
    this.samples.push(s);
  }
  between(from: number, to: number): Sample[] {
    return this.samples.filter((s) => s.at >= from && s.at <= to);
  }
  count(pred: (s: Sample) => boolean, from = 0, to = Infinity): number {
    return this.samples.filter((s) => s.at >= from && s.at <= to && pred(s)).length;
  }
  summary(from = 0, to = Infinity): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of this.samples) if (s.at >= from && s.at <= to) out[String(s.status)] = (out[String(s.status)] ?? 0) + 1;
    return out;
  }
}

const RETRYABLE = new Set([502, 503, 504]);
/** A request that takes longer than this is a hang, which the suite reports as such. */
export const REQUEST_TIMEOUT_MS = 15_000;

export interface CallOpts {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Index of the instance to try first (a client's "sticky" instance). */
  prefer?: number;
  /** Give up retrying after this long (the last answer is returned, or the last error thrown). */
  retryForMs?: number;
  /** Don't retry at all: for probes that want the first answer. */
  once?: boolean;
}

/** The route pattern of a path, for grouping samples. */
function routeOf(path: string): string {
  return path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ':id').replace(/answers\/[A-Za-z0-9_-]+/, 'answers/:q');
}

export class Balancer {
  constructor(
    private readonly urls: () => string[],
    readonly stats: Stats,
  ) {}

  async once<T = any>(base: string, method: string, path: string, o: CallOpts = {}): Promise<Res<T>> {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    const t0 = Date.now();
    const sample: Sample = { at: t0, ms: 0, status: 'network', method, route: routeOf(path), base, retryAfter: null };
    try {
      const res = await fetch(`${base}/api/v1${path}`, { method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const text = await res.text();
      let parsed: unknown = text;
      if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
      sample.status = res.status;
      sample.retryAfter = res.headers.get('retry-after');
      sample.code = (parsed as { code?: string } | null)?.code;
      return { status: res.status, body: parsed as T, headers: res.headers, url: base };
    } catch (e) {
      sample.status = (e as Error).name === 'TimeoutError' ? 'timeout' : 'network';
      throw e;
    } finally {
      sample.ms = Date.now() - t0;
      this.stats.add(sample);
    }
  }

  /** Sends until an instance gives a final answer (anything but a network error or 502/503/504), bounded. */
  async call<T = any>(method: string, path: string, o: CallOpts = {}): Promise<Res<T>> {
    const end = Date.now() + (o.retryForMs ?? 90_000);
    let i = o.prefer ?? 0;
    let last: Res<T> | undefined;
    let lastErr: unknown;
    for (let tries = 0; tries < 400; tries++) {
      const urls = this.urls();
      const base = urls[i % urls.length];
      try {
        last = await this.once<T>(base, method, path, o);
        lastErr = undefined;
        if (!RETRYABLE.has(last.status)) return last;
      } catch (e) {
        lastErr = e;
      }
      if (o.once || Date.now() > end) break;
      i++;
      await sleep(Math.min(2000, 100 * 2 ** Math.min(tries, 5)) * (0.5 + Math.random() / 2));
    }
    if (last && lastErr === undefined) return last;
    throw lastErr instanceof Error ? lastErr : new Error(`no answer for ${method} ${path}`);
  }
}
