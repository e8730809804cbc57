import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { AccessService, Actor } from '@lc/identity';
import { ClockService, DomainError, notFound, PagingQuery, ReadReplica } from '@lc/platform';
import { encodeEntry, EncodedEntry, replaces, Scoring } from './board/board-encoding';
import { BoardName } from './board/board-keys';
import { BoardStore, RankedEntry } from './board/board-store';
import { DisplayNamesService } from './display/display-names.service';
import { LeaderboardPage, LeaderboardRecord, LeaderboardRow, MyStanding } from './leaderboard.types';
import { RoundInfoService } from './rounds/round-info.service';
import { BoardView, boardViewFor, residentMayKnow, RoundBoardInfo } from './rounds/visibility';
import { concealmentFor, concealRows, concealStanding, concealTotal, visibleRange } from './rounds/prediction-guard';
import { countedEntryBatch, type EntryRow, type RowSource } from './board/board-source-store';

export const leaderboardHidden = () => new DomainError('leaderboard_hidden', 403, 'The leaderboard of this round is hidden until its results are published');

/** Users per SQL batch when a board is rebuilt. */
const REBUILD_USERS_PER_BATCH = 5000;

export interface ResolvedBoard {
  info: RoundBoardInfo;
  view: BoardView;
  staff: boolean;
}

/**
 * Live leaderboards: one Redis sorted set per round (see board-encoding.ts for the order),
 * fed by attempts after each committed submission and rebuilt from PostgreSQL on demand.
 */
@Injectable()
export class LeaderboardService {
  constructor(
    private readonly store: BoardStore,
    private readonly rounds: RoundInfoService,
    private readonly names: DisplayNamesService,
    private readonly access: AccessService,
    private readonly clock: ClockService,
    private readonly replica: ReadReplica,
  ) {}

  /** Rebuilds read the streaming replica once it has caught up with everything committed so far (else the primary). */
  private readonly rebuildSource: RowSource = { query: (sql, params) => this.replica.queryCaughtUp(sql, params) };

  /**
   * Idempotent: recording the same attempt twice changes nothing. With `best`, a worse attempt changes nothing either.
   * Returns the user's place on the live board afterwards as they may know it (residentRankOf), read in the same round trip.
   */
  async record(entry: LeaderboardRecord): Promise<MyStanding> {
    const submittedAtMs = entry.submittedAt.getTime();
    const e = encodeEntry({ userId: entry.userId, score: entry.score, timeTakenMs: entry.timeTakenMs, submittedAtMs });
    return this.residentView(
      entry.roundId,
      this.store.record(entry.roundId, entry.userId, e, entry.scoring, submittedAtMs).then((r) => r.standing),
    );
  }

  /**
   * Takes the user off the round's boards (e.g. after a void); the caller then records their
   * best remaining attempt. The frozen snapshot, which that call cannot know about, is
   * re-derived for this user from PostgreSQL here.
   */
  async removeUser(roundId: string, userId: string): Promise<void> {
    await this.store.remove(roundId, userId);
    const frozenAt = await this.store.redis.get(this.store.round(roundId).frozenAt);
    if (frozenAt === null) return;
    const info = await this.rounds.get(roundId);
    if (!info) return;
    const entries = await this.entriesFromDb(info, { beforeMs: Number(frozenAt), userId });
    await this.store.merge(
      roundId,
      'frozen',
      info.scoring,
      entries.map(({ userId: u, e }) => ({ userId: u, e })),
    );
  }

  /**
   * Rebuilds the round's board from PostgreSQL (submitted and expired attempts; void never
   * counts) into a side key, then swaps it in atomically: readers never see a half board, and
   * records arriving meanwhile land in both.
   */
  async rebuild(roundId: string): Promise<{ entries: number }> {
    this.rounds.forget(roundId);
    const info = await this.rounds.get(roundId);
    if (!info) throw notFound('Round');
    let token = await this.store.beginRebuild(roundId);
    for (let waited = 0; !token && waited < 600; waited++) {
      // Another process rebuilds this round: wait for it, then rebuild again (it may predate our call).
      await sleep(1000);
      token = await this.store.beginRebuild(roundId);
    }
    if (!token) throw new Error(`rebuild of round ${roundId} is stuck behind another one`);
    try {
      let count = 0;
      for await (const batch of this.batchesFromDb(info, {})) {
        await this.store.loadTmp(roundId, info.scoring, batch);
        await this.names.prime(
          roundId,
          batch.map((b) => ({ userId: b.userId, fullName: b.fullName, unit: b.unit, province: b.province })),
        );
        count += batch.length;
      }
      if (!(await this.store.finishRebuild(roundId, token))) throw new Error(`rebuild of round ${roundId} lost its lock`);
      return { entries: count };
    } catch (e) {
      await this.store.abortRebuild(roundId, token);
      throw e;
    }
  }

