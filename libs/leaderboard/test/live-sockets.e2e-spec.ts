import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Socket } from 'socket.io-client';
import { IdentityCoreModule } from '@lc/identity';
import { LiveService, RealtimeModule } from '@lc/realtime';
import { PlatformModule } from '@lc/platform';
import { ALL_ENTITIES } from '@lc/entities';
import { Http, startApi, TestApi, testConfig } from '../../../test/harness';
import { newResident, Session } from '../../../test/factories';
import { connect, connected, once } from './helpers';

/** The /live namespace against two api instances sharing Redis, as in production. */
describe('live sockets: handshake, rooms across instances, limits, shutdown', () => {
  let a: TestApi;
  let b: TestApi;
  let resident: Session;
  const sockets: Socket[] = [];
  const track = (s: Socket) => (sockets.push(s), s);

  beforeAll(async () => {
    [a, b] = await Promise.all([startApi(), startApi()]);
    resident = await newResident(new Http(a.url));
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all([a.close(), b.close()]);
  });

  it('refuses a handshake without a valid access token, with the HTTP error body', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const s = track(connect(a.url, { token }));
      const err = await once<Error & { data?: any }>(s, 'connect_error');
      expect(err.data).toEqual(expect.objectContaining({ statusCode: 401, error: 'Unauthorized' }));
      expect(s.connected).toBe(false);
    }
  });

  it('accepts the token in auth or an Authorization header, and sends the server clock', async () => {
    const s1 = track(connect(a.url, { token: resident.token }));
    const hello = await connected(s1);
    expect(hello.userId).toBe(resident.user.id);
    expect(Math.abs(Date.parse(hello.serverTime) - Date.now())).toBeLessThan(5000);
    const s2 = track(connect(b.url, { header: `Bearer ${resident.token}` }));
    expect((await connected(s2)).userId).toBe(resident.user.id);
    const sync = await s2.timeout(3000).emitWithAck('time:sync');
    expect(sync).toEqual({ ok: true, serverTime: expect.any(String) });
  });

  it("reaches a user's sockets on every instance from any instance", async () => {
    const other = await newResident(new Http(b.url));
    const onA = track(connect(a.url, { token: other.token }));
    const onB = track(connect(b.url, { token: other.token }));
    await Promise.all([connected(onA), connected(onB)]);
    const got = Promise.all([once(onA, 'attempt:deadline'), once(onB, 'attempt:deadline')]);
    const payload = { attemptId: '7d3c2f5e-1111-4a4a-9b9b-000000000001', deadlineAt: new Date().toISOString(), serverTime: new Date().toISOString() };
    b.app.get(LiveService).toUser(other.user.id, 'attempt:deadline', payload);
    expect(await got).toEqual([payload, payload]);
  });

  it('relays emits from a process without sockets (the worker) through Redis', async () => {
    const s = track(connect(a.url, { token: resident.token }));
    await connected(s);
    const mod = await Test.createTestingModule({
      imports: [PlatformModule.forRoot(testConfig(), ALL_ENTITIES), IdentityCoreModule, RealtimeModule],
    }).compile();
    const worker: INestApplicationContext = await mod.init();
    try {
      const live = worker.get(LiveService);
      expect(live.namespace).toBeUndefined();
      const got = once(s, 'round:status');
      // A worker-side toUser goes out on the relay channel; the api instance delivers it.
      live.toUser(resident.user.id, 'round:status', { roundId: 'r', status: 'closed', at: 'now' });
      expect(await got).toEqual({ roundId: 'r', status: 'closed', at: 'now' });
    } finally {
      await worker.close();
    }
  });

  it('validates event payloads and answers with the error body in the ack', async () => {
    const s = track(connect(a.url, { token: resident.token }));
    await connected(s);
    const bad = await s.timeout(3000).emitWithAck('leaderboard:join', { roundId: 'nope' });
    expect(bad).toEqual({ ok: false, error: expect.objectContaining({ statusCode: 400, code: 'validation_failed' }) });
    const ev = await s.timeout(3000).emitWithAck('attempt:event', { attemptId: 'x', kind: 'Focus Lost!', at: 'yesterday' });
    expect(ev.ok).toBe(false);
    expect(ev.error.statusCode).toBe(400);
    expect(ev.error.details.map((d: any) => d.field)).toEqual(['attemptId', 'kind', 'at']);
  });

  it('answers a burst within the limit, then throttles a flooding socket and disconnects it', async () => {
    const s = track(connect(a.url, { token: resident.token }));
    await connected(s);
    const burst = await Promise.all(Array.from({ length: 30 }, () => s.timeout(3000).emitWithAck('time:sync')));
    expect(burst.every((r) => r.ok === true)).toBe(true);

    const acks: any[] = [];
    const gone = once<string>(s, 'disconnect', 10_000);
    for (let i = 0; i < 1000; i++) s.emit('time:sync', (r: any) => acks.push(r));
    expect(await gone).toBe('io server disconnect');
    const throttled = acks.filter((r) => r.ok === false && r.error.statusCode === 429 && r.error.code === 'rate_limited');
    expect(throttled.length).toBeGreaterThanOrEqual(20);
    // Cut off long before the flood is through: the server stopped listening to it.
    expect(acks.length).toBeLessThan(200);
  });

  it("limits a feature gateway's events with the transport's one limiter per socket", async () => {
    // leaderboard:leave is handled by the leaderboard's gateway, time:sync by the transport's: one bucket for both.
    const s = track(connect(a.url, { token: resident.token }));
    await connected(s);
    const roundId = '7d3c2f5e-1111-4a4a-9b9b-000000000002';
    const mixed = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? s.timeout(3000).emitWithAck('time:sync') : s.timeout(3000).emitWithAck('leaderboard:leave', { roundId }))),
    );
    expect(mixed.every((r) => r.ok === true)).toBe(true);
    const acks: any[] = [];
    const gone = once<string>(s, 'disconnect', 10_000);
    for (let i = 0; i < 1000; i++) s.emit('leaderboard:leave', { roundId }, (r: any) => acks.push(r));
    expect(await gone).toBe('io server disconnect');
    expect(acks.filter((r) => r.ok === false && r.error.code === 'rate_limited').length).toBeGreaterThanOrEqual(5);
    expect(acks.length).toBeLessThan(200);
  });

  it('counts open sockets in the metrics', async () => {
    const s = track(connect(b.url, { token: resident.token }));
    await connected(s);
    const m = await new Http(b.url).get('/metrics');
    const v = Number(/^socket_connections (\d+)/m.exec(m.body)?.[1]);
    expect(v).toBeGreaterThanOrEqual(1);
  });

  it('on shutdown drops transports so clients reconnect elsewhere (not a server "disconnect")', async () => {
    const c = await startApi();
    const s = track(connect(c.url, { token: resident.token }));
    await connected(s);
    const reason = once<string>(s, 'disconnect');
    await c.close();
    expect(await reason).toBe('transport close');
  });
});
