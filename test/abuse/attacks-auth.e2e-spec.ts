import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Http, startApi, TestApi } from '../harness';
import { loginAdmin, newOrganisation, newResident, newStaff, residentInput, Session } from '../factories';
import { Catalogue, craftJwt } from './catalogue';

const cat = new Catalogue('accounts and tokens');

describe('named attacks: accounts, tokens, mass assignment, brute force', () => {
  let api: TestApi;
  let http: Http;
  let db: DataSource;
  let admin: Session;
  let resident: Awaited<ReturnType<typeof newResident>>;
  let secret: string;
  const now = () => Math.floor(Date.now() / 1000);
  /** Claims exactly like a real access token of `u`, to vary one thing at a time. */
  const claimsOf = (u: { id: string; role: string; organisationId: string | null }, over: Record<string, unknown> = {}) => ({
    sub: u.id,
    role: u.role,
    org: u.organisationId,
    tv: 0,
    typ: 'access',
    iat: now(),
    exp: now() + 600,
    jti: randomUUID(),
    ...over,
  });

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    db = api.app.get(DataSource);
    secret = api.config.jwtSecret;
    admin = await loginAdmin(http);
    resident = await newResident(http);
  });
  afterAll(() => api.close());

  // ── Mass assignment ────────────────────────────────────────────────────────────────
  cat.attack('A01 sign-up with role: "admin"', '400, no admin made', async () => {
    const input = residentInput({ role: 'admin' });
    expect(cat.check(await http.post('/auth/register', input), 400).body.details).toEqual([expect.objectContaining({ field: 'role' })]);
    expect(await db.query(`SELECT 1 FROM "user" WHERE phone_masked IS NOT NULL AND role = 'admin'`)).toEqual([]);
  });

  cat.attack('A02 sign-up with organisationId / tokenVersion / passwordHash', '400 naming each field', async () => {
    const org = await newOrganisation(http, admin);
    const r = cat.check(await http.post('/auth/register', residentInput({ organisationId: org.id, tokenVersion: 99, passwordHash: 'x' })), 400);
    expect(r.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['organisationId', 'passwordHash', 'tokenVersion']);
  });

  cat.attack('A03 organiser creates a staff account, or makes themselves admin', '403', async () => {
    const org = await newOrganisation(http, admin);
    const o = await newStaff(http, admin, 'organiser', org.id);
    cat.check(
      await http.post(
        '/users',
        { fullName: 'Kẻ mạo danh', email: `x${randomUUID().slice(0, 6)}@t.local`, password: 'staff-password-1', role: 'admin' },
        o.token,
      ),
      403,
    );
    expect((await http.get('/me', o.token)).body.role).toBe('organiser');
  });

  cat.attack('A04 organiser creates a contest / bank in another organisation (organisationId)', '403/404, nothing created there', async () => {
    const [a, b] = [await newOrganisation(http, admin), await newOrganisation(http, admin)];
    const o = await newStaff(http, admin, 'organiser', a.id);
    cat.check(await http.post('/contests', { title: 'Cuộc thi lậu', organisationId: b.id }, o.token), [400, 403, 404]);
    cat.check(await http.post('/question-banks', { name: 'Ngân hàng lậu', organisationId: b.id }, o.token), [400, 403, 404]);
    expect(await db.query(`SELECT 1 FROM contest WHERE organisation_id = $1 UNION ALL SELECT 1 FROM question_bank WHERE organisation_id = $1`, [b.id])).toEqual(
      [],
    );
  });

  // ── Tokens ─────────────────────────────────────────────────────────────────────────
  cat.attack('A05 JWT with alg "none" and admin claims', '401', async () => {
    cat.check(await http.get('/users', craftJwt(claimsOf(admin.user), { alg: 'none' })), 401);
    cat.check(await http.get('/me', craftJwt(claimsOf(resident.user), { alg: 'none' })), 401);
  });

  cat.attack('A06 expired JWT (correct secret)', '401 "expired"', async () => {
    const r = cat.check(await http.get('/me', craftJwt(claimsOf(resident.user, { iat: now() - 7200, exp: now() - 3600 }), { secret })), 401);
    expect(r.body.message).toMatch(/expired/i);
  });

  cat.attack('A07 JWT signed with another secret', '401', async () => {
    cat.check(await http.get('/me', craftJwt(claimsOf(resident.user), { secret: `${secret}-not` })), 401);
  });

  cat.attack('A08 JWT with HS512 (algorithm not allowed) and the right secret', '401', async () => {
    cat.check(await http.get('/me', craftJwt(claimsOf(resident.user), { secret, alg: 'HS512' })), 401);
  });

  cat.attack("A09 real token with its payload swapped for an admin's (signature kept)", '401', async () => {
    const [h, , s] = resident.token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify(claimsOf(resident.user, { role: 'admin' }))).toString('base64url')}.${s}`;
    cat.check(await http.get('/users', forged), 401);
  });

  cat.attack('A10 refresh token used as an access token', '401', async () => {
    cat.check(await http.get('/me', resident.refreshToken), 401);
  });

  cat.attack('A11 well-signed token for a user that does not exist', '401', async () => {
    cat.check(await http.get('/me', craftJwt(claimsOf({ id: randomUUID(), role: 'admin', organisationId: null }), { secret })), 401);
  });

  cat.attack('A12 token of a deleted user (deleted by an admin, and self-deleted)', '401 at once', async () => {
    const org = await newOrganisation(http, admin);
    const judge = await newStaff(http, admin, 'judge', org.id);
    expect((await http.get('/me', judge.token)).status).toBe(200);
    expect((await http.delete(`/users/${judge.user.id}`, admin.token)).status).toBe(204);
    cat.check(await http.get('/me', judge.token), 401);
    cat.check(await http.post('/auth/refresh', { refreshToken: judge.refreshToken }), 401);
    const r = await newResident(http);
    expect((await http.req('DELETE', '/me', { token: r.token, body: { password: r.input.password } })).status).toBe(204);
    cat.check(await http.get('/me', r.token), 401);
    cat.check(await http.post('/auth/login', { login: r.input.phone, password: r.input.password }), 401);
  });

  cat.attack('A13 replayed refresh token (stolen and used after the owner)', '401, whole family revoked', async () => {
    const r = await newResident(http);
    const first = await http.post('/auth/refresh', { refreshToken: r.refreshToken });
    expect(first.status).toBe(200);
    cat.check(await http.post('/auth/refresh', { refreshToken: r.refreshToken }), 401);
    cat.check(await http.post('/auth/refresh', { refreshToken: first.body.refreshToken }), 401);
  });

  cat.attack('A14 Authorization header tricks (Basic, lower-case bearer, two tokens, 100 KB token)', '401', async () => {
    for (const authorization of [
      `Basic ${Buffer.from('admin:x').toString('base64')}`,
      `bearer`,
      `Bearer ${resident.token} ${admin.token}`,
      `Bearer ${'a'.repeat(100_000)}`,
    ]) {
      cat.check(await http.req('GET', '/users', { headers: { authorization } }), [401, 431]);
    }
  });

  // ── Injection into sign-in ─────────────────────────────────────────────────────────
  cat.attack('A15 NoSQL operators as login and password ({"$ne": null})', '400', async () => {
    cat.check(await http.post('/auth/login', { login: { $ne: null }, password: { $gt: '' } }), 400);
    cat.check(await http.post('/auth/login', { login: ['admin@test.local'], password: 'x' }), 400);
  });

  cat.attack("A16 SQL injection as login (' OR '1'='1, UNION SELECT)", '401, no session', async () => {
    for (const login of [
      "' OR '1'='1' --",
      `${process.env.ADMIN_EMAIL}' --`,
      'x@y.z\' UNION SELECT password_hash FROM "user" --',
      '0912345678; DROP TABLE "user"',
    ]) {
      cat.check(await http.post('/auth/login', { login, password: "' OR '1'='1" }), 401);
    }
    expect((await http.get('/me', admin.token)).status).toBe(200);
  });

  // ── Names ──────────────────────────────────────────────────────────────────────────
  cat.attack('A17 zero-width, bidi-override and control characters in a name', '400', async () => {
    for (const fullName of ['Nguyễn\u200bVăn An', 'Trần\u202eThị Bình', 'Lê\u0007 Văn', '\ufeffPhạm Minh', 'Hồ Chí\u2060Minh', 'Ng<script>uyễn']) {
      cat.check(await http.post('/auth/register', residentInput({ fullName })), 400);
    }
  });

  cat.attack('A18 homoglyph name mixing Cyrillic or Greek into Latin letters (impersonation)', '400', async () => {
    for (const fullName of ['Nguyễn Văn Аn' /* Cyrillic А */, 'Trần Thị Βình' /* Greek Β */, 'Lе Văn Tám' /* Cyrillic е */]) {
      cat.check(await http.post('/auth/register', residentInput({ fullName })), 400);
    }
  });

  cat.attack('A19 decomposed (NFD) Vietnamese name', '201, stored composed (NFC) so it matches itself', async () => {
    const r = await http.post('/auth/register', residentInput({ fullName: 'Nguyễn Thị Ánh'.normalize('NFD') }));
    cat.count();
    expect(r.status).toBe(201);
    expect(r.body.user.fullName).toBe('Nguyễn Thị Ánh'.normalize('NFC'));
  });

  // ── Brute force and floods ─────────────────────────────────────────────────────────
  describe('rate limits (own api, own key prefix, low limits; X-Forwarded-For trusted to play many IPs)', () => {
    let rl: TestApi;
    let h: Http;
    beforeAll(async () => {
      rl = await startApi({
        AUTH_RATE_LIMIT_PER_MINUTE: '5',
        AUTH_IP_RATE_LIMIT_PER_MINUTE: '20',
        TRUST_PROXY: 'true',
        REDIS_PREFIX: `${process.env.REDIS_PREFIX}ab${Date.now().toString(36)}`,
      });
      h = new Http(rl.url);
    });
    afterAll(() => rl.close());
    const from = (ip: string) => ({ 'x-forwarded-for': ip });

    cat.attack('A20 password guessing on one account from one IP', '401 ×5, then 429 with Retry-After', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await h.req('POST', '/auth/login', { body: { login: '0987000001', password: `doan-${i}` }, headers: from('10.1.0.1') });
        cat.check(r);
        statuses.push(r.status);
        if (r.status === 429) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    });

    cat.attack('A21 password guessing on one account from many IPs (botnet)', '429 after 5, whatever the IP', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await h.req('POST', '/auth/login', { body: { login: 'nan.nhan@test.local', password: `doan-${i}` }, headers: from(`10.2.0.${i + 1}`) });
        cat.check(r);
        statuses.push(r.status);
      }
      expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
    });

    cat.attack('A22 one IP spraying passwords over many accounts', '429 with Retry-After after 20 per minute', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) {
        const r = await h.req('POST', '/auth/login', { body: { login: `09870${String(10000 + i)}`, password: 'matkhau123' }, headers: from('10.3.0.1') });
        cat.check(r);
        statuses.push(r.status);
      }
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
    });

    cat.attack('A23 registration flood from one IP', '429 with Retry-After; other IPs still served', async () => {
      let limited = 0;
      let retryAfter = 0;
      for (let i = 0; i < 25; i++) {
        const r = await h.req('POST', '/auth/register', { body: { ...residentInput(), nationalId: 'x' }, headers: from('10.4.0.1') });
        cat.check(r);
        if (r.status === 429) {
          limited++;
          retryAfter = Number(r.headers.get('retry-after'));
        }
      }
      expect(limited).toBe(5);
      expect(retryAfter).toBeGreaterThan(0);
      expect((await h.req('POST', '/auth/register', { body: residentInput(), headers: from('10.4.0.2') })).status).toBe(201);
    });
  });
});
