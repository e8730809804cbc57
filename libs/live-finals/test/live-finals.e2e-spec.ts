import { Socket } from 'socket.io-client';
import { Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newResident, ok, Session } from '../../../test/factories';
import { entrant, iso, newContest, orgWithBank, OrgSetup, SECRET, sleep } from '../../contests/test/factories';
import { collect, connect, connected, until } from '../../leaderboard/test/helpers';

/**
 * A live final on TWO api instances sharing PostgreSQL and Redis, as in production: the host
 * drives from instance A, players answer on instance B (HTTP and sockets), and everything
 * that decides (the state machine, the time window, first answers) is on Redis.
 */
describe('live finals: host on one instance, players on another', () => {
  let a: TestApi;
  let b: TestApi;
  let ha: Http;
  let hb: Http;
  let setup: OrgSetup;
  let host: Session;
  let players: Session[];
  let outsider: Session;
  let roundId: string;
  const sockets: Socket[] = [];
  const track = (s: Socket) => (sockets.push(s), s);
  const SECONDS = 5;

  const move = (what: string, body: Record<string, unknown> = {}, token = host.token) => ha.post(`/rounds/${roundId}/live/${what}`, body, token);
  const state = (s: Session, http = hb) => http.get(`/rounds/${roundId}/live/state`, s.token);
  /** The option ids of a shown question that are right (from the test's own key, by text). */
  const key = (q: { stem: string; options: { id: string; text: string }[] }) => {
    const k = setup.questions.find((x) => x.stem === q.stem)!;
    return {
      right: q.options.filter((o) => k.correctTexts.includes(o.text)).map((o) => o.id),
      wrong: [q.options.find((o) => k.wrongTexts.includes(o.text))!.id],
    };
  };

  beforeAll(async () => {
    [a, b] = await Promise.all([startApi(), startApi()]);
    ha = new Http(a.url);
    hb = new Http(b.url);
    const admin = await loginAdmin(ha);
    setup = await orgWithBank(ha, admin, 6, ['single', 'multiple', 'true_false']);
    host = setup.organiser;
    const contest = await newContest(ha, host);
    const round = await ok(
      ha.post(
        `/contests/${contest.id}/rounds`,
        {
          title: 'Chung kết "Ai nhanh hơn"',
          kind: 'live',
          opensAt: iso(Date.now() - 1000),
          closesAt: iso(Date.now() + 3600_000),
          questions: [{ bankId: setup.bankId, count: 4 }],
          secondsPerQuestion: SECONDS,
          speedBonus: { maxPoints: 10 },
        },
        host.token,
      ),
      'create live round',
    );
    roundId = round.id;
    expect(round).toEqual(expect.objectContaining({ kind: 'live', live: { secondsPerQuestion: SECONDS, speedBonus: { maxPoints: 10 } }, questionCount: 4 }));
    await ok(ha.post(`/contests/${contest.id}/publish`, {}, host.token), 'publish');
    players = [];
    for (let i = 0; i < 3; i++) players.push(await entrant(hb, contest.id));
    outsider = await newResident(hb);
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all([a?.close(), b?.close()]);
  });

  it('validates a live round: choice questions only, seconds per question required', async () => {
    const contest = await newContest(ha, host);
    const bad = await ha.post(
      `/contests/${contest.id}/rounds`,
      { title: 'x', kind: 'live', opensAt: iso(Date.now()), closesAt: iso(Date.now() + 3600_000), questions: [{ bankId: setup.bankId, count: 1 }] },
      host.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('round_invalid');
    expect(JSON.stringify(bad.body.details)).toContain('secondsPerQuestion');
  });

  it('before start: state is waiting; players cannot answer; residents cannot host; outsiders cannot watch', async () => {
    const s = await state(players[0]);
    expect(s.status).toBe(200);
    expect(s.body).toEqual(expect.objectContaining({ status: 'waiting', index: -1, total: 4, me: { score: 0, rank: null, optionIds: null } }));
    expect((await move('start', {}, players[0].token)).status).toBe(403);
    expect((await hb.post(`/rounds/${roundId}/live/answers`, { questionId: 'qx', optionIds: ['o1'] }, players[0].token)).body.code).toBe('live_wrong_question');
    expect((await state(outsider)).body.code).toBe('not_registered');
    expect((await move('next')).body.code).toBe('live_not_started');
  });

  it('runs question by question: sockets on B get the question from a host on A, without the key', async () => {
    const sock = track(connect(b.url, { token: players[0].token }));
    await connected(sock);
    const joined = await sock.timeout(5000).emitWithAck('live:join', { roundId });
    expect(joined).toEqual(expect.objectContaining({ ok: true, status: 'waiting', index: -1 }));
    const staffSock = track(connect(b.url, { token: host.token }));
    await connected(staffSock);
    expect((await staffSock.timeout(5000).emitWithAck('live:join', { roundId })).ok).toBe(true);
    const questions = collect(sock, 'live:question');
    const statuses = collect(sock, 'live:status');
    const started = await move('start');
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('waiting');
    expect((await move('start')).status).toBe(200); // again: nothing changes
    await until(statuses, (p: any) => p.status === 'waiting');

    const t0 = Date.now();
    const shown = await move('next', { fromIndex: -1 });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual(expect.objectContaining({ status: 'question', index: 0, total: 4 }));
    const pushed: any = await until(questions, (p: any) => p.index === 0);
    expect(pushed).toEqual(
      expect.objectContaining({ roundId, index: 0, total: 4, question: expect.objectContaining({ id: expect.any(String), stem: expect.any(String) }) }),
    );
    expect(Date.parse(pushed.closesAt) - Date.parse(pushed.opensAt)).toBe(SECONDS * 1000);
    expect(Math.abs(Date.parse(pushed.serverTime) - t0)).toBeLessThan(5000);
    // No key anywhere a player can see: the push, the state, and the host's own answer.
    const playerState = (await state(players[0])).body;
    for (const text of [JSON.stringify(pushed), JSON.stringify(playerState), JSON.stringify(shown.body)]) {
      expect(text).not.toMatch(/correct/i);
      expect(text).not.toContain(SECRET.explanation);
      for (const k of setup.questions) for (const id of k.bankOptionIds) expect(text).not.toContain(id);
      for (const k of setup.questions) expect(text).not.toContain(k.id);
    }
    expect(playerState.question).toEqual(pushed.question);
    // A second "next" from another console (or a double press) does not skip a question.
    const twice = await Promise.all([move('next', { fromIndex: -1 }), hb.post(`/rounds/${roundId}/live/next`, {}, host.token)]);
    expect(twice.map((r) => r.body.code).sort()).toEqual(['live_wrong_status', 'live_wrong_status']);
    expect((await state(players[0])).body.index).toBe(0);
  });

  it('takes the first answer per player (HTTP on B and sockets), refuses the rest; scores change only at reveal', async () => {
    const s0 = (await state(players[0])).body;
    const q = s0.question;
    const { right, wrong } = key(q);
    const sock = sockets[0];
    // Player 0 answers right by socket, then changes their mind: refused.
    const ack = await sock.timeout(5000).emitWithAck('live:answer', { roundId, questionId: q.id, optionIds: right });
    expect(ack).toEqual({ ok: true, receivedAt: expect.any(String) });
    const again = await sock.timeout(5000).emitWithAck('live:answer', { roundId, questionId: q.id, optionIds: wrong });
    expect(again).toEqual(expect.objectContaining({ ok: false, code: 'live_already_answered' }));
    // Player 1 answers wrong over HTTP on A; player 2 twice at once on both instances: exactly one counts.
    expect((await ha.post(`/rounds/${roundId}/live/answers`, { questionId: q.id, optionIds: wrong }, players[1].token)).status).toBe(200);
    const race = await Promise.all([
      ha.post(`/rounds/${roundId}/live/answers`, { questionId: q.id, optionIds: right }, players[2].token),
      hb.post(`/rounds/${roundId}/live/answers`, { questionId: q.id, optionIds: right }, players[2].token),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(race.find((r) => r.status === 409)!.body.code).toBe('live_already_answered');
    // Bad input: an option of no question, staff answering.
    expect((await hb.post(`/rounds/${roundId}/live/answers`, { questionId: q.id, optionIds: ['nope'] }, players[1].token)).body.code).toBe('answer_invalid');
    expect((await hb.post(`/rounds/${roundId}/live/answers`, { questionId: q.id, optionIds: right }, host.token)).status).toBe(403);
    // Nothing scored yet; the player's own answer comes back on rejoin.
    const mine = (await state(players[0], ha)).body;
    expect(mine.me).toEqual({ score: 0, rank: null, optionIds: right });
    expect(mine.board).toBeUndefined();
    expect((await state(host, ha)).body.answered).toBe(3);
  });

  it('refuses answers after closesAt + grace with live_answer_late, and a rejoin mid-question gets the time left', async () => {
    const s = (await state(players[1])).body;
    const left = Date.parse(s.closesAt) - Date.parse(s.serverTime);
    expect(left).toBeLessThanOrEqual(SECONDS * 1000);
    // Wait for the window and the 2 s grace to pass (the server's clock decides); lateness is refused before anything else.
    await sleep(Math.max(left, 0) + 2000 + 400);
    const late = await hb.post(`/rounds/${roundId}/live/answers`, { questionId: s.question.id, optionIds: key(s.question).right }, players[1].token);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('live_answer_late');
  });

  it('reveals once (two consoles at once), pushes key, distribution and board; scores follow', async () => {
    const sock = sockets[0];
    const reveals = collect(sock, 'live:reveal');
    const boards = collect(sock, 'live:board');
    const s = (await state(host)).body;
    const both = await Promise.all([move('reveal', { fromIndex: 0 }), hb.post(`/rounds/${roundId}/live/reveal`, { fromIndex: 0 }, host.token)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const rv: any = await until(reveals, () => true);
    const { right, wrong } = key(s.question);
    expect(rv).toEqual(expect.objectContaining({ roundId, questionId: s.question.id, correctOptionIds: expect.arrayContaining(right) }));
    expect(rv.explanation).toContain(SECRET.explanation);
    const dist = rv.distribution as Record<string, number>;
    expect(dist[wrong[0]]).toBe(1);
    for (const id of right) expect(dist[id]).toBe(2);
    const board: any = await until(boards, () => true);
    await sleep(300);
    expect(reveals.items).toHaveLength(1); // one reveal, not two
    expect(board.total).toBe(3);
    expect(board.top.map((r: any) => r.score)).toEqual([expect.any(Number), expect.any(Number), 0]);
    expect(board.top[2].userId).toBe(players[1].user.id);
    // Points plus the speed bonus (falling over 5 s from server receive times): between 1 and 11.
    for (const row of board.top.slice(0, 2)) {
      expect(row.score).toBeGreaterThan(1);
      expect(row.score).toBeLessThanOrEqual(11);
      expect(row.displayName).toEqual(expect.any(String));
    }
    const me = (await state(players[0])).body;
    expect(me.status).toBe('revealed');
    expect(me.me.score).toBe(board.top.find((r: any) => r.userId === players[0].user.id).score);
    expect(me.reveal.correctOptionIds.sort()).toEqual([...right].sort());
  });

  it('pauses and resumes a question with its time left; answers while paused are refused', async () => {
    expect((await move('next', { fromIndex: 0 })).body.index).toBe(1);
    const before = (await state(players[0])).body;
    expect((await move('pause')).body).toEqual(expect.objectContaining({ status: 'paused', pausedFrom: 'question' }));
    const paused = (await state(players[0])).body;
    expect(paused.remainingMs).toBeGreaterThan(0);
    const r = await hb.post(`/rounds/${roundId}/live/answers`, { questionId: before.question.id, optionIds: key(before.question).right }, players[0].token);
    expect(r.body.code).toBe('live_paused');
    await sleep(1000);
    const resumed = (await move('resume')).body;
    expect(resumed.status).toBe('question');
    // The window moved by the pause.
    expect(Date.parse(resumed.closesAt)).toBeGreaterThan(Date.parse(before.closesAt) + 800);
    expect(
      (await hb.post(`/rounds/${roundId}/live/answers`, { questionId: before.question.id, optionIds: key(before.question).right }, players[0].token)).status,
    ).toBe(200);
    expect((await move('reveal')).body.status).toBe('revealed');
  });

  it("ends: each player's score becomes a submitted attempt, and the round closes and ranks like any round", async () => {
    const ended = await move('end');
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual(expect.objectContaining({ status: 'ended', attemptsWritten: 3 }));
    expect((await move('end')).body.attemptsWritten).toBe(0); // again: idempotent
    expect((await move('next')).body.code).toBe('live_wrong_status');
    const final = ended.body.board.top as { userId: string; score: number }[];
    expect(final[0].userId).toBe(players[0].user.id); // two right, and fast
    const closed = await ha.post(`/rounds/${roundId}/close`, { force: true }, host.token);
    expect(closed.status).toBe(200);
    const results = await ha.get(`/rounds/${roundId}/results`, host.token);
    expect(results.status).toBe(200);
    expect(results.body.rankedCount).toBe(3);
    expect(results.body.items.map((r: any) => r.userId)).toEqual(final.map((r) => r.userId));
    expect(results.body.items.map((r: any) => r.score)).toEqual(final.map((r) => r.score));
    expect(results.body.items[0].maxScore).toBe(22); // two revealed questions of 1 point + 10 bonus
  });
});
