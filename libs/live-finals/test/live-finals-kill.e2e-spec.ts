import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Socket } from 'socket.io-client';
import { Http } from '../../../test/harness';
import { loginAdmin, ok, Session } from '../../../test/factories';
import { freePort, requireBuild } from '../../../test/processes';
import { AppProcess } from '../../../test/faults/cluster';
import { entrant, iso, newContest, orgWithBank, OrgSetup } from '../../contests/test/factories';
import { collect, connect, connected, until } from '../../leaderboard/test/helpers';

/**
 * Two built api processes; the one holding the players' sockets is killed (SIGKILL) while a
 * question is open. Players rejoin the other instance, find the question, their time left and
 * their answer there, and nothing accepted before the kill is lost.
 */
describe('live finals: an api instance killed mid-question loses nothing', () => {
  let a: AppProcess;
  let b: AppProcess;
  let setup: OrgSetup;
  let players: Session[];
  let roundId: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    requireBuild();
    const logs = mkdtempSync(join(tmpdir(), 'lc-live-kill-'));
    const env = () => ({ ...(process.env as Record<string, string>), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
    a = new AppProcess('api-a', 'api', await freePort(), env, logs);
    b = new AppProcess('api-b', 'api', await freePort(), env, logs);
    await Promise.all([a.start(), b.start()]);
    const http = new Http(a.url);
    const admin = await loginAdmin(http);
    setup = await orgWithBank(http, admin, 3, ['single']);
    const contest = await newContest(http, setup.organiser);
    const round = await ok(
      http.post(
        `/contests/${contest.id}/rounds`,
        {
          title: 'Chung kết',
          kind: 'live',
          opensAt: iso(Date.now() - 1000),
          closesAt: iso(Date.now() + 3600_000),
          questions: [{ bankId: setup.bankId, count: 2 }],
          secondsPerQuestion: 60,
        },
        setup.organiser.token,
      ),
    );
    roundId = round.id;
    await ok(http.post(`/contests/${contest.id}/publish`, {}, setup.organiser.token));
    players = [];
    for (let i = 0; i < 6; i++) players.push(await entrant(http, contest.id));
  }, 240_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('keeps the question, the clock and every accepted answer across the kill', async () => {
    const ha = new Http(a.url);
    const hb = new Http(b.url);
    const host = setup.organiser.token;
    // Players join on B; the host drives from A.
    const onB = await Promise.all(
      players.map(async (p) => {
        const s = connect(b.url, { token: p.token });
        sockets.push(s);
        await connected(s);
        expect((await s.timeout(5000).emitWithAck('live:join', { roundId })).ok).toBe(true);
        return s;
      }),
    );
    await ok(ha.post(`/rounds/${roundId}/live/start`, {}, host));
    const pushed = collect(onB[0], 'live:question');
    await ok(ha.post(`/rounds/${roundId}/live/next`, { fromIndex: -1 }, host));
    const q: any = await until(pushed, () => true);
    const k = setup.questions.find((x) => x.stem === q.question.stem)!;
    const right = q.question.options.filter((o: any) => k.correctTexts.includes(o.text)).map((o: any) => o.id);
    // Half of the players answer on B (socket acks = accepted), then B dies.
    for (const s of onB.slice(0, 3))
      expect(await s.timeout(5000).emitWithAck('live:answer', { roundId, questionId: q.question.id, optionIds: right })).toEqual({
        ok: true,
        receivedAt: expect.any(String),
      });
    b.kill('SIGKILL');
    await b.waitExit(10_000);

    // Everyone rejoins on A: same question, same window, their own answer.
    for (const [i, p] of players.entries()) {
      const s = (await ha.get(`/rounds/${roundId}/live/state`, p.token)).body;
      expect(s).toEqual(expect.objectContaining({ status: 'question', index: 0, closesAt: q.closesAt, opensAt: q.opensAt }));
      expect(s.question).toEqual(q.question);
      expect(Date.parse(s.closesAt) - Date.parse(s.serverTime)).toBeGreaterThan(0);
      expect(s.me.optionIds).toEqual(i < 3 ? right : null);
    }
    const again = connect(a.url, { token: players[0].token });
    sockets.push(again);
    await connected(again);
    expect(await again.timeout(5000).emitWithAck('live:join', { roundId })).toEqual(expect.objectContaining({ ok: true, status: 'question', index: 0 }));
    // An answer accepted before the kill still counts as the first one.
    expect(await again.timeout(5000).emitWithAck('live:answer', { roundId, questionId: q.question.id, optionIds: right })).toEqual(
      expect.objectContaining({ ok: false, code: 'live_already_answered' }),
    );
    // The other half answer on A, B comes back, the host reveals from B.
    for (const p of players.slice(3))
      expect((await ha.post(`/rounds/${roundId}/live/answers`, { questionId: q.question.id, optionIds: right }, p.token)).status).toBe(200);
    await b.start();
    const revealed = await ok(hb.post(`/rounds/${roundId}/live/reveal`, { fromIndex: 0 }, host));
    expect(revealed.reveal.distribution[right[0]]).toBe(6);
    expect(revealed.board.total).toBe(6);
    expect(revealed.board.top.every((r: any) => r.score === 1)).toBe(true);
    const ended = await ok(ha.post(`/rounds/${roundId}/live/end`, {}, host));
    expect(ended.attemptsWritten).toBe(6);
  }, 180_000);
});