  /** Every board that should exist (open, closed and published rounds). */
  async rebuildAll(onRound?: (roundId: string, entries: number) => void): Promise<{ rounds: number; entries: number }> {
    let entries = 0;
    const ids = await this.rounds.boardRoundIds();
    for (const id of ids) {
      const r = await this.rebuild(id);
      entries += r.entries;
      onRound?.(id, r.entries);
    }
    return { rounds: ids.length, entries };
  }

  /** Who may see the board, and which one: staff of the organisation the true one, residents per the round's visibility. */
  async resolve(actor: Actor, roundId: string): Promise<ResolvedBoard> {
    const info = await this.rounds.get(roundId);
    if (!info) throw notFound('Round');
    if (actor.role !== 'resident') {
      await this.access.require(actor, 'round', roundId, 'read');
      return { info, view: 'live', staff: true };
    }
    const known = residentMayKnow(info, false) || (info.status !== 'draft' && (await this.rounds.isRegistered(info.contestId, actor.id)));
    if (!known) throw notFound('Round');
    return { info, view: boardViewFor(info, false, this.clock.now()), staff: false };
  }

  /** GET /rounds/:id/leaderboard (residents: only the top N while an open prediction would be given away). */
  async page(actor: Actor, roundId: string, q: PagingQuery): Promise<LeaderboardPage> {
    const { info, view, staff } = await this.resolve(actor, roundId);
    const board = await this.boardFor(info, view);
    const concealed = concealmentFor(info, staff);
    const range = visibleRange(q.offset, q.limit, concealed);
    const { entries, total } = range ? await this.store.range(roundId, board, range.offset, range.limit) : { entries: [], total: 0 };
    const page: LeaderboardPage = {
      items: concealRows(await this.rows(info, entries), concealed, actor.id),
      total: concealTotal(total, concealed),
      frozen: view === 'frozen',
      at: this.clock.nowDate().toISOString(),
    };
    if (concealed) page.concealed = concealed;
    return page;
  }

  /** GET /rounds/:id/leaderboard/me */
  async me(actor: Actor, roundId: string): Promise<MyStanding> {
    const { info, view, staff } = await this.resolve(actor, roundId);
    const board = await this.boardFor(info, view);
    const { ranks } = await this.store.ranks(roundId, board, [actor.id]);
    const r = ranks.get(actor.id)!;
    const concealed = concealmentFor(info, staff);
    const mine: MyStanding = concealStanding({ rank: r.rank, score: r.score, timeTakenMs: r.timeTakenMs, total: r.total }, concealed);
    if (concealed) mine.concealed = concealed;
    return mine;
  }

  /** The user's place on the true (live) board, no access check. */
  async rankOf(roundId: string, userId: string): Promise<MyStanding> {
    const { ranks } = await this.store.ranks(roundId, 'live', [userId]);
    return ranks.get(userId)!;
  }

  /** The resident's own place as they may know it (the submit response): withheld beyond the top N while the prediction is open. */
  async residentRankOf(roundId: string, userId: string): Promise<MyStanding> {
    return this.residentView(roundId, this.rankOf(roundId, userId));
  }

  /** A standing as its resident may know it: their place withheld beyond the top N while a prediction is open. */
  private async residentView(roundId: string, standing: Promise<MyStanding>): Promise<MyStanding> {
    const [info, s] = await Promise.all([this.rounds.get(roundId), standing]);
    return concealStanding(s, info ? concealmentFor(info, false) : null);
  }

  /** What an open prediction keeps from this resident on this round's board (null: nothing). */
  async concealmentOf(roundId: string, staff: boolean) {
    const info = await this.rounds.get(roundId);
    return info ? concealmentFor(info, staff) : null;
  }

  /** Places of many users on a board in one Redis round trip. */
  ranksOf(roundId: string, board: BoardName, userIds: string[]) {
    return this.store.ranks(roundId, board, userIds);
  }

  /** The top N with display data, for pushes. */
  async top(info: RoundBoardInfo, board: BoardName, n: number): Promise<{ top: LeaderboardRow[]; total: number }> {
    const { entries, total } = await this.store.range(info.id, board, 0, n);
    return { top: await this.rows(info, entries), total };
  }

