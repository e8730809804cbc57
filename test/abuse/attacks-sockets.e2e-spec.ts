import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { Http, startApi, TestApi } from '../harness';
import { newResident } from '../factories';
import { buildWorld, roundOfA, World } from '../authz/fixtures';
import { connect, connected, once } from '../../libs/leaderboard/test/helpers';
import { Catalogue, craftJwt } from './catalogue';

const cat = new Catalogue('sockets');

describe('named attacks: Socket.IO /live', () => {
  let api: TestApi;
  let http: Http;
  let w: World;
  const open: Socket[] = [];
  const track = (s: Socket) => (open.push(s), s);

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    w = await buildWorld(http);
  }, 120_000);
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await api.close();
  });

  /** The handshake error carries the HTTP error body. */
  async function refused(opts: { token?: string; header?: string }): Promise<{ statusCode: number; error: string; message: string }> {
    const s = track(connect(api.url, opts));
    const err = await once<Error & { data?: { statusCode: number; error: string; message: string } }>(s, 'connect_error');
    cat.count();
    expect(s.connected).toBe(false);
    return err.data!;
  }

  cat.attack('E01 handshake without a token', 'connect_error 401 with the error body', async () => {
    expect(await refused({})).toEqual(expect.objectContaining({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) }));
  });

  cat.attack('E02 handshake with forged tokens (alg none, wrong secret, tampered, expired, refresh token)', 'connect_error 401 each', async () => {
    const claims = { sub: w.resident.user.id, role: 'admin', org: null, tv: 0, typ: 'access', exp: Math.floor(Date.now() / 1000) + 600 };
    const [h, , sig] = w.resident.token.split('.');
    for (const token of [
      craftJwt(claims, { alg: 'none' }),
      craftJwt(claims, { secret: 'guessed-secret-guessed-secret-guessed' }),
      `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`,
      craftJwt({ ...claims, role: 'resident', exp: Math.floor(Date.now() / 1000) - 60 }, { secret: api.config.jwtSecret }),
      w.resident.refreshToken,
    ]) {
      expect((await refused({ token })).statusCode).toBe(401);
    }
    expect((await refused({ header: `Basic ${Buffer.from('a:b').toString('base64')}` })).statusCode).toBe(401);
  });

  cat.attack(
    "E03 joining another organisation's round as its organiser's rival, and a draft contest's round as a resident",
    'ack error 404, no room joined',
    async () => {
      const rival = track(connect(api.url, { token: w.organiserB.token }));
      await connected(rival);
      const r1 = await rival.timeout(3000).emitWithAck('leaderboard:join', { roundId: w.roundId });
      cat.count();
      expect(r1).toEqual({ ok: false, error: expect.objectContaining({ statusCode: 404 }) });
      const hidden = await roundOfA(w);
      const resident = track(connect(api.url, { token: w.resident.token }));
      await connected(resident);
      const r2 = await resident.timeout(3000).emitWithAck('leaderboard:join', { roundId: hidden });
      cat.count();
      expect(r2).toEqual({ ok: false, error: expect.objectContaining({ statusCode: 404 }) });
    },
  );

  cat.attack('E04 join with a roundId that is SQL, an object, 10 KB, or missing', 'ack error 400 each', async () => {
    const s = track(connect(api.url, { token: w.resident.token }));
    await connected(s);
    for (const body of [{ roundId: "' OR 1=1--" }, { roundId: { $ne: null } }, { roundId: 'x'.repeat(10_000) }, {}, null, 'roundId', [w.roundId]]) {
      const r = await s.timeout(3000).emitWithAck('leaderboard:join', body);
      cat.count();
      expect(r).toEqual({ ok: false, error: expect.objectContaining({ statusCode: 400 }) });
    }
  });

  cat.attack("E05 integrity event for someone else's attempt over the socket", 'ack error 404', async () => {
    const thief = await newResident(http);
    const s = track(connect(api.url, { token: thief.token }));
    await connected(s);
    const r = await s.timeout(3000).emitWithAck('attempt:event', { attemptId: w.attempt.id, kind: 'focus_lost', at: new Date().toISOString() });
    cat.count();
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ statusCode: 404 }) });
    const r2 = await s.timeout(3000).emitWithAck('attempt:event', { attemptId: randomUUID(), kind: 'focus_lost', at: new Date().toISOString() });
    cat.count();
    expect(r2.ok).toBe(false);
  });

  cat.attack('E06 1 000 events in one second from one socket', 'refused with 429 in the ack, then disconnected by the server', async () => {
    const s = track(connect(api.url, { token: w.resident.token }));
    await connected(s);
    const acks: { ok: boolean; error?: { statusCode: number; code: string } }[] = [];
    const gone = once<string>(s, 'disconnect', 10_000);
    for (let i = 0; i < 1000; i++) s.emit('time:sync', (r: (typeof acks)[number]) => acks.push(r));
    cat.count(1000);
    expect(await gone).toBe('io server disconnect');
    expect(acks.filter((a) => a.ok === false && a.error?.statusCode === 429 && a.error.code === 'rate_limited').length).toBeGreaterThan(0);
    expect(acks.length).toBeLessThan(1000);
    // The account is not punished: a new, polite connection works.
    const again = track(connect(api.url, { token: w.resident.token }));
    await connected(again);
    expect((await again.timeout(3000).emitWithAck('time:sync')).ok).toBe(true);
  });

  cat.attack('E07 token revoked while the socket is open (account deleted)', 'the server closes the socket (issue 15); nothing more is joined', async () => {
    const r = await newResident(http);
    const s = track(connect(api.url, { token: r.token }));
    await connected(s);
    const closed = new Promise<string>((resolve) => s.once('disconnect', resolve));
    expect((await http.req('DELETE', '/me', { token: r.token, body: { password: r.input.password } })).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    cat.count();
    expect(s.connected).toBe(false);
  });
});
