import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newOrganisation, newResident, newStaff, residentInput, Session } from '../../../test/factories';

describe('accounts, organisations and roles (real PostgreSQL + Redis)', () => {
  let api: TestApi;
  let http: Http;
  let admin: Session;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    admin = await loginAdmin(http);
  });
  afterAll(() => api.close());

  describe('resident registration and sign-in', () => {
    it('registers, then signs in with phone (any common spelling) or e-mail', async () => {
      const email = `an.${Date.now()}@example.vn`;
      const input = residentInput({ email });
      const reg = await http.post('/auth/register', input);
      expect(reg.status).toBe(201);
      expect(reg.body).toEqual(expect.objectContaining({ accessToken: expect.any(String), refreshToken: expect.any(String) }));
      expect(reg.body.user).toEqual(expect.objectContaining({ role: 'resident', province: 'Quảng Ninh', fullName: 'Nguyễn Thị Bình' }));

      const spaced = `+84 ${input.phone.slice(1, 4)} ${input.phone.slice(4)}`;
      for (const login of [input.phone, spaced, email.toUpperCase()]) {
        const r = await http.post('/auth/login', { login, password: input.password });
        expect(r.status).toBe(200);
        expect(r.body.user.id).toBe(reg.body.user.id);
      }
    });

    it('never returns the national ID or phone in full', async () => {
      const r = await newResident(http);
      const me = await http.get('/me', r.token);
      expect(me.status).toBe(200);
      const text = JSON.stringify(me.body);
      expect(text).not.toContain(r.input.nationalId);
      expect(text).not.toContain(r.input.phone);
      expect(me.body.nationalId).toBe(`${r.input.nationalId.slice(0, 3)}******${r.input.nationalId.slice(-3)}`);
      expect(me.body.phone).toMatch(/^\d{3}\*+\d{3}$/);
      expect(text).not.toMatch(/password/i);
    });

    it('lets a national ID back only one account', async () => {
      const a = residentInput();
      expect((await http.post('/auth/register', a)).status).toBe(201);
      const again = await http.post('/auth/register', { ...residentInput(), nationalId: a.nationalId });
      expect(expectError(again, 409).code).toBe('national_id_taken');
      const samePhone = await http.post('/auth/register', { ...residentInput(), phone: a.phone });
      expect(expectError(samePhone, 409).code).toBe('phone_taken');
    });

    it('rejects a wrong password and an unknown login alike', async () => {
      const r = await newResident(http);
      const wrong = await http.post('/auth/login', { login: r.input.phone, password: 'wrong-password' });
      const unknown = await http.post('/auth/login', { login: '0999999999', password: 'wrong-password' });
      expect(expectError(wrong, 401).message).toBe(expectError(unknown, 401).message);
    });

    it('rotates refresh tokens and revokes the family when one is reused', async () => {
      const r = await newResident(http);
      const first = await http.post('/auth/refresh', { refreshToken: r.refreshToken });
      expect(first.status).toBe(200);
      const me = await http.get('/me', first.body.accessToken);
      expect(me.body.id).toBe(r.user.id);
      const replay = await http.post('/auth/refresh', { refreshToken: r.refreshToken });
      expectError(replay, 401);
      // The thief's replay burnt the family: the legitimate newer token is dead too.
      expectError(await http.post('/auth/refresh', { refreshToken: first.body.refreshToken }), 401);
    });

    it('requires a guardian for residents under 16', async () => {
      const young = residentInput({ dateOfBirth: `${new Date().getUTCFullYear() - 12}-01-01` });
      expect(expectError(await http.post('/auth/register', young), 400).code).toBe('guardian_consent_required');
      const withGuardian = await http.post('/auth/register', { ...young, guardianName: 'Trần Văn Cha', guardianConsent: true });
      expect(withGuardian.status).toBe(201);
    });
  });

  describe('validation', () => {
    it('lists every bad field', async () => {
      const bad = await http.post('/auth/register', { ...residentInput(), nationalId: '12345', province: 'Hà Tây', consent: false, dateOfBirth: '17/05/1990' });
      const body = expectError(bad, 400);
      const fields = (body.details as { field: string }[]).map((d) => d.field).sort();
      expect(fields).toEqual(['consent', 'dateOfBirth', 'nationalId', 'province']);
    });

    it('rejects a phone that is not a Vietnamese mobile number', async () => {
      expect(expectError(await http.post('/auth/register', residentInput({ phone: '0241234567' })), 400).code).toBe('invalid_phone');
    });

    it('rejects unknown fields (no mass assignment of role)', async () => {
      const res = await http.post('/auth/register', { ...residentInput(), role: 'admin' });
      const body = expectError(res, 400);
      expect(JSON.stringify(body.details)).toContain('role');
    });

    it('answers malformed JSON with 400, prototype keys with 400, and oversized bodies with 413', async () => {
      expectError(await http.req('POST', '/auth/login', { raw: '{"login": "x", ', headers: { 'content-type': 'application/json' } }), 400);
      expectError(
        await http.req('POST', '/auth/login', { raw: '{"login":"a","password":"b","__proto__":{"x":1}}', headers: { 'content-type': 'application/json' } }),
        400,
      );
      const big = JSON.stringify({ login: 'x', password: 'y'.repeat(2 * 1024 * 1024) });
      expectError(await http.req('POST', '/auth/login', { raw: big, headers: { 'content-type': 'application/json' } }), 413);
    });

    it('carries a request id in every error', async () => {
      const res = await http.req('GET', '/me', { headers: { 'x-request-id': 'trace-abc-123' } });
      const body = expectError(res, 401) as { requestId?: string };
      expect(body.requestId).toBe('trace-abc-123');
      expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    });
  });

  describe('roles and organisations', () => {
    it('lets only admins create organisations and staff', async () => {
      const resident = await newResident(http);
      expectError(await http.post('/organisations', { name: 'X', level: 'province' }, resident.token), 403);
      expectError(await http.post('/organisations', { name: 'X', level: 'province' }), 401);
      const org = await newOrganisation(http, admin);
      const organiser = await newStaff(http, admin, 'organiser', org.id);
      expect(organiser.user).toEqual(expect.objectContaining({ role: 'organiser', organisationId: org.id }));
      expectError(await http.post('/organisations', { name: 'X', level: 'province' }, organiser.token), 403);
      expectError(await http.post('/users', { fullName: 'Y Y', email: 'y@y.vn', password: 'longpassword', role: 'admin' }, organiser.token), 403);
    });

    it('requires an organisation for organisers and judges', async () => {
      const res = await http.post('/users', { fullName: 'Lê Văn C', email: `c${Date.now()}@t.vn`, password: 'longpassword', role: 'judge' }, admin.token);
      expect(expectError(res, 400).code).toBe('organisation_required');
    });

    it('keeps organisations apart: staff of A cannot see B', async () => {
      const a = await newOrganisation(http, admin);
      const b = await newOrganisation(http, admin);
      const orgA = await newStaff(http, admin, 'organiser', a.id);
      const judgeA = await newStaff(http, admin, 'judge', a.id);
      expect((await http.get(`/organisations/${a.id}`, orgA.token)).status).toBe(200);
      expect((await http.get(`/organisations/${a.id}`, judgeA.token)).status).toBe(200);
      expectError(await http.get(`/organisations/${b.id}`, orgA.token), 404);
      expectError(await http.get(`/organisations/${b.id}`, judgeA.token), 404);
      const list = await http.get('/organisations', orgA.token);
      expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([a.id]);
      expect((await http.get(`/organisations/${b.id}`, admin.token)).status).toBe(200);
    });

    it('stops accepting the tokens of a deleted user at once', async () => {
      const org = await newOrganisation(http, admin);
      const judge = await newStaff(http, admin, 'judge', org.id);
      expect((await http.get('/me', judge.token)).status).toBe(200);
      expect((await http.delete(`/users/${judge.user.id}`, admin.token)).status).toBe(204);
      expectError(await http.get('/me', judge.token), 401);
      expectError(await http.post('/auth/refresh', { refreshToken: judge.refreshToken }), 401);
    });

    it('refuses tokens that are forged, unsigned or for another secret', async () => {
      const r = await newResident(http);
      const [h, p] = r.token.split('.');
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
      const elevated = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: 'admin' })).toString('base64url');
      for (const t of [none, `${h}.${elevated}.${r.token.split('.')[2]}`, 'garbage']) {
        expectError(await http.get('/me', t), 401);
      }
    });
  });
});
