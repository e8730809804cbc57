import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { residentInput } from '../../../test/factories';

describe('platform: health, metrics, docs, rate limits', () => {
  let api: TestApi;
  let http: Http;
  beforeAll(async () => {
    // Its own key prefix, so these low limits count only this suite's requests.
    api = await startApi({ AUTH_RATE_LIMIT_PER_MINUTE: '5', AUTH_IP_RATE_LIMIT_PER_MINUTE: '40', REDIS_PREFIX: `${process.env.REDIS_PREFIX}rl` });
    http = new Http(api.url);
  });
  afterAll(() => api.close());

  it('reports database, Redis and queue health', async () => {
    const r = await http.get('/health');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
    expect(r.body.checks).toEqual(
      expect.objectContaining({
        database: expect.objectContaining({ status: 'up' }),
        redis: expect.objectContaining({ status: 'up' }),
        queue: expect.objectContaining({ status: 'up' }),
      }),
    );
  });

  it('exposes Prometheus metrics with the HTTP latency histogram', async () => {
    await http.get('/health');
    const r = await http.get('/metrics');
    expect(r.status).toBe(200);
    expect(r.body).toContain('http_request_duration_seconds_bucket');
    expect(r.body).toContain('socket_connections');
  });

  it('asks for the metrics token when METRICS_TOKEN is set', async () => {
    const guarded = await startApi({ METRICS_TOKEN: 'scrape-me-0123456789' });
    try {
      const g = new Http(guarded.url);
      expect(expectError(await g.get('/metrics'), 401).message).toMatch(/metrics token/);
      expectError(await g.get('/metrics', 'scrape-me-wrong-token'), 401);
      const ok = await g.get('/metrics', 'scrape-me-0123456789');
      expect(ok.status).toBe(200);
      expect(ok.body).toContain('http_request_duration_seconds_bucket');
    } finally {
      await guarded.close();
    }
  });

  it('serves the OpenAPI document', async () => {
    const r = await http.req('GET', '/docs/openapi.json');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/me']));
    // The running api serves exactly what the web app's types were generated from (built without a server).
    expect(r.body).toEqual(JSON.parse(readFileSync(join(__dirname, '../../../apps/web/src/shared/api/openapi.json'), 'utf8')));
  });

  it('sends security headers', async () => {
    const r = await http.get('/health');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBeTruthy();
  });

  it('answers an unknown route with the error body', async () => {
    expectError(await http.get('/no-such-thing'), 404);
  });

  it('rate-limits brute force on one account with 429 and Retry-After', async () => {
    const login = '0911000111';
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const r = await http.post('/auth/login', { login, password: `guess-${i}` });
      statuses.push(r.status);
      if (r.status === 429) {
        retryAfter = r.headers.get('retry-after');
        expectError(r, 429);
      }
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('rate-limits registration floods per IP', async () => {
    let limited = 0;
    for (let i = 0; i < 45; i++) {
      const r = await http.post('/auth/register', { ...residentInput(), nationalId: 'bad' });
      if (r.status === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });
});

describe('the web app', () => {
  it('is served at / with the api beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="vi"><title>Cuộc thi</title></html>');
    writeFileSync(join(dir, 'assets', 'app-123.js'), 'console.log(1)');
    const api = await startApi({ WEB_DIST_DIR: dir });
    try {
      const http = new Http(api.url);
      const index = await fetch(`${api.url}/`);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('Cuộc thi');
      expect(index.headers.get('cache-control')).toBe('no-cache');
      const asset = await fetch(`${api.url}/assets/app-123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect((await http.get('/health')).status).toBe(200);
      expectError(await http.req('GET', '/api/v1/nope'), 404);
    } finally {
      await api.close();
    }
  });
});
