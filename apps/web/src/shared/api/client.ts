import { takeEarly } from './early';
import { ApiError, apiErrorFromBody, networkError } from './errors';
import { sessions, type Session, type SessionStore } from './session';
import type { SessionResponse } from './account-types';

export const API_BASE = '/api/v1';
const TIMEOUT_MS = 20_000;

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** FormData bodies go as multipart; anything else as JSON. */
  form?: FormData;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  /** Default true: send the bearer token when signed in. */
  auth?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Lets the request outlive the page (integrity events sent as the tab hides). */
  keepalive?: boolean;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return `${API_BASE}${path}${s ? `?${s}` : ''}`;
}

function timeoutSignal(ms: number, outer?: AbortSignal): { signal: AbortSignal; done: () => void } {
  const ctl = new AbortController();
  const t = setTimeout(() => ctl.abort(new DOMException('timeout', 'TimeoutError')), ms);
  const onAbort = () => ctl.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: ctl.signal,
    done: () => {
      clearTimeout(t);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * fetch with JSON, the bearer token, timeouts, and one transparent refresh of an expired
 * access token. The refresh token is an httpOnly cookie (asked for with X-Session-Cookie on
 * every call), so it rotates out of reach of page scripts. A reused one revokes the whole
 * session, so only one tab may refresh at a time: the Web Locks API serialises tabs where it
 * exists, and a tab that finds the stored access token already replaced by another tab uses it.
 */
export class ApiClient {
  private refreshing: Promise<Session | null> | null = null;

  constructor(private readonly store: SessionStore = sessions) {}

  async request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await this.raw(path, opts);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      return text as unknown as T;
    }
  }

  /** The Response itself (for downloads); throws ApiError for non-2xx. */
  async raw(path: string, opts: RequestOptions = {}): Promise<Response> {
    const useAuth = opts.auth !== false;
    const before = useAuth ? this.store.get() : null;
    let res = await this.send(path, opts, before?.accessToken);
    if (res.status === 401 && before) {
      const fresh = await this.refresh(before);
      if (fresh) res = await this.send(path, opts, fresh.accessToken);
    }
    if (!res.ok) {
      let body: unknown = null;
      try {
        body = await res.json();
      } catch {
        /* not JSON */
      }
      throw apiErrorFromBody(res.status, body, res.headers.get('Retry-After'));
    }
    return res;
  }

  get<T>(path: string, query?: RequestOptions['query'], opts: RequestOptions = {}): Promise<T> {
    return this.request<T>(path, { ...opts, query });
  }

  post<T>(path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>(path, { ...opts, method: 'POST', body: body ?? {} });
  }

  put<T>(path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>(path, { ...opts, method: 'PUT', body: body ?? {} });
  }

  patch<T>(path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>(path, { ...opts, method: 'PATCH', body: body ?? {} });
  }

  delete<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>(path, { ...opts, method: 'DELETE' });
  }

  /** Stores a fresh session from sign-in, sign-up, a password change or reset (the refresh token is in the cookie). */
  acceptSession(r: SessionResponse): Session {
    const s: Session = { accessToken: r.accessToken, user: r.user };
    this.store.set(s);
    return s;
  }

  /** Forgets the session here (e.g. after "sign out everywhere" or deleting the account). */
  forget(): void {
    this.store.set(null);
  }

  async logout(): Promise<void> {
    const s = this.store.get();
    this.store.set(null);
    try {
      // The server ends the session the cookie names, and its access tokens with it.
      await this.send('/auth/logout', { method: 'POST', body: s?.refreshToken ? { refreshToken: s.refreshToken } : {} }, undefined);
    } catch {
      /* already signed out locally */
    }
  }

  private async send(path: string, opts: RequestOptions, token: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', 'X-Session-Cookie': '1', ...opts.headers };
    let body: BodyInit | undefined;
    if (opts.form) body = opts.form;
    else if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    if (token) headers.Authorization = `Bearer ${token}`;
    const url = buildUrl(path, opts.query);
    const early = (opts.method ?? 'GET') === 'GET' && !opts.headers ? takeEarly(url, token) : null;
    if (early) {
      try {
        return await early.response;
      } catch {
        /* asked again below */
      }
    }
    const t = timeoutSignal(opts.timeoutMs ?? TIMEOUT_MS, opts.signal);
    try {
      return await fetch(url, { method: opts.method ?? 'GET', headers, body, signal: t.signal, credentials: 'same-origin', keepalive: opts.keepalive });
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      throw networkError(e);
    } finally {
      t.done();
    }
  }

  private refresh(stale: Session): Promise<Session | null> {
    if (!this.refreshing) {
      this.refreshing = this.withLock(() => this.doRefresh(stale)).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(stale: Session): Promise<Session | null> {
    const current = this.store.get();
    if (!current) return null;
    // Another tab refreshed while we waited for the lock.
    if (current.accessToken !== stale.accessToken) return current;
    try {
      // A session stored before the cookie sends its refresh token once; the answer moves it into the cookie.
      const res = await this.send('/auth/refresh', { method: 'POST', body: current.refreshToken ? { refreshToken: current.refreshToken } : {} }, undefined);
      if (res.ok) {
        const r = (await res.json()) as SessionResponse;
        return this.acceptSession(r);
      }
      if (res.status === 401) this.store.set(null);
      return null;
    } catch (e) {
      // Offline: keep the session; the caller sees its original 401 and may retry later.
      if (e instanceof ApiError && e.isNetwork) return null;
      throw e;
    }
  }

  private withLock<T>(fn: () => Promise<T>): Promise<T> {
    const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
    if (locks?.request) return locks.request('lc.auth.refresh', fn) as Promise<T>;
    return fn();
  }
}

export const api = new ApiClient();

/** Path segment escaping for ids and slugs. */
export const seg = (s: string) => encodeURIComponent(s);