  /** Makes sure the frozen snapshot exists (taken from PostgreSQL once per freeze) and names the board to read. */
  async boardFor(info: RoundBoardInfo, view: BoardView): Promise<BoardName> {
    if (view === 'hidden') throw leaderboardHidden();
    if (view === 'live') return 'live';
    await this.ensureFrozen(info);
    return 'frozen';
  }

  private async ensureFrozen(info: RoundBoardInfo): Promise<void> {
    const freezeAt = String(info.freezeAtMs);
    const k = this.store.round(info.id);
    const redis = this.store.redis;
    for (let tries = 0; ; tries++) {
      const [at, ready] = await redis.mget(k.frozenAt, k.frozenReady);
      if (at === freezeAt && ready) return;
      if (at !== null && at !== freezeAt) await redis.del(k.board('frozen'), k.who('frozen'), k.frozenAt, k.frozenReady, k.frozenAnnounced);
      if (await redis.set(k.frozenBuilding, '1', 'PX', 60_000, 'NX')) break;
      // Someone else is taking the snapshot; after ~5 s take it ourselves (merging is idempotent).
      if (tries >= 50) break;
      await sleep(100);
    }
    try {
      // From here on, records of submissions before the freeze also reach the snapshot.
      await redis.set(k.frozenAt, freezeAt);
      const entries = await this.entriesFromDb(info, { beforeMs: info.freezeAtMs! });
      await this.store.merge(info.id, 'frozen', info.scoring, entries);
      await redis.set(k.frozenReady, '1');
    } finally {
      await redis.del(k.frozenBuilding);
    }
  }

  /** The live top N with display data, and the users whose entry changed since the last push (taken): what a push reads, in one Redis round trip. */
  async liveTopForPush(info: RoundBoardInfo, n: number, changedMax: number): Promise<{ top: LeaderboardRow[]; total: number; changed: string[] }> {
    const read = await this.store.readTop(info.id, n, changedMax);
    return { top: await this.rows(info, read.entries, read.cachedNames), total: read.total, changed: read.changed };
  }

  private async rows(info: RoundBoardInfo, entries: RankedEntry[], cachedNames?: (string | null)[]): Promise<LeaderboardRow[]> {
    const ids = entries.map((e) => e.userId);
    const names = cachedNames ? await this.names.complete(info.id, info.contestId, ids, cachedNames) : await this.names.get(info.id, info.contestId, ids);
    return entries.map((e) => {
      const d = names.get(e.userId)!;
      return { rank: e.rank, userId: e.userId, displayName: d.displayName, unit: d.unit, province: d.province, score: e.score, timeTakenMs: e.timeTakenMs };
    });
  }

  private async entriesFromDb(info: RoundBoardInfo, opts: { beforeMs?: number; userId?: string }) {
    const all: { userId: string; e: EncodedEntry }[] = [];
    for await (const batch of this.batchesFromDb(info, opts)) all.push(...batch);
    return all;
  }

  /**
   * The round's counting attempts from PostgreSQL, reduced to one entry per user with the
   * same rule as the live compare-and-set (`replaces`), in batches of users.
   */
  private async *batchesFromDb(
    info: RoundBoardInfo,
    opts: { beforeMs?: number; userId?: string },
  ): AsyncGenerator<{ userId: string; e: EncodedEntry; fullName: string | null; unit: string | null; province: string | null }[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    const before = opts.beforeMs === undefined ? null : new Date(opts.beforeMs);
    for (;;) {
      const rows = await countedEntryBatch(this.rebuildSource, {
        roundId: info.id,
        contestId: info.contestId,
        after,
        limit: REBUILD_USERS_PER_BATCH,
        userId: opts.userId ?? null,
        before,
      });
      if (!rows.length) return;
      yield reduce(info.scoring, rows);
      after = rows.reduce((m, r) => (r.user_id > m ? r.user_id : m), after);
      if (opts.userId) return;
    }
  }
}

function reduce(scoring: Scoring, rows: EntryRow[]) {
  const best = new Map<string, { userId: string; e: EncodedEntry; fullName: string | null; unit: string | null; province: string | null }>();
  for (const r of rows) {
    const e = encodeEntry({ userId: r.user_id, score: r.score, timeTakenMs: Number(r.time_taken_ms), submittedAtMs: Number(r.submitted_ms) });
    const cur = best.get(r.user_id);
    if (replaces(scoring, e, cur?.e ?? null)) best.set(r.user_id, { userId: r.user_id, e, fullName: r.full_name, unit: r.unit, province: r.province });
  }
  return [...best.values()];
}
