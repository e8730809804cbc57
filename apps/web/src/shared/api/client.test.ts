import { describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../storage';
import { ApiClient, buildUrl } from './client';
import { ApiError } from './errors';
import { SessionStore } from './session';
import type { User } from './types';

const user: User = {
  id: 'u1',
  fullName: 'A',
  role: 'resident',
  organisationId: null,
  email: null,
  phone: null,
  nationalId: null,
  province: null,
  commune: null,
  unit: null,
  dateOfBirth: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function setup() {
  const store = new SessionStore(new MemoryStorage());
  store.set({ accessToken: 'old', refreshToken: 'r1', user });
  const calls: { url: string; auth?: string; body?: string; cookieMode?: string }[] = [];
  let refreshes = 0;
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push({ url, auth: headers.Authorization, body: init.body as string | undefined, cookieMode: headers['X-Session-Cookie'] });
    if (url.endsWith('/auth/refresh')) {
      refreshes++;
      await new Promise((r) => setTimeout(r, 5));
      // The legacy stored token once, else the cookie (which the browser sends; here: an empty body).
      const given = JSON.parse(init.body as string).refreshToken as string | undefined;
      return given === 'r1' || (given === undefined && headers['X-Session-Cookie'] === '1')
        ? json(200, { accessToken: 'new', user })
        : json(401, { statusCode: 401, message: 'used', code: 'unauthorized' });
    }
    return headers.Authorization === 'Bearer new'
      ? json(200, { ok: true })
      : json(401, { statusCode: 401, message: 'Access token expired', code: 'unauthorized' });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { client: new ApiClient(store), store, calls, refreshes: () => refreshes };
}

describe('ApiClient', () => {
  it('refreshes an expired access token once and retries', async () => {
    const { client, store, refreshes } = setup();
    await expect(client.get('/me')).resolves.toEqual({ ok: true });
    expect(refreshes()).toBe(1);
    // The refresh token moved into the cookie: the page no longer keeps one.
    expect(store.get()).toEqual({ accessToken: 'new', user });
  });

  it('refreshes through the httpOnly cookie, keeping no refresh token in storage', async () => {
    const { client, store, calls } = setup();
    store.set({ accessToken: 'old', user });
    await expect(client.get('/me')).resolves.toEqual({ ok: true });
    const refresh = calls.find((c) => c.url.endsWith('/auth/refresh'))!;
    expect([JSON.parse(refresh.body!), refresh.cookieMode]).toEqual([{}, '1']);
    expect(JSON.stringify(store.get())).not.toContain('refreshToken');
  });

  it('shares one refresh between concurrent requests (a reused refresh token revokes the session)', async () => {
    const { client, refreshes } = setup();
    const results = await Promise.all([client.get('/a'), client.get('/b'), client.get('/c')]);
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(refreshes()).toBe(1);
  });

  it('signs out when the refresh token is refused', async () => {
    const { client, store } = setup();
    store.set({ accessToken: 'old', refreshToken: 'stolen', user });
    const err = await client.get('/me').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(401);
    expect(store.get()).toBeNull();
  });

  it('turns a network failure into status 0', async () => {
    const store = new SessionStore(new MemoryStorage());
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const err = (await new ApiClient(store).get('/contests').catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(0);
    expect(err.code).toBe('network');
  });

  it('sends the Idempotency-Key and JSON body as given', async () => {
    const { client, calls } = setup();
    await client.post('/attempts/a1/submit', { prediction: 12 }, { headers: { 'Idempotency-Key': 'k1' } });
    const last = calls[calls.length - 1];
    expect(last.url).toBe('/api/v1/attempts/a1/submit');
    expect(JSON.parse(last.body!)).toEqual({ prediction: 12 });
  });

  it('builds query strings without empty values', () => {
    expect(buildUrl('/rounds/r/leaderboard', { limit: 20, offset: 0, q: '', x: undefined })).toBe('/api/v1/rounds/r/leaderboard?limit=20&offset=0');
  });
});
