import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { IdentityCoreModule } from '@lc/identity';
import { LeaderboardModule, LeaderboardService } from '@lc/leaderboard';
import { PlatformModule } from '@lc/platform';
import { ALL_ENTITIES } from '@lc/entities';
import { testConfig } from '../../../test/harness';
import { BoardStore } from '../src/board/board-store';

/**
 * Board behaviour against real Redis (no HTTP): ordering, best/last, idempotency, removal,
 * paging and ranks, through LeaderboardService exactly as attempts call it.
 */
describe('leaderboard boards (real Redis)', () => {
  let ctx: INestApplicationContext;
  let boards: LeaderboardService;
  let store: BoardStore;
  const t0 = Date.parse('2026-05-10T01:00:00Z');

  beforeAll(async () => {
    const mod = await Test.createTestingModule({
      imports: [PlatformModule.forRoot(testConfig(), ALL_ENTITIES), IdentityCoreModule, LeaderboardModule],
    }).compile();
    ctx = await mod.init();
    boards = ctx.get(LeaderboardService);
    store = ctx.get(BoardStore);
  });
  afterAll(() => ctx.close());

  const rec = (
    roundId: string,
    userId: string,
    score: number,
    timeTakenMs: number,
    submittedAt: number,
    scoring: 'best' | 'last' = 'best',
    attemptId = randomUUID(),
  ) => boards.record({ roundId, userId, attemptId, score, timeTakenMs, submittedAt: new Date(submittedAt), scoring });
  const order = async (roundId: string) => (await store.range(roundId, 'live', 0, 1000)).entries.map((e) => e.userId);

  it('ranks by score desc, then time taken asc, then earlier submission', async () => {
    const round = randomUUID();
    const [a, b, c, d, e] = Array.from({ length: 5 }, () => randomUUID());
    await rec(round, a, 8, 90_000, t0 + 5);
    await rec(round, b, 9, 120_000, t0 + 9);
    await rec(round, c, 8, 60_000, t0 + 7);
    await rec(round, d, 8, 60_000, t0 + 3);
    await rec(round, e, 7.5, 1_000, t0 + 1);
    expect(await order(round)).toEqual([b, d, c, a, e]);
    const page = await store.range(round, 'live', 0, 2);
    expect(page.total).toBe(5);
    expect(page.entries[1]).toEqual({ rank: 2, userId: d, score: 8, timeTakenMs: 60_000, submittedAtMs: t0 + 3 });
  });

  it('with best, keeps a resident once with their best attempt; recording twice changes nothing', async () => {
    const round = randomUUID();
    const u = randomUUID();
    const other = randomUUID();
    await rec(round, other, 6, 50_000, t0);
    // Each record answers with the place of the entry that counts, as the submit shows it.
    expect(await rec(round, u, 5, 40_000, t0 + 1)).toEqual({ rank: 2, score: 5, timeTakenMs: 40_000, total: 2 });
    expect(await rec(round, u, 9, 70_000, t0 + 2)).toEqual({ rank: 1, score: 9, timeTakenMs: 70_000, total: 2 });
    expect(await rec(round, u, 7, 10_000, t0 + 3)).toEqual({ rank: 1, score: 9, timeTakenMs: 70_000, total: 2 }); // worse: ignored
    await rec(round, u, 9, 65_000, t0 + 4); // same score, faster: replaces
    const r = await boards.rankOf(round, u);
    expect(r).toEqual({ rank: 1, score: 9, timeTakenMs: 65_000, total: 2 });

    const before = await store.redis.zrange(store.round(round).board('live'), 0, -1, 'WITHSCORES');
    await store.redis.del(store.round(round).changed);
    await rec(round, u, 9, 65_000, t0 + 4);
    expect(await store.redis.zrange(store.round(round).board('live'), 0, -1, 'WITHSCORES')).toEqual(before);
    // An idempotent replay does not even count as a change for the next push.
    expect(await store.redis.scard(store.round(round).changed)).toBe(0);
  });

  it('with last, the latest submission replaces, and a late-arriving older one does not', async () => {
    const round = randomUUID();
    const u = randomUUID();
    await rec(round, u, 9, 70_000, t0 + 10, 'last');
    await rec(round, u, 3, 20_000, t0 + 20, 'last');
    expect(await boards.rankOf(round, u)).toEqual({ rank: 1, score: 3, timeTakenMs: 20_000, total: 1 });
    await rec(round, u, 10, 5_000, t0 + 15, 'last');
    expect((await boards.rankOf(round, u)).score).toBe(3);
  });

  it('keeps the best under concurrent records of one resident (compare-and-set in Lua)', async () => {
    const round = randomUUID();
    const u = randomUUID();
    const scores = Array.from({ length: 60 }, (_, i) => (i * 37) % 61);
    await Promise.all(scores.map((s, i) => rec(round, u, s, 1000 + i, t0 + i)));
    const r = await boards.rankOf(round, u);
    expect(r.score).toBe(Math.max(...scores));
    expect(r.total).toBe(1);
    expect(await store.redis.hlen(store.round(round).who('live'))).toBe(1);
  });

  it('removes a resident (void) and the ranks below move up', async () => {
    const round = randomUUID();
    const users = Array.from({ length: 4 }, () => randomUUID());
    for (const [i, u] of users.entries()) await rec(round, u, 10 - i, 1000, t0 + i);
    await boards.removeUser(round, users[1]);
    expect(await order(round)).toEqual([users[0], users[2], users[3]]);
    expect(await boards.rankOf(round, users[1])).toEqual({ rank: null, score: null, timeTakenMs: null, total: 3 });
    expect((await boards.rankOf(round, users[3])).rank).toBe(3);
    // Then the caller records the best remaining attempt: it comes back in its place.
    await rec(round, users[1], 7.5, 1000, t0);
    expect(await order(round)).toEqual([users[0], users[2], users[1], users[3]]);
  });

  it('pages through a board and answers many ranks in one call', async () => {
    const round = randomUUID();
    const users = Array.from({ length: 250 }, () => randomUUID());
    await Promise.all(users.map((u, i) => rec(round, u, i % 50, 1000 + i, t0 + i)));
    const all = await order(round);
    const p1 = await store.range(round, 'live', 0, 100);
    const p3 = await store.range(round, 'live', 200, 100);
    expect(p1.entries.map((e) => e.userId)).toEqual(all.slice(0, 100));
    expect(p3.entries.map((e) => e.userId)).toEqual(all.slice(200));
    expect(p3.entries[0].rank).toBe(201);
    expect(p3.total).toBe(250);
    const some = [all[0], all[123], all[249], randomUUID()];
    const { ranks, total } = await boards.ranksOf(round, 'live', some);
    expect(total).toBe(250);
    expect(some.map((u) => ranks.get(u)!.rank)).toEqual([1, 124, 250, null]);
  });

  it('marks changed rounds dirty for the next push, and records who changed', async () => {
    const round = randomUUID();
    const u = randomUUID();
    await rec(round, u, 1, 1, t0);
    expect(await store.redis.sismember(store.keys.key('lb', 'dirty'), round)).toBe(1);
    expect(await store.redis.smembers(store.round(round).changed)).toEqual([u]);
  });

  it('writes records into the frozen snapshot only when submitted before the freeze', async () => {
    const round = randomUUID();
    const [early, late] = [randomUUID(), randomUUID()];
    const k = store.round(round);
    await store.redis.set(k.frozenAt, String(t0 + 100));
    await rec(round, early, 5, 1000, t0 + 99);
    await rec(round, late, 9, 1000, t0 + 100);
    expect((await store.range(round, 'frozen', 0, 10)).entries.map((e) => e.userId)).toEqual([early]);
    expect(await order(round)).toEqual([late, early]);
    await boards.removeUser(round, early).catch(() => undefined); // the SQL refill needs the contests tables; removal itself is Redis-only
    expect(await store.size(round, 'frozen')).toBe(0);
  });

  it('during a rebuild, records land on the side board too, and the swap is atomic', async () => {
    const round = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    await rec(round, a, 5, 1000, t0);
    const token = (await store.beginRebuild(round))!;
    expect(await store.beginRebuild(round)).toBeNull();
    await rec(round, b, 7, 1000, t0 + 1);
    expect(await store.size(round, 'tmp')).toBe(1);
    await store.loadTmp(round, 'best', [
      { userId: a, e: (await import('../src/board/board-encoding')).encodeEntry({ userId: a, score: 5, timeTakenMs: 1000, submittedAtMs: t0 }) },
    ]);
    expect(await store.finishRebuild(round, token)).toBe(true);
    expect(await order(round)).toEqual([b, a]);
    expect(await store.redis.exists(store.round(round).rebuilding)).toBe(0);
    expect(await store.redis.ttl(store.round(round).board('live'))).toBe(-1);
  });

  it("claims a round's push once per second of the Redis clock, at least 900 ms apart, whoever asks", async () => {
    const round = randomUUID();
    const first = await Promise.all(Array.from({ length: 10 }, () => store.claimTick(round)));
    const won = first.filter((x): x is number => x !== null);
    expect(won).toHaveLength(1);
    const claims = [won[0]];
    const end = Date.now() + 2600;
    while (Date.now() < end) {
      const c = await store.claimTick(round);
      if (c !== null) claims.push(c);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(claims.length).toBeGreaterThanOrEqual(2);
    expect(claims.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < claims.length; i++) {
      expect(claims[i] - claims[i - 1]).toBeGreaterThanOrEqual(900);
      expect(Math.floor(claims[i] / 1000)).toBeGreaterThan(Math.floor(claims[i - 1] / 1000));
    }
  });

  it("says which audiences must get the rows, and gives the residents' previous top only when theirs changed", async () => {
    const round = randomUUID();
    const row = (rank: number) => ({
      rank,
      userId: `u${rank}`,
      displayName: `Nguyễn Văn ${rank}`,
      unit: null,
      province: 'Quảng Ninh',
      score: 10 - rank,
      timeTakenMs: 1000,
    });
    const first = await store.swapPushedTops(round, { staff: { hash: 's1', rows: [] }, residents: { hash: 'r1', rows: [row(1)] } });
    expect(first).toEqual({ staff: true, residents: true, residentsBefore: null });
    const same = await store.swapPushedTops(round, { staff: { hash: 's1', rows: [] }, residents: { hash: 'r1', rows: [row(1)] } });
    expect(same).toEqual({ staff: false, residents: false, residentsBefore: null });
    const changed = await store.swapPushedTops(round, { staff: null, residents: { hash: 'r2', rows: [row(1), row(2)] } });
    expect(changed).toEqual({ staff: false, residents: true, residentsBefore: { hash: 'r1', rows: [row(1)] } });
  });
});
