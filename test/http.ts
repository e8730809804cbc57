/** The JSON client and error assertion, with no api import: process-level tests use them too. */
export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small JSON client over real HTTP. */
export class Http {
  constructor(readonly base: string) {}

  async req<T = any>(
    method: string,
    path: string,
    opts: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string | Buffer | FormData } = {},
  ): Promise<Res<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | Buffer | FormData | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(opts.body);
    }
    const res = await fetch(this.base + (/^\/(api|metrics|docs)/.test(path) ? path : `/api/v1${path}`), { method, headers, body: body as never });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  get<T = any>(path: string, token?: string) {
    return this.req<T>('GET', path, { token });
  }
  post<T = any>(path: string, body?: unknown, token?: string, headers?: Record<string, string>) {
    return this.req<T>('POST', path, { body, token, headers });
  }
  put<T = any>(path: string, body?: unknown, token?: string) {
    return this.req<T>('PUT', path, { body, token });
  }
  patch<T = any>(path: string, body?: unknown, token?: string) {
    return this.req<T>('PATCH', path, { body, token });
  }
  delete<T = any>(path: string, token?: string) {
    return this.req<T>('DELETE', path, { token });
  }
}

/** Asserts the SPEC's error shape and returns the body. */
export function expectError(res: Res, status: number): { statusCode: number; error: string; message: string; details?: any; code?: string } {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  expect(res.body).toEqual(expect.objectContaining({ statusCode: status, error: expect.any(String), message: expect.any(String) }));
  return res.body;
}
