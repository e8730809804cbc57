import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import { request } from 'undici';
import { request as httpRequest } from 'node:http';
import { entrant, liveQuiz, orgWithBank, OrgSetup, waitFor } from '../../libs/contests/test/factories';
import { collect, connected, enter, until } from '../../libs/leaderboard/test/helpers';
import { startApi, TestApi } from '../harness';
import { startTopology, Topology } from './topology';
import { APP_CSP } from '@lc/platform';

/**
 * The production topology (scripts/test-deploy.sh): Debian's nginx with deploy/nginx's site in
 * front of two api processes and the worker. What only the real proxy shows: compressed and
 * cached static files, the body limit, Socket.IO through the upgrade (and long-polling through
 * the sticky upstream), and client addresses as the integrity flags see them.
 */
jest.setTimeout(120_000);

/** A resident's own machine: requests leave from another loopback address, as from another home. */
function from(localAddress: string) {
  return {
    post: (url: string, token: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; body: { id: string } }>((resolve, reject) => {
        const req = httpRequest(
          url,
          { method: 'POST', localAddress, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers } },
          (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (d: string) => (text += d));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        req.end('{}');
      }),
  };
}

describe('deploy: nginx in front of two api instances and the worker', () => {
  let top: Topology;
  let setup: OrgSetup;
  let db: Client;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    top = await startTopology('deploy');
    setup = await orgWithBank(top.http, top.admin, 6);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await db?.end();
    await top?.stop();
  });

  it('serves the web app: the shell revalidated, hashed assets immutable and precompressed (brotli, gzip)', async () => {
    const index = await fetch(`${top.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    // `/` is the api's first screen (the contest list inside, its inline parts allowed by hash);
    // /index.html the plain shell the service worker precaches, under the api's own policy.
    expect(index.headers.get('content-security-policy')).toMatch(
      /^default-src 'self'; script-src 'self' 'sha256-[^']+' 'sha256-[^']+'; style-src 'self' 'sha256-[^']+';/,
    );
    const html = await index.text();
    expect(html).toContain('<h1 tabindex="-1">Các cuộc thi</h1>');
    expect(html).toContain('id="lc-first-data"');
    const plain = await fetch(`${top.url}/index.html`);
    expect(plain.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(await plain.text()).not.toContain('lc-first-data');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
    ]) {
      const r = await request(`${top.url}${script}`, { headers: { 'accept-encoding': accept } });
      await r.body.arrayBuffer();
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-encoding']).toBe(encoding);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(r.headers['content-type']).toMatch(/javascript/);
    }
    expect((await fetch(`${top.url}/assets/nothing-here.js`)).status).toBe(404);
  });

  it('proxies the api (JSON compressed) and refuses bodies beyond the import limit at the proxy', async () => {
    const health = await request(`${top.url}/api/v1/health`, { headers: { 'accept-encoding': 'gzip' } });
    expect(health.statusCode).toBe(200);
    await health.body.arrayBuffer();
    const big = await fetch(`${top.url}/api/v1/question-banks/00000000-0000-4000-8000-000000000000/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${setup.organiser.token}`, 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(12 * 1024 * 1024, 97),
    });
    expect(big.status).toBe(413);
  });

  it('carries Socket.IO through the proxy: a board update reaches a WebSocket and a long-polling client', async () => {
    const { round, contest } = await liveQuiz(top.http, setup, { maxAttempts: 3 });
    const watcher = await entrant(top.http, contest.id);
    const runner = await entrant(top.http, contest.id);
    const updates = [];
    for (const transport of ['websocket', 'polling'] as const) {
      const s = io(`${top.url}/live`, { transports: [transport], upgrade: false, reconnection: false, forceNew: true, auth: { token: watcher.token } });
      sockets.push(s);
      expect((await connected(s)).userId).toBe(watcher.user.id);
      expect((await s.timeout(5000).emitWithAck('leaderboard:join', { roundId: round.id })).ok).toBe(true);
      updates.push(collect(s, 'leaderboard:update'));
    }
    await enter(top.http, runner, round.id, setup.questions, 3);
    for (const u of updates) {
      const p = await until(u, (x: { roundId: string; top?: { userId: string }[] }) => x.roundId === round.id, 15_000);
      expect(JSON.stringify(p)).toContain(runner.user.id);
    }
  });

  describe('client addresses for the shared-IP flag', () => {
    let roundId: string;
    let contestId: string;
    let direct: TestApi | undefined;
    const attempt = async (id: string) =>
      (await db.query<{ ip: string; flags: { code: string }[] }>('SELECT ip, flags FROM attempt WHERE id = $1', [id])).rows[0];

    beforeAll(async () => {
      const q = await liveQuiz(top.http, setup, { integrity: { maxAccountsPerIp: 2 } });
      roundId = q.round.id;
      contestId = q.contest.id;
    });
    afterAll(async () => direct?.close());

    it('sees each resident’s own address through nginx (TRUST_PROXY naming it), and a forged X-Forwarded-For changes nothing', async () => {
      const home = from('127.0.0.21');
      const neighbour = from('127.0.0.22');
      const family = [await entrant(top.http, contestId), await entrant(top.http, contestId)];
      const ids: string[] = [];
      for (const r of family) {
        const s = await home.post(`${top.url}/api/v1/rounds/${roundId}/attempts`, r.token);
        expect(s.status).toBe(201);
        ids.push(s.body.id);
      }
      // Two accounts from one home reach the round's limit of 2: both are flagged, with that address
      // (the earlier attempt a moment after the later one's start answers: that flag is written behind it).
      const flagged = async (id: string) => {
        const a = await attempt(id);
        return a.flags.some((f) => f.code === 'shared_ip') ? a : undefined;
      };
      for (const id of ids)
        expect(await waitFor(() => flagged(id), 5000)).toEqual({
          ip: '127.0.0.21',
          flags: expect.arrayContaining([expect.objectContaining({ code: 'shared_ip' })]),
        });
      // A neighbour claiming to be that home (or anyone) is still seen at their own address.
      const liar = await entrant(top.http, contestId);
      const s = await neighbour.post(`${top.url}/api/v1/rounds/${roundId}/attempts`, liar.token, { 'x-forwarded-for': '127.0.0.21, 10.1.2.3' });
      expect(s.status).toBe(201);
      const row = await attempt(s.body.id);
      expect(row.ip).toBe('127.0.0.22');
      expect(row.flags.map((f) => f.code)).not.toContain('shared_ip');
    });

    it('records integrity events sent over the socket with the resident’s own address too', async () => {
      const r = await entrant(top.http, contestId);
      const start = await from('127.0.0.24').post(`${top.url}/api/v1/rounds/${roundId}/attempts`, r.token);
      expect(start.status).toBe(201);
      const s = io(`${top.url}/live`, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        auth: { token: r.token },
        localAddress: '127.0.0.24',
      } as Parameters<typeof io>[1]);
      sockets.push(s);
      await connected(s);
      const ack = await s.timeout(5000).emitWithAck('attempt:event', { attemptId: start.body.id, kind: 'focus_lost', at: new Date().toISOString() });
      expect(ack.ok).toBe(true);
      const rows = (await db.query<{ ip: string }>('SELECT ip FROM attempt_event WHERE attempt_id = $1', [start.body.id])).rows;
      expect(rows.map((x) => x.ip)).toEqual(['127.0.0.24']);
    });

    it('ignores X-Forwarded-For entirely with TRUST_PROXY off', async () => {
      direct = await startApi({ TRUST_PROXY: 'false' });
      const someone = from('127.0.0.23');
      const r = await entrant(top.http, contestId);
      const s = await someone.post(`${direct.url}/api/v1/rounds/${roundId}/attempts`, r.token, { 'x-forwarded-for': '127.0.0.21' });
      expect(s.status).toBe(201);
      expect((await attempt(s.body.id)).ip).toBe('127.0.0.23');
    });
  });
});
