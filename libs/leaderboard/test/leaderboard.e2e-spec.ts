import { randomUUID } from 'node:crypto';
import { Socket } from 'socket.io-client';
import { LeaderboardService, LiveTicker } from '@lc/leaderboard';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { loginAdmin, newOrganisation, newResident, newStaff, ok, Session } from '../../../test/factories';
import { entrant, iso, liveQuiz, orgWithBank, OrgSetup, sleep } from '../../contests/test/factories';
import { BoardStore } from '../src/board/board-store';
import { TOP_N } from '../src/rounds/prediction-guard';
import { applyTopPatch } from '../src/live/top-patch';
import { collect, connect, connected, enter, until } from './helpers';

/**
 * The board end to end: real entries through the attempts API, read over HTTP and pushed
 * over sockets by two api instances sharing Redis and PostgreSQL.
 */
describe('leaderboards over HTTP and sockets (two api instances)', () => {
  let a: TestApi;
  let b: TestApi;
  let httpA: Http;
  let httpB: Http;
  let admin: Session;
  let setup: OrgSetup;
  const sockets: Socket[] = [];
  const track = (s: Socket) => (sockets.push(s), s);

  beforeAll(async () => {
    [a, b] = await Promise.all([startApi(), startApi()]);
    httpA = new Http(a.url);
    httpB = new Http(b.url);
    admin = await loginAdmin(httpA);
    setup = await orgWithBank(httpA, admin, 12);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all([a.close(), b.close()]);
  });

  describe('a live board', () => {
    let roundId: string;
    let contestId: string;
    const people: (Session & { input: any })[] = [];

    beforeAll(async () => {
      const q = await liveQuiz(httpA, setup, { maxAttempts: 3, attemptScoring: 'best' });
      roundId = q.round.id;
      contestId = q.contest.id;
      for (const [i, unit] of ['Xã Yên Thọ', 'Phường Bãi Cháy', 'Trường THPT Hòn Gai', 'Công an tỉnh'].entries()) {
        people.push(
          await entrant(i % 2 ? httpB : httpA, contestId, { unit }, { fullName: ['Nguyễn Thị Bình', 'Trần Văn An', 'Lê Minh Châu', 'Phạm Đức Huy'][i] }),
        );
      }
      // Scores 2, 4, 3, 1 correct out of 5 (entries alternate between the instances).
      for (const [i, correct] of [2, 4, 3, 1].entries()) await enter(i % 2 ? httpB : httpA, people[i], roundId, setup.questions, correct);
    });

    it('ranks entries best first, with shortened names, unit and province, never phone or national ID', async () => {
      const r = await httpB.get(`/rounds/${roundId}/leaderboard`, people[0].token);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(4);
      expect(r.body.frozen).toBe(false);
      expect(Math.abs(Date.parse(r.body.at) - Date.now())).toBeLessThan(5000);
      expect(r.body.items.map((x: any) => [x.rank, x.userId, x.score])).toEqual([
        [1, people[1].user.id, 4],
        [2, people[2].user.id, 3],
        [3, people[0].user.id, 2],
        [4, people[3].user.id, 1],
      ]);
      expect(r.body.items[0]).toEqual({
        rank: 1,
        userId: people[1].user.id,
        displayName: 'Trần V. A.',
        unit: 'Phường Bãi Cháy',
        province: 'Quảng Ninh',
        score: 4,
        timeTakenMs: expect.any(Number),
      });
      const text = JSON.stringify(r.body);
      for (const p of people) {
        expect(text).not.toContain(p.input.phone);
        expect(text).not.toContain(p.input.nationalId);
        expect(text).not.toContain(p.input.fullName);
      }
    });

    it('pages with limit and offset, and validates them', async () => {
      const p2 = await httpA.get(`/rounds/${roundId}/leaderboard?limit=2&offset=2`, people[0].token);
      expect(p2.body.items.map((x: any) => x.rank)).toEqual([3, 4]);
      expect(p2.body.total).toBe(4);
      expectError(await httpA.get(`/rounds/${roundId}/leaderboard?limit=500`, people[0].token), 400);
      expectError(await httpA.get(`/rounds/${roundId}/leaderboard?offset=-1`, people[0].token), 400);
      expectError(await httpA.get(`/rounds/not-a-uuid/leaderboard`, people[0].token), 400);
      expectError(await httpA.get(`/rounds/${roundId}/leaderboard`), 401);
    });

    it('answers "my rank" for residents on and off the board', async () => {
      const me = await httpA.get(`/rounds/${roundId}/leaderboard/me`, people[0].token);
      expect(me.body).toEqual({ rank: 3, score: 2, timeTakenMs: expect.any(Number), total: 4 });
      const stranger = await newResident(httpA);
      expect((await httpB.get(`/rounds/${roundId}/leaderboard/me`, stranger.token)).body).toEqual({ rank: null, score: null, timeTakenMs: null, total: 4 });
    });

    it('keeps only the best attempt of a resident (best scoring)', async () => {
      const worse = await enter(httpB, people[2], roundId, setup.questions, 0);
      expect(worse.score).toBe(0);
      // The place of the attempt that counts, not of this one.
      expect(worse.rank).toBe(2);
      expect((await httpA.get(`/rounds/${roundId}/leaderboard/me`, people[2].token)).body).toEqual(expect.objectContaining({ rank: 2, score: 3, total: 4 }));
      const better = await enter(httpA, people[2], roundId, setup.questions, 5);
      expect(better.rank).toBe(1);
      const top = await httpB.get(`/rounds/${roundId}/leaderboard?limit=2`, people[0].token);
      expect(top.body.items.map((x: any) => [x.userId, x.score])).toEqual([
        [people[2].user.id, 5],
        [people[1].user.id, 4],
      ]);
      expect(top.body.total).toBe(4);
    });

    it('lets staff of the organisation read it and hides it from other tenants (404)', async () => {
      expect((await httpA.get(`/rounds/${roundId}/leaderboard`, setup.organiser.token)).status).toBe(200);
      const judge = await newStaff(httpA, admin, 'judge', setup.org.id);
      // SPEC: a judge sees the rounds assigned to them.
      expectError(await httpA.get(`/rounds/${roundId}/leaderboard`, judge.token), 403);
      await ok(httpA.post(`/rounds/${roundId}/judges`, { userId: judge.user.id }, setup.organiser.token), 'assign judge');
      expect((await httpA.get(`/rounds/${roundId}/leaderboard`, judge.token)).body.total).toBe(4);
      const otherOrg = await newOrganisation(httpA, admin);
      const foreign = await newStaff(httpA, admin, 'organiser', otherOrg.id);
      expectError(await httpA.get(`/rounds/${roundId}/leaderboard`, foreign.token), 404);
      expectError(await httpA.get(`/rounds/00000000-0000-4000-8000-000000000000/leaderboard`, people[0].token), 404);
    });

    it('rebuilds from PostgreSQL to exactly the same ranks, even after Redis lost the board', async () => {
      const store = a.app.get(BoardStore);
      const k = store.round(roundId);
      const before = await store.redis.zrevrange(k.board('live'), 0, -1, 'WITHSCORES');
      expect(before.length).toBe(8);
      await a.app.get(LeaderboardService).rebuild(roundId);
      expect(await store.redis.zrevrange(k.board('live'), 0, -1, 'WITHSCORES')).toEqual(before);
      await store.redis.del(k.board('live'), k.who('live'), k.names);
      expect((await httpA.get(`/rounds/${roundId}/leaderboard`, people[0].token)).body.total).toBe(0);
      const r = await b.app.get(LeaderboardService).rebuild(roundId);
      expect(r.entries).toBe(4);
      expect(await store.redis.zrevrange(k.board('live'), 0, -1, 'WITHSCORES')).toEqual(before);
      const page = await httpA.get(`/rounds/${roundId}/leaderboard`, people[0].token);
      expect(page.body.items.map((x: any) => x.displayName)).toEqual(['Lê M. C.', 'Trần V. A.', 'Nguyễn T. B.', 'Phạm Đ. H.']);
    });

    it('removes a resident from the board (void), then takes back their best remaining attempt', async () => {
      const boards = b.app.get(LeaderboardService);
      await boards.removeUser(roundId, people[1].user.id);
      const after = await httpA.get(`/rounds/${roundId}/leaderboard`, people[0].token);
      expect(after.body.total).toBe(3);
      expect(after.body.items.map((x: any) => x.userId)).not.toContain(people[1].user.id);
      expect((await httpA.get(`/rounds/${roundId}/leaderboard/me`, people[0].token)).body.rank).toBe(2);
      await boards.rebuild(roundId);
      expect((await httpA.get(`/rounds/${roundId}/leaderboard`, people[0].token)).body.total).toBe(4);
    });
  });

  describe('live pushes', () => {
    it('joins only visible rounds, and pushes one update per second computed once for the whole cluster', async () => {
      const { round, contest } = await liveQuiz(httpA, setup, { maxAttempts: 5 });
      const watcher = await entrant(httpA, contest.id);
      const runners = [await entrant(httpB, contest.id), await entrant(httpA, contest.id)];
      const onA = track(connect(a.url, { token: watcher.token }));
      const staffOnB = track(connect(b.url, { token: setup.organiser.token }));
      await Promise.all([connected(onA), connected(staffOnB)]);

      const joinA = await onA.timeout(5000).emitWithAck('leaderboard:join', { roundId: round.id });
      expect(joinA).toEqual(
        expect.objectContaining({
          ok: true,
          roundId: round.id,
          frozen: false,
          total: 0,
          top: [],
          me: { rank: null, score: null, timeTakenMs: null, total: 0 },
        }),
      );
      expect((await staffOnB.timeout(5000).emitWithAck('leaderboard:join', { roundId: round.id })).ok).toBe(true);
      const unknown = await onA.timeout(5000).emitWithAck('leaderboard:join', { roundId: '00000000-0000-4000-8000-000000000000' });
      expect(unknown).toEqual({ ok: false, error: expect.objectContaining({ statusCode: 404 }) });

      const upA = collect(onA, 'leaderboard:update');
      const upB = collect(staffOnB, 'leaderboard:update');
      // Six entries in about two seconds, through both instances.
      const best = new Map<string, number>();
      for (let i = 0; i < 6; i++) {
        const e = await enter(i % 2 ? httpA : httpB, runners[i % 2], round.id, setup.questions, i % 5);
        const id = runners[i % 2].user.id;
        best.set(id, Math.max(best.get(id) ?? -1, e.score));
      }
      // Matched on content, not time: a later entry that does not beat a best changes nothing, so no push follows it.
      const final = await until(upA, (u: any) => u.total === 2 && u.top?.every((r: any) => r.score === best.get(r.userId)), 4000);
      expect(final.top.map((r: any) => r.userId).sort()).toEqual(runners.map((r) => r.user.id).sort());
      await until(upB, (u: any) => u.at === final.at, 2000);
      await sleep(1200);

      for (const c of [upA, upB]) {
        const ats = c.items.map((i) => Date.parse(i.payload.at));
        expect(ats.length).toBeGreaterThan(0);
        // At most one per second: ticks are claimed per round per second across instances.
        for (let i = 1; i < ats.length; i++) expect(ats[i] - ats[i - 1]).toBeGreaterThanOrEqual(900);
      }
      // The same computed payloads reached both instances' sockets (one computation, broadcast).
      expect(upB.items.map((i) => i.payload.at)).toEqual(upA.items.map((i) => i.payload.at));
      // Updates come with the server clock (`at`), once: no serverTime beside it.
      expect(Math.abs(Date.parse(final.at) - Date.now())).toBeLessThan(5000);
      expect(final).not.toHaveProperty('serverTime');
    });

    it('pushes rank:update to residents whose rank changed — the submitter and a watcher who was passed', async () => {
      const { round, contest } = await liveQuiz(httpA, setup, { maxAttempts: 3 });
      const leader = await entrant(httpA, contest.id);
      const chaser = await entrant(httpB, contest.id);
      await enter(httpA, leader, round.id, setup.questions, 2);
      const leaderSock = track(connect(b.url, { token: leader.token }));
      const chaserSock = track(connect(a.url, { token: chaser.token })); // connected, not watching the board
      await Promise.all([connected(leaderSock), connected(chaserSock)]);
      const joined = await leaderSock.timeout(5000).emitWithAck('leaderboard:join', { roundId: round.id });
      expect(joined.me).toEqual(expect.objectContaining({ rank: 1, score: 2 }));
      const leaderRanks = collect(leaderSock, 'rank:update');
      const chaserRanks = collect(chaserSock, 'rank:update');

      await enter(httpB, chaser, round.id, setup.questions, 4);
      expect(await until(chaserRanks, (u: any) => u.rank === 1, 4000)).toEqual(expect.objectContaining({ roundId: round.id, rank: 1, score: 4, total: 2 }));
      expect(await until(leaderRanks, (u: any) => u.rank === 2, 4000)).toEqual(expect.objectContaining({ roundId: round.id, rank: 2, score: 2, total: 2 }));
      await sleep(1500);
      // Only on change: nothing more while nothing moved.
      expect(leaderRanks.items).toHaveLength(1);
      expect(chaserRanks.items).toHaveLength(1);
    });

    it('does not show rounds of unpublished contests to residents, on HTTP or sockets', async () => {
      const { newContest, quizRound } = await import('../../contests/test/factories');
      const c = await newContest(httpA, setup.organiser);
      const r = await httpA.post(`/contests/${c.id}/rounds`, quizRound(setup.bankId), setup.organiser.token);
      expect(r.status).toBe(201);
      const resident = await newResident(httpA);
      expectError(await httpA.get(`/rounds/${r.body.id}/leaderboard`, resident.token), 404);
      const s = track(connect(a.url, { token: resident.token }));
      await connected(s);
      expect((await s.timeout(5000).emitWithAck('leaderboard:join', { roundId: r.body.id })).error.statusCode).toBe(404);
      expect((await httpA.get(`/rounds/${r.body.id}/leaderboard`, setup.organiser.token)).status).toBe(200);
    });
  });

  describe('visibility', () => {
    it('hidden: residents get 403 until results are published, staff see the board', async () => {
      const { round, contest } = await liveQuiz(httpA, setup, { leaderboard: { visibility: 'hidden' } });
      const r = await entrant(httpA, contest.id);
      const sub = await enter(httpA, r, round.id, setup.questions, 3);
      expect(sub.rank).toBeNull();
      const denied = expectError(await httpA.get(`/rounds/${round.id}/leaderboard`, r.token), 403);
      expect(denied.code).toBe('leaderboard_hidden');
      expectError(await httpA.get(`/rounds/${round.id}/leaderboard/me`, r.token), 403);
      const s = track(connect(b.url, { token: r.token }));
      await connected(s);
      expect((await s.timeout(5000).emitWithAck('leaderboard:join', { roundId: round.id })).error).toEqual(
        expect.objectContaining({ statusCode: 403, code: 'leaderboard_hidden' }),
      );
      expect((await httpB.get(`/rounds/${round.id}/leaderboard`, setup.organiser.token)).body.total).toBe(1);

      await publishResults(round.id);
      expect((await httpA.get(`/rounds/${round.id}/leaderboard`, r.token)).body.items[0].userId).toBe(r.user.id);
    });

    it('frozen: after freezeAt residents see the snapshot, staff the true board; publication unfreezes', async () => {
      const freezeAt = Date.now() + 4000;
      const { round, contest } = await liveQuiz(httpA, setup, { maxAttempts: 3, leaderboard: { visibility: 'frozen', freezeAt: iso(freezeAt) } });
      const early = await entrant(httpA, contest.id);
      const late = await entrant(httpB, contest.id);
      await enter(httpA, early, round.id, setup.questions, 2);
      expect((await httpA.get(`/rounds/${round.id}/leaderboard`, late.token)).body).toEqual(expect.objectContaining({ total: 1, frozen: false }));
      await sleep(Math.max(0, freezeAt - Date.now() + 100));

      await enter(httpB, late, round.id, setup.questions, 5);
      await enter(httpA, early, round.id, setup.questions, 4); // better, but after the freeze
      const resident = await httpB.get(`/rounds/${round.id}/leaderboard`, late.token);
      expect(resident.body.frozen).toBe(true);
      expect(resident.body.items.map((x: any) => [x.userId, x.score])).toEqual([[early.user.id, 2]]);
      expect((await httpA.get(`/rounds/${round.id}/leaderboard/me`, late.token)).body).toEqual({ rank: null, score: null, timeTakenMs: null, total: 1 });
      const staff = await httpA.get(`/rounds/${round.id}/leaderboard`, setup.organiser.token);
      expect(staff.body.frozen).toBe(false);
      expect(staff.body.items.map((x: any) => [x.userId, x.score])).toEqual([
        [late.user.id, 5],
        [early.user.id, 4],
      ]);
      // A watcher joining now gets the frozen board.
      const s = track(connect(a.url, { token: late.token }));
      await connected(s);
      const j = await s.timeout(5000).emitWithAck('leaderboard:join', { roundId: round.id });
      expect(j).toEqual(expect.objectContaining({ ok: true, frozen: true, total: 1 }));

      await publishResults(round.id);
      const after = await httpB.get(`/rounds/${round.id}/leaderboard`, late.token);
      expect(after.body.frozen).toBe(false);
      expect(after.body.items[0].userId).toBe(late.user.id);
    });
  });

  describe('slim pushes: the top only when it changed (issue 18)', () => {
    // A provincial contest's board: long names (shortened on the board) and long units.
    const PEOPLE = [
      ['Nguyễn Thị Thanh Hương', 'Ủy ban nhân dân phường Hạ Long', 'Quảng Ninh'],
      ['Trần Văn Quyết', 'Trường Trung học phổ thông chuyên Hạ Long', 'Quảng Ninh'],
      ['Lê Hoàng Phương Thảo', 'Công an phường Bãi Cháy', 'Quảng Ninh'],
      ['Phạm Đức Thắng', 'Hội Liên hiệp Phụ nữ xã Quảng Đức', 'Quảng Ninh'],
      ['Hoàng Thị Ngọc Ánh', 'Trường Tiểu học Trần Quốc Toản', 'Hải Phòng'],
      ['Vũ Minh Đức', 'Ban Chỉ huy Quân sự phường Cẩm Phả', 'Quảng Ninh'],
      ['Đặng Thị Thu Trang', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Tiên Yên', 'Quảng Ninh'],
      ['Bùi Quang Huy', 'Bệnh viện Đa khoa tỉnh Quảng Ninh', 'Quảng Ninh'],
      ['Đỗ Thị Kim Liên', 'Trường Trung học cơ sở Lê Văn Tám', 'Thành phố Hồ Chí Minh'],
      ['Hồ Văn Trường', 'Hợp tác xã Nông nghiệp Đông Triều', 'Quảng Ninh'],
      ['Ngô Thị Bích Ngọc', 'Phòng Tư pháp đặc khu Vân Đồn', 'Quảng Ninh'],
      ['Dương Văn Khải', 'Công ty Than Hòn Gai', 'Quảng Ninh'],
      ['Lý Thị Mỹ Duyên', 'Ủy ban Mặt trận Tổ quốc phường Uông Bí', 'Quảng Ninh'],
      ['Trịnh Xuân Bách', 'Trường Đại học Hạ Long', 'Quảng Ninh'],
      ['Phan Thị Hồng Nhung', 'Hội Cựu chiến binh xã Hải Hà', 'Quảng Ninh'],
      ['Tạ Quốc Việt', 'Chi cục Thuế khu vực Móng Cái', 'Quảng Ninh'],
      ['Lương Thị Thúy Hằng', 'Trường Mầm non Hoa Phong Lan', 'Thái Nguyên'],
      ['Mai Đình Phúc', 'Ban Quản lý vịnh Hạ Long', 'Quảng Ninh'],
      ['Châu Thị Diễm My', 'Ngân hàng Chính sách xã hội tỉnh Quảng Ninh', 'Quảng Ninh'],
      ['Kiều Văn Nghĩa', 'Trung tâm Y tế đặc khu Cô Tô', 'Quảng Ninh'],
    ];
    /** The message on the WebSocket: Engine.IO "4", Socket.IO "2/live,", then the JSON. */
    const wireBytes = (p: unknown) => Buffer.byteLength(`42/live,${JSON.stringify(['leaderboard:update', p])}`);
    let roundId: string;
    let contestId: string;
    const entrants: Session[] = [];
    let staffUp: ReturnType<typeof collect<any>>;
    let residentUp: ReturnType<typeof collect<any>>;
    /** A resident's page that takes patches, and the rows it holds (from its join, then each push folded in). */
    let patchUp: ReturnType<typeof collect<any>>;
    const patcherRows: { rows: any[] | null; hash: string | null; unknown: number } = { rows: null, hash: null, unknown: 0 };
    /** One more entrant who answers everything wrong: below all twenty, so the top does not move. */
    const belowTop = async (api: Http) => {
      const p = await entrant(api, contestId, { unit: 'Tổ dân phố số 7 phường Hồng Gai' }, { fullName: 'Nguyễn Văn Cuối' });
      return () => enter(api, p, roundId, setup.questions, 0).then(() => undefined);
    };
    /**
     * Makes a change, then has `api` compute the push itself. Both instances' automatic ticks are
     * held meanwhile (a tick in flight makes the next one skip): on a loaded machine a change can
     * take longer than a second, and an automatic tick would push it first.
     */
    const pushedBy = async (api: TestApi, changes: (() => Promise<void>)[]) => {
      const tickers = [a, b].map((t) => t.app.get(LiveTicker) as unknown as { inFlight: Promise<void> | null });
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      for (const t of tickers) {
        await t.inFlight;
        t.inFlight = held;
      }
      try {
        await sleep(1000); // past the spacing after the last automatic claim
        for (const change of changes) {
          await change();
          if ((await api.app.get(LiveTicker).tick()).includes(roundId)) return;
        }
        throw new Error('no change made the board dirty');
      } finally {
        release();
        for (const t of tickers) if (t.inFlight === held) t.inFlight = null;
      }
    };

    beforeAll(async () => {
      const q = await liveQuiz(httpA, setup, { maxAttempts: 3, attemptScoring: 'best' });
      roundId = q.round.id;
      contestId = q.contest.id;
      for (const [i, [fullName, unit, province]] of PEOPLE.entries()) {
        entrants.push(await entrant(i % 2 ? httpB : httpA, contestId, { unit }, { fullName, province }));
      }
      const staff = track(connect(b.url, { token: setup.organiser.token }));
      const resident = track(connect(a.url, { token: entrants[0].token }));
      await Promise.all([connected(staff), connected(resident)]);
      for (const s of [staff, resident]) expect((await s.timeout(5000).emitWithAck('leaderboard:join', { roundId })).ok).toBe(true);
      staffUp = collect(staff, 'leaderboard:update');
      residentUp = collect(resident, 'leaderboard:update');
      const patcher = track(connect(b.url, { token: entrants[1].token }));
      await connected(patcher);
      const joined = await patcher.timeout(5000).emitWithAck('leaderboard:join', { roundId, patches: true });
      Object.assign(patcherRows, { rows: joined.top, hash: joined.topHash });
      patchUp = collect(patcher, 'leaderboard:update');
      patcher.on('leaderboard:update', (u: any) => {
        if (u.top) Object.assign(patcherRows, { rows: u.top, hash: u.topHash });
        else if (u.topPatch && patcherRows.rows && u.topPatch.base === patcherRows.hash)
          Object.assign(patcherRows, { rows: applyTopPatch(patcherRows.rows, u.topPatch.rows), hash: u.topHash });
        else if (u.topHash !== patcherRows.hash) patcherRows.unknown++;
      });
      // 1 to 5 right answers each; entries alternate between the instances.
      for (const [i, p] of entrants.entries()) await enter(i % 2 ? httpA : httpB, p, roundId, setup.questions, 1 + (i % 5));
      for (const c of [staffUp, residentUp]) await until(c, (u: any) => u.top?.length === 20 && u.total === 20, 8000);
      await sleep(1500); // the last ticks
    });

    it('sends a 20-row board once, then leaves the unchanged top out: one hash, the total and the time, under 1 KB', async () => {
      const full = staffUp.items.filter((i) => i.payload.top).at(-1)!.payload;
      expect(full.top).toHaveLength(20);
      expect(full.top[0]).toEqual({
        rank: 1,
        userId: expect.any(String),
        displayName: expect.stringMatching(/^[^ ]+ .+\.$/),
        unit: expect.any(String),
        province: expect.any(String),
        score: 5,
        timeTakenMs: expect.any(Number),
      });
      expect(full).toEqual({ roundId, top: full.top, topHash: expect.stringMatching(/^[\w-]{8}$/), total: 20, at: expect.any(String), frozen: false });
      expect(wireBytes(full)).toBeGreaterThan(2500);

      const n = staffUp.items.length;
      await (
        await belowTop(httpA)
      )();
      const slim = await until(staffUp, (u: any) => u.total === 21, 4000);
      expect(slim).toEqual({ roundId, topHash: full.topHash, total: 21, at: expect.any(String), frozen: false });
      expect(wireBytes(slim)).toBeLessThan(1024);
      // Not a board and its same rows again, but no rows at all: the residents' room too (same rows there).
      expect(await until(residentUp, (u: any) => u.total === 21, 2000)).toEqual(slim);
      expect(staffUp.items.slice(n).every((i) => !i.payload.top)).toBe(true);
      process.stdout.write(`leaderboard:update bytes on the wire: with the 20 rows ${wireBytes(full)}, without ${wireBytes(slim)}\n`);
    });

    it('the previous push is the cluster’s: one instance pushes the rows, the other then leaves them out', async () => {
      // Entrants with 1 right answer retry with all right: the top changes, and instance A computes the push.
      const before = staffUp.items.filter((i) => i.payload.top).at(-1)!.payload;
      const n = staffUp.items.length;
      const improve = [5, 10, 15].map((i) => () => enter(httpA, entrants[i], roundId, setup.questions, 5).then(() => undefined));
      await pushedBy(a, improve);
      await sleep(300); // through the Redis adapter to B's socket
      const changed = staffUp.items
        .slice(n)
        .filter((i) => i.payload.top)
        .at(-1)!.payload;
      expect(changed.topHash).not.toBe(before.topHash);
      expect(changed.top.slice(0, 5).filter((r: any) => r.score === 5).length).toBeGreaterThan(4);
      // Then B pushes an unchanged top: it knows what A sent.
      const m = staffUp.items.length;
      await pushedBy(b, [await belowTop(httpB), await belowTop(httpA), await belowTop(httpB)]);
      await sleep(300);
      const slim = staffUp.items.slice(m).map((i) => i.payload);
      expect(slim.length).toBeGreaterThan(0);
      for (const u of slim) expect(u).toEqual({ roundId, topHash: changed.topHash, total: expect.any(Number), at: expect.any(String), frozen: false });
      expect(await until(after(residentUp, 0), (u: any) => u.at === slim.at(-1)!.at, 2000)).toEqual(slim.at(-1));
    });

    it('a page that takes patches gets a changed top as a patch on the rows it holds, under 1 KB; the others get the rows', async () => {
      const n = residentUp.items.length;
      await pushedBy(
        a,
        [3, 8].map((i) => () => enter(httpA, entrants[i], roundId, setup.questions, 5).then(() => undefined)),
      );
      const full = await until(after(residentUp, n), (u: any) => Array.isArray(u.top), 3000);
      const patched = await until(patchUp, (u: any) => u.at === full.at, 3000);
      expect(patched).toEqual({
        roundId,
        topPatch: { base: expect.any(String), rows: expect.any(Array) },
        topHash: full.topHash,
        total: full.total,
        at: full.at,
        frozen: false,
      });
      // Most rows are said by their place in the previous top; the page rebuilds exactly the rows the others got.
      const whole = patched.topPatch.rows.filter((r: unknown) => Array.isArray(r) && r.length === 7);
      expect(whole.length).toBeGreaterThan(0);
      expect(whole.length).toBeLessThan(5);
      // Their user ids in 22 characters (16 bytes, base64url), not the 36 of a UUID.
      for (const w of whole) expect(w[1]).toMatch(/^[\w-]{22}$/);
      await sleep(100);
      expect(patcherRows).toEqual({ rows: full.top, hash: full.topHash, unknown: 0 });
      expect(wireBytes(patched)).toBeLessThan(1024);
      expect(wireBytes(full)).toBeGreaterThan(2500);
      process.stdout.write(`leaderboard:update bytes on the wire: changed top as rows ${wireBytes(full)}, as a patch ${wireBytes(patched)}\n`);
    });

    it('a socket joining later gets the rows in the join answer, then keeps them through pushes without rows', async () => {
      const late = track(connect(b.url, { token: entrants[7].token }));
      await connected(late);
      const ack = await late.timeout(5000).emitWithAck('leaderboard:join', { roundId });
      expect(ack.ok).toBe(true);
      expect(ack.top).toHaveLength(20);
      const lastPushed = staffUp.items.filter((i) => i.payload.top).at(-1)!.payload;
      expect(ack.topHash).toBe(lastPushed.topHash);
      expect(ack.top).toEqual(lastPushed.top);
      const lateUp = collect(late, 'leaderboard:update');
      await (
        await belowTop(httpB)
      )();
      const next = await until(lateUp, () => true, 4000);
      expect(next.top).toBeUndefined();
      // The hash names exactly the rows it holds from the join.
      expect(next.topHash).toBe(ack.topHash);
    });
  });

  describe('slim pushes keep staff and residents apart', () => {
    it("an open prediction's concealed top stays the same for residents while the true top changes for staff", async () => {
      const { newContest, quizRound } = await import('../../contests/test/factories');
      const c = await newContest(httpA, setup.organiser);
      const round = await ok(
        httpA.post(
          `/contests/${c.id}/rounds`,
          quizRound(setup.bankId, {
            selection: [{ bankId: setup.bankId, count: 3 }],
            predictionQuestion: { prompt: 'Có bao nhiêu người trả lời đúng tất cả?', target: 'perfect-score-entrants', countBy: 'people' },
          }),
          setup.organiser.token,
        ),
        'prediction round',
      );
      await ok(httpA.post(`/contests/${c.id}/publish`, {}, setup.organiser.token), 'publish');
      const runner = await entrant(httpA, c.id, { unit: 'Trường THPT Hòn Gai' }, { fullName: 'Phạm Thị Hồng Vân' });
      const watcher = await entrant(httpB, c.id);
      const staff = track(connect(a.url, { token: setup.organiser.token }));
      const resident = track(connect(b.url, { token: watcher.token }));
      await Promise.all([connected(staff), connected(resident)]);
      for (const s of [staff, resident]) expect((await s.timeout(5000).emitWithAck('leaderboard:join', { roundId: round.id })).ok).toBe(true);
      const staffUp = collect(staff, 'leaderboard:update');
      const residentUp = collect(resident, 'leaderboard:update');
      const e = await enter(httpA, runner, round.id, setup.questions, 2);
      const first = await until(staffUp, (u: any) => u.top?.length === 1, 4000);
      const firstR = await until(residentUp, (u: any) => u.top?.length === 1, 2000);
      expect(first.top[0].score).toBe(2);
      expect(firstR.top[0].score).toBeNull();
      expect(firstR.concealed).toEqual(expect.objectContaining({ reason: 'prediction_open', hidden: expect.arrayContaining(['scores']) }));
      // Each room's hash names its own rows: the residents' never the true ones.
      expect(firstR.topHash).not.toBe(first.topHash);

      // A better attempt in the same time (recorded as its submit would): only the concealed figure changes.
      const n = staffUp.items.length;
      const r = residentUp.items.length;
      await a.app.get(LeaderboardService).record({
        roundId: round.id,
        userId: runner.user.id,
        attemptId: e.attemptId,
        score: 3,
        timeTakenMs: e.timeTakenMs,
        submittedAt: new Date(),
        scoring: 'best',
      });
      const toStaff = await until({ items: staffUp.items }, (u: any) => u.top?.[0]?.score === 3, 4000);
      expect(staffUp.items.length).toBeGreaterThan(n);
      const toResidents = await until(after(residentUp, r), (u: any) => u.at === toStaff.at, 2000);
      // Residents learn nothing new: no rows, the same hash as before.
      expect(toResidents).toEqual({ roundId: round.id, topHash: firstR.topHash, total: 1, at: toStaff.at, frozen: false, concealed: firstR.concealed });
      expect(toStaff.topHash).not.toBe(first.topHash);

      // Pushed out of the top N, the runner's own place (what their submit answers with) is withheld while the prediction is open.
      const lb = a.app.get(LeaderboardService);
      const best = { roundId: round.id, score: 10, submittedAt: new Date(), scoring: 'best' as const };
      for (let i = 0; i < TOP_N; i++) await lb.record({ ...best, userId: randomUUID(), attemptId: randomUUID(), timeTakenMs: 1000 + i });
      const mine = await lb.record({ ...best, userId: runner.user.id, attemptId: e.attemptId, score: 3, timeTakenMs: e.timeTakenMs });
      expect(mine.rank).toBeNull();
      expect(mine.score).toBe(3);
      expect((await lb.rankOf(round.id, runner.user.id)).rank).toBe(TOP_N + 1);
    });
  });

  /** What a collector receives from its `n`-th item on (a live view for `until`). */
  function after<T>(c: { items: { payload: T }[] }, n: number): { items: { payload: T }[] } {
    return {
      get items() {
        return c.items.slice(n);
      },
    };
  }

  /** Results publication belongs to judging; its effect on the board is the round's status. */
  async function publishResults(roundId: string): Promise<void> {
    const { DataSource } = await import('typeorm');
    await a.app.get(DataSource).query(`UPDATE round SET status = 'published' WHERE id = $1`, [roundId]);
    await sleep(2100); // round settings are cached for 2 s per instance
  }
});
