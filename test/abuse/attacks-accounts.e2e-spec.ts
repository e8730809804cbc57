import { io } from 'socket.io-client';
import { loadConfig } from '@lc/platform';
import { Http, startApi, TestApi } from '../harness';
import { newResident, ok, residentInput } from '../factories';
import { codeIn, TestSmtp } from '../smtp';
import { Catalogue } from './catalogue';

const cat = new Catalogue('accounts and browser hardening (issue 15)');

/**
 * Attacks on accounts themselves: guessing across phone spellings, locking a resident out,
 * enumeration and code guessing through the forgotten-password flow, impossible identities
 * and common passwords at sign-up, a token kept after sign-out, other origins, socket floods,
 * open metrics. Own api with low limits, X-Forwarded-For trusted to play many clients.
 */
describe('named attacks: accounts (issue 15)', () => {
  let api: TestApi;
  let http: Http;
  const smtp = new TestSmtp();
  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  beforeAll(async () => {
    await smtp.start();
    api = await startApi({
      AUTH_RATE_LIMIT_PER_MINUTE: '5',
      AUTH_IP_RATE_LIMIT_PER_MINUTE: '200',
      TRUST_PROXY: 'true',
      CORS_ORIGINS: 'https://thi.example.gov.vn',
      EMAIL_SENDER: 'smtp',
      SMTP_URL: smtp.url,
      LIVE_MAX_SOCKETS_PER_USER: '3',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}ac${Date.now().toString(36)}`,
    });
    http = new Http(api.url);
  });
  afterAll(async () => {
    await api.close();
    await smtp.close();
  });

  cat.attack('B01 guessing one phone as 09…, +84… and 84… to get three allowances', 'counted as one account: 429 login_delayed after 5', async () => {
    const r = await newResident(http);
    const local = r.input.phone;
    const spellings = [local, `+84${local.slice(1)}`, `84${local.slice(1)}`, `+84 ${local.slice(1, 4)} ${local.slice(4)}`];
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = cat.check(
        await http.req('POST', '/auth/login', { body: { login: spellings[i % spellings.length], password: `doan-${i}` }, headers: from('10.15.1.1') }),
      );
      statuses.push(res.status);
      if (res.status === 429) expect([res.body.code, Number(res.headers.get('retry-after')) > 0]).toEqual(['login_delayed', true]);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  cat.attack('B02 a stranger guessing from many clients to lock a resident out', 'strangers wait; the resident signs in from their usual client', async () => {
    const r = await newResident(http);
    await ok(http.req('POST', '/auth/login', { body: { login: r.input.phone, password: r.input.password }, headers: from('10.15.2.100') }));
    const strangers: number[] = [];
    for (let i = 0; i < 12; i++)
      strangers.push(
        cat.check(await http.req('POST', '/auth/login', { body: { login: r.input.phone, password: `doan-${i}` }, headers: from(`10.15.3.${i + 1}`) })).status,
      );
    expect(strangers.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(strangers.slice(6).every((s) => s === 429)).toBe(true);
    // Even a new client waits at most a minute: the account is slowed, never locked.
    const fresh = cat.check(
      await http.req('POST', '/auth/login', { body: { login: r.input.phone, password: r.input.password }, headers: from('10.15.4.1') }),
      429,
    );
    expect(Number(fresh.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await http.req('POST', '/auth/login', { body: { login: r.input.phone, password: r.input.password }, headers: from('10.15.2.100') })).status).toBe(
      200,
    );
  });

  cat.attack(
    'B03 sign-up with impossible CCCDs (no such province, century digit, birth year that disagrees)',
    '400 invalid_national_id on nationalId',
    async () => {
      for (const nationalId of ['003090123456', '999090123456', '001590123456', '001085123456']) {
        const res = cat.check(
          await http.req('POST', '/auth/register', { body: residentInput({ nationalId, dateOfBirth: '1990-05-17' }), headers: from('10.15.5.1') }),
          400,
        );
        expect([res.body.code, res.body.details[0].field]).toEqual(['invalid_national_id', 'nationalId']);
      }
    },
  );

  cat.attack('B04 sign-up with "12345678" and other common passwords', '400 weak_password on password', async () => {
    for (const password of ['12345678', 'Password1', 'iloveyou', 'matkhau123']) {
      const res = cat.check(await http.req('POST', '/auth/register', { body: residentInput({ password }), headers: from('10.15.6.1') }), 400);
      expect([res.body.code, res.body.details[0].field]).toEqual(['weak_password', 'password']);
    }
  });

  cat.attack('B05 finding accounts through the forgotten-password form', 'the same 202 and body for accounts that exist and not', async () => {
    const r = await newResident(http);
    const known = cat.check(await http.req('POST', '/auth/password-reset/request', { body: { login: r.input.phone }, headers: from('10.15.7.1') }), [202]);
    const unknown = cat.check(await http.req('POST', '/auth/password-reset/request', { body: { login: '0399999999' }, headers: from('10.15.7.1') }), [202]);
    const malformed = cat.check(
      await http.req('POST', '/auth/password-reset/request', { body: { login: 'không phải số' }, headers: from('10.15.7.1') }),
      [202],
    );
    expect(unknown.body).toEqual(known.body);
    expect(malformed.body).toEqual(known.body);
  });

  cat.attack('B06 guessing a reset code', 'spent after 5 wrong codes; the right one then refused', async () => {
    const email = `ma.${Date.now()}@test.local`;
    await newResident(http, { email });
    await http.req('POST', '/auth/password-reset/request', { body: { login: email }, headers: from('10.15.8.1') });
    const code = codeIn((await smtp.mailTo(email)).text);
    for (let i = 0; i < 5; i++) {
      const guess = String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
      cat.check(
        await http.req('POST', '/auth/password-reset/confirm', {
          body: { login: email, code: guess, newPassword: 'Mật khẩu mới 2026' },
          headers: from('10.15.8.1'),
        }),
        400,
      );
    }
    expect(cat.check(await http.post('/auth/password-reset/confirm', { login: email, code, newPassword: 'Mật khẩu mới 2026' }), 400).body.code).toBe(
      'invalid_reset_code',
    );
  });

  cat.attack('B07 an access token kept after its owner signs out', '401 at once, not after 15 minutes', async () => {
    const r = await newResident(http);
    await http.post('/auth/logout', { refreshToken: r.refreshToken });
    expect(cat.check(await http.get('/me', r.token), 401).body.message).toBe('Access token revoked');
  });

  cat.attack('B08 a page on another origin calling the api with credentials', 'no CORS grant; the configured origin only', async () => {
    const evil = await fetch(`${api.url}/api/v1/me`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    cat.count();
    // Without Access-Control-Allow-Origin the browser hands the page nothing, credentials or not.
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const good = await fetch(`${api.url}/api/v1/me`, {
      method: 'OPTIONS',
      headers: { origin: 'https://thi.example.gov.vn', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(good.headers.get('access-control-allow-origin')).toBe('https://thi.example.gov.vn');
    expect(good.headers.get('access-control-allow-credentials')).toBe('true');
    // CORS_ORIGINS=*: any origin may read public answers, never with credentials (it used to reflect the origin with them).
    const open = await startApi({ CORS_ORIGINS: '*', REDIS_PREFIX: `${process.env.REDIS_PREFIX}ac2${Date.now().toString(36)}` });
    try {
      const any = await fetch(`${open.url}/api/v1/contests`, { headers: { origin: 'https://evil.example' } });
      cat.count();
      expect(any.headers.get('access-control-allow-origin')).toBe('*');
      expect(any.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await open.close();
    }
  });

  cat.attack('B09 a cross-site request riding the refresh cookie', '401: the cookie counts only with X-Session-Cookie (which needs a CORS grant)', async () => {
    const r = await newResident(http);
    const login = await http.post('/auth/login', { login: r.input.phone, password: r.input.password }, undefined, { 'x-session-cookie': '1' });
    const jar = (login.headers.get('set-cookie') ?? '').split(';')[0];
    expect(jar).toMatch(/^lc_refresh=/);
    cat.check(await http.post('/auth/refresh', {}, undefined, { cookie: jar, origin: 'https://evil.example' }), 401);
  });

  cat.attack('B10 injected script or framing of the web app', 'Content-Security-Policy: own scripts only, no framing', async () => {
    const res = await fetch(`${api.url}/api/v1/health`);
    cat.count();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  cat.attack('B11 one account opening socket after socket', 'at most LIVE_MAX_SOCKETS_PER_USER stay open', async () => {
    const r = await newResident(http);
    const sockets = Array.from({ length: 6 }, () =>
      io(`${api.url}/live`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: r.token } }),
    );
    cat.count(sockets.length);
    try {
      await Promise.all(sockets.map((s) => new Promise<void>((res, rej) => (s.once('session', () => res()), s.once('connect_error', rej)))));
      const deadline = Date.now() + 10_000;
      while (sockets.filter((s) => s.connected).length > 3 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
      expect(sockets.filter((s) => s.connected)).toHaveLength(3);
    } finally {
      for (const s of sockets) s.disconnect();
    }
  });

  cat.attack('B12 production started with /metrics open to anyone', 'refused at start-up: METRICS_TOKEN required', async () => {
    cat.count();
    expect(() => loadConfig({ ...process.env, NODE_ENV: 'production', METRICS_TOKEN: '' })).toThrow(/METRICS_TOKEN is required when NODE_ENV=production/);
    await Promise.resolve();
  });
});
