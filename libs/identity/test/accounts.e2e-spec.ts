import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Socket } from 'socket.io-client';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { newResident, ok } from '../../../test/factories';
import { codeIn, TestSmtp } from '../../../test/smtp';
import { connect, connected, once } from '../../leaderboard/test/helpers';

/**
 * Issue 15: a resident owns their account. Password reset by e-mail through a real SMTP server
 * on loopback, password change, sign out everywhere, and every way a session ends killing its
 * access tokens and sockets at once (not 15 minutes later).
 */
describe('accounts: reset, change, sign out everywhere, revocation', () => {
  let api: TestApi;
  let http: Http;
  const smtp = new TestSmtp();
  const sockets: Socket[] = [];
  const live = async (token: string) => {
    const s = connect(api.url, { token });
    sockets.push(s);
    await connected(s);
    return s;
  };
  /** Resolves with the reason once the server closes the socket. */
  const closedByServer = (s: Socket) => once<string>(s, 'disconnect', 10_000);

  beforeAll(async () => {
    await smtp.start();
    api = await startApi({ EMAIL_SENDER: 'smtp', SMTP_URL: smtp.url, MAIL_FROM: 'Cuộc thi <no-reply@test.local>', LIVE_MAX_SOCKETS_PER_USER: '2' });
    http = new Http(api.url);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await api.close();
    await smtp.close();
  });

  describe('forgotten password by e-mail', () => {
    it('sends a code through SMTP; the code and a new password end every session and start one', async () => {
      const email = `quen.${Date.now()}@test.local`;
      const r = await newResident(http, { email });
      const asked = await http.post('/auth/password-reset/request', { login: email.toUpperCase() });
      expect(asked.status).toBe(202);
      const mail = await smtp.mailTo(email);
      expect(mail.subject).toBe('Mã đặt lại mật khẩu');
      expect(mail.text).toContain('Mã có hiệu lực trong 15 phút');
      const code = codeIn(mail.text);

      expect(expectError(await http.post('/auth/password-reset/confirm', { login: email, code, newPassword: '12345678' }), 400).code).toBe('weak_password');
      const done = await http.post('/auth/password-reset/confirm', { login: email, code, newPassword: 'Mùa thu Hà Nội 2026' });
      expect(done.status).toBe(200);
      expect(done.body.user.id).toBe(r.user.id);
      expect((await http.get('/me', done.body.accessToken)).status).toBe(200);
      // The old sessions are over, the old password too; the code is spent.
      expect(expectError(await http.get('/me', r.token), 401).message).toBe('Access token revoked');
      expectError(await http.post('/auth/refresh', { refreshToken: r.refreshToken }), 401);
      expectError(await http.post('/auth/login', { login: r.input.phone, password: r.input.password }), 401);
      expect((await http.post('/auth/login', { login: r.input.phone, password: 'Mùa thu Hà Nội 2026' })).status).toBe(200);
      expect(expectError(await http.post('/auth/password-reset/confirm', { login: email, code, newPassword: 'Mùa thu Hà Nội 2027' }), 400).code).toBe(
        'invalid_reset_code',
      );
    });

    it('answers an unknown login exactly as a known one, and sends nothing', async () => {
      const email = `biet.${Date.now()}@test.local`;
      await newResident(http, { email });
      const a = await http.post('/auth/password-reset/request', { login: email });
      const b = await http.post('/auth/password-reset/request', { login: `khong.ai.${Date.now()}@test.local` });
      expect([a.status, b.status]).toEqual([202, 202]);
      expect(b.body).toEqual(a.body);
      await smtp.mailTo(email);
      expect(smtp.mails.filter((m) => m.to.some((t) => t.startsWith('khong.ai.')))).toEqual([]);
    });

    it('spends the code after 5 wrong guesses', async () => {
      const email = `doan.${Date.now()}@test.local`;
      await newResident(http, { email });
      await http.post('/auth/password-reset/request', { login: email });
      const code = codeIn((await smtp.mailTo(email)).text);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++)
        expectError(await http.post('/auth/password-reset/confirm', { login: email, code: wrong, newPassword: 'Mùa thu Hà Nội 2026' }), 400);
      expect(expectError(await http.post('/auth/password-reset/confirm', { login: email, code, newPassword: 'Mùa thu Hà Nội 2026' }), 400).code).toBe(
        'invalid_reset_code',
      );
    });
  });

  describe('profile', () => {
    it('a resident corrects e-mail, province, commune and unit (audited); never name, CCCD or birth date', async () => {
      const r = await newResident(http);
      const email = `ho.so.${Date.now()}@test.local`;
      const res = await http.patch('/me', { email: email.toUpperCase(), province: 'Hà Nội', commune: 'Phường Ba Đình', unit: null }, r.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ email, province: 'Hà Nội', commune: 'Phường Ba Đình', unit: null, fullName: r.input.fullName }));
      const refused = expectError(await http.patch('/me', { fullName: 'Người Khác', nationalId: '001090000001', dateOfBirth: '1991-01-01' }, r.token), 400);
      expect(refused.details.map((d: { field: string }) => d.field).sort()).toEqual(['dateOfBirth', 'fullName', 'nationalId']);
      const other = await newResident(http);
      expect(expectError(await http.patch('/me', { email }, other.token), 409).code).toBe('email_taken');
      const audit = (await http.get('/me/data', r.token)).body.auditEntries.filter((a: { action: string }) => a.action === 'user.profile_update');
      expect(audit).toHaveLength(1);
    });
  });

  describe('password change', () => {
    it('needs the current password and an uncommon new one; ends the other sessions, keeps this one', async () => {
      const r = await newResident(http);
      const other = await ok(http.post('/auth/login', { login: r.input.phone, password: r.input.password }));
      const e1 = expectError(await http.post('/me/password', { currentPassword: 'khong-dung', newPassword: 'Mùa thu Hà Nội 2026' }, r.token), 400);
      expect([e1.code, e1.details[0].field]).toEqual(['wrong_password', 'currentPassword']);
      expect(expectError(await http.post('/me/password', { currentPassword: r.input.password, newPassword: 'password123' }, r.token), 400).code).toBe(
        'weak_password',
      );
      const changed = await http.post('/me/password', { currentPassword: r.input.password, newPassword: 'Mùa thu Hà Nội 2026' }, r.token);
      expect(changed.status).toBe(200);
      expect((await http.get('/me', changed.body.accessToken)).status).toBe(200);
      expectError(await http.get('/me', other.accessToken), 401);
      expectError(await http.post('/auth/refresh', { refreshToken: other.refreshToken }), 401);
      expect((await http.post('/auth/refresh', { refreshToken: changed.body.refreshToken })).status).toBe(200);
    });
  });

  describe('sessions end at once, sockets with them', () => {
    it('logout: that session’s access token is refused at once, another session goes on', async () => {
      const r = await newResident(http);
      const other = await ok(http.post('/auth/login', { login: r.input.phone, password: r.input.password }));
      const s = await live(r.token);
      const closed = closedByServer(s);
      expect((await http.post('/auth/logout', { refreshToken: r.refreshToken })).status).toBe(204);
      expect(expectError(await http.get('/me', r.token), 401).message).toBe('Access token revoked');
      expect(await closed).toBe('io server disconnect');
      expect((await http.get('/me', other.accessToken)).status).toBe(200);
    });

    it('a stolen refresh token replayed: the access tokens of that session die too', async () => {
      const r = await newResident(http);
      const rotated = await ok(http.post('/auth/refresh', { refreshToken: r.refreshToken }));
      expectError(await http.post('/auth/refresh', { refreshToken: r.refreshToken }), 401);
      expectError(await http.get('/me', rotated.accessToken), 401);
      expectError(await http.get('/me', r.token), 401);
    });

    it('sign out everywhere: every token and socket of the account ends', async () => {
      const r = await newResident(http);
      const other = await ok(http.post('/auth/login', { login: r.input.phone, password: r.input.password }));
      const s = await live(other.accessToken);
      const closed = closedByServer(s);
      expect((await http.post('/me/sign-out-everywhere', {}, r.token)).status).toBe(204);
      expectError(await http.get('/me', r.token), 401);
      expectError(await http.get('/me', other.accessToken), 401);
      expectError(await http.post('/auth/refresh', { refreshToken: other.refreshToken }), 401);
      expect(await closed).toBe('io server disconnect');
    });

    it('a deleted account’s sockets are closed', async () => {
      const r = await newResident(http);
      const s = await live(r.token);
      const closed = closedByServer(s);
      expect((await http.req('DELETE', '/me', { body: { password: r.input.password }, token: r.token })).status).toBe(204);
      expect(await closed).toBe('io server disconnect');
    });

    it('at most LIVE_MAX_SOCKETS_PER_USER sockets: a third closes the oldest', async () => {
      const r = await newResident(http);
      const first = await live(r.token);
      const closed = closedByServer(first);
      await live(r.token);
      const third = await live(r.token);
      expect(await closed).toBe('io server disconnect');
      expect(third.connected).toBe(true);
    });
  });

  describe('the refresh token in an httpOnly cookie', () => {
    it('asked for with X-Session-Cookie: 1 — HttpOnly, SameSite=Strict, scoped to /api/v1/auth, not in the body; refresh and logout read it', async () => {
      const r = await newResident(http);
      const login = await http.post('/auth/login', { login: r.input.phone, password: r.input.password }, undefined, { 'x-session-cookie': '1' });
      expect(login.status).toBe(200);
      expect(login.body.refreshToken).toBeUndefined();
      // With it, the first-screen cookie (only `/` reads it: libs/contests first-screen e2e).
      const [cookie, page] = login.headers.getSetCookie();
      expect(cookie).toMatch(/^lc_refresh=[\w.-]+; Path=\/api\/v1\/auth; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
      expect(page).toMatch(/^lc_page_session=[\w.-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
      const jar = cookie.split(';')[0];
      // The cookie alone (no header) is not enough: a cross-site form cannot use it.
      expectError(await http.post('/auth/refresh', {}, undefined, { cookie: jar }), 401);
      const refreshed = await http.post('/auth/refresh', {}, undefined, { cookie: jar, 'x-session-cookie': '1' });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refreshToken).toBeUndefined();
      const jar2 = refreshed.headers.getSetCookie()[0].split(';')[0];
      expect(refreshed.headers.getSetCookie()[1]).toMatch(/^lc_page_session=[\w.-]+; Path=\/;/);
      expect(jar2).not.toBe(jar);
      const out = await http.post('/auth/logout', {}, undefined, { cookie: jar2, 'x-session-cookie': '1' });
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie()).toEqual([
        expect.stringMatching(/^lc_refresh=; Path=\/api\/v1\/auth; Max-Age=0/),
        expect.stringMatching(/^lc_page_session=; Path=\/; Max-Age=0/),
      ]);
      expectError(await http.get('/me', refreshed.body.accessToken), 401);
    });
  });

  describe('two api instances', () => {
    it('sign-out on one: the other refuses the access token at once and closes its socket', async () => {
      const second = await startApi({ EMAIL_SENDER: 'smtp', SMTP_URL: smtp.url });
      try {
        const r = await newResident(http);
        const s = connect(second.url, { token: r.token });
        sockets.push(s);
        await connected(s);
        const closed = closedByServer(s);
        expect((await new Http(second.url).get('/me', r.token)).status).toBe(200);
        expect((await http.post('/auth/logout', { refreshToken: r.refreshToken })).status).toBe(204);
        expectError(await new Http(second.url).get('/me', r.token), 401);
        expect(await closed).toBe('io server disconnect');
      } finally {
        await second.close();
      }
    });
  });

  describe('forgotten password by SMS through the HTTP gateway adapter', () => {
    it('posts { to: +84…, text } with the bearer token to SMS_GATEWAY_URL; the code works', async () => {
      const received: { auth?: string; type?: string; body: { to: string; text: string } }[] = [];
      const gateway: Server = createServer((req: IncomingMessage, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          received.push({ auth: req.headers.authorization, type: req.headers['content-type'], body: JSON.parse(body) as { to: string; text: string } });
          res.writeHead(202).end('{"id":"sms-1"}');
        });
      });
      await new Promise<void>((ok) => gateway.listen(0, '127.0.0.1', ok));
      const smsApi = await startApi({
        SMS_SENDER: 'http',
        SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
        SMS_GATEWAY_TOKEN: 'gateway-token-1',
      });
      try {
        const h = new Http(smsApi.url);
        const r = await newResident(h);
        expect((await h.post('/auth/password-reset/request', { login: `+84 ${r.input.phone.slice(1)}` })).status).toBe(202);
        const deadline = Date.now() + 10_000;
        while (!received.length && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
        expect(received).toEqual([
          {
            auth: 'Bearer gateway-token-1',
            type: 'application/json',
            body: { to: `+84${r.input.phone.slice(1)}`, text: expect.stringContaining('Mã đặt lại mật khẩu của bạn là') },
          },
        ]);
        const done = await h.post('/auth/password-reset/confirm', {
          login: r.input.phone,
          code: codeIn(received[0].body.text),
          newPassword: 'Mùa thu Hà Nội 2026',
        });
        expect(done.status).toBe(200);
      } finally {
        await smsApi.close();
        await new Promise((ok) => gateway.close(ok));
      }
    });
  });
});
