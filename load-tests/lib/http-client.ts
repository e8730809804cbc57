import http from 'node:http';
import { Stats } from './stats';

export interface Reply<T = any> {
  status: number;
  body: T;
}

/**
 * A lean keep-alive JSON client (node:http, no fetch overhead: the driver shares the CPU
 * with what it measures). Every call is timed under an endpoint name.
 */
export class JsonClient {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(
    base: string,
    readonly stats: Stats,
    maxSockets = 128,
  ) {
    this.url = new URL(base);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' });
  }

  call<T = any>(endpoint: string, method: string, path: string, body?: unknown, token?: string, timeoutMs = 30_000): Promise<Reply<T>> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (token) headers.authorization = `Bearer ${token}`;
    const started = performance.now();
    return new Promise((resolve) => {
      const req = http.request(
        { host: this.url.hostname, port: this.url.port, method, path: `/api/v1${path}`, headers, agent: this.agent, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              /* keep text */
            }
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) this.stats.add(endpoint, ms);
            else this.stats.error(endpoint, String(status));
            resolve({ status, body: parsed as T });
          });
          res.on('error', () => {
            this.stats.error(endpoint, 'response_error');
            resolve({ status: 0, body: null as T });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (e: NodeJS.ErrnoException) => {
        this.stats.error(endpoint, e.code ?? e.message);
        resolve({ status: 0, body: null as T });
      });
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** For seeding: fail loudly on anything but success. */
export async function must<T = any>(p: Promise<Reply<T>>, what: string): Promise<T> {
  const r = await p;
  if (r.status < 200 || r.status >= 300) throw new Error(`${what} failed: ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  return r.body;
}
