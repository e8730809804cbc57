import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { REDIS, RedisClient, RedisKeys } from '@lc/platform';
import { decodeEntry, DecodedEntry, EncodedEntry, Scoring, USER_OFFSET } from './board-encoding';
import { Audience, BoardName, dirtyRoundsKey, RoundKeys } from './board-keys';
import { CLAIM_TICK_LUA, MERGE_LUA, RANKS_LUA, READ_TOP_LUA, RECORD_LUA, REMOVE_LUA, SWAP_LUA, SWAP_PUSHED_TOPS_LUA } from './board.scripts';
import type { LeaderboardRow } from '../leaderboard.types';

interface BoardCommands {
  lbRecord(...args: (string | number)[]): Promise<[number, number, number | null, string | null, string | null]>;
  lbMerge(...args: (string | number)[]): Promise<number>;
  lbRemove(...args: (string | number)[]): Promise<number>;
  lbRanks(...args: (string | number)[]): Promise<(number | string | null)[]>;
  lbSwap(...args: (string | number)[]): Promise<number>;
  lbClaimTick(...args: (string | number)[]): Promise<number>;
  lbSwapPushedTops(...args: (string | number)[]): Promise<[number, number, string]>;
  lbReadTop(...args: (string | number)[]): Promise<[string[], string[], number, (string | null)[]]>;
}
type BoardRedis = RedisClient & BoardCommands;

export interface RankedEntry extends DecodedEntry {
  /** 1-based. */
  rank: number;
}

export interface MyRank {
  rank: number | null;
  score: number | null;
  timeTakenMs: number | null;
  total: number;
}

/** The live board as a push reads it (readTop). */
export interface LiveTop {
  changed: string[];
  entries: RankedEntry[];
  total: number;
  /** Per entry, its user's cached display data as stored, or null. */
  cachedNames: (string | null)[];
}

const CHUNK = 1000;
const REBUILD_TTL_S = 600;
/** A round quiet this long gets its next push in full. */
const PUSHED_TOP_TTL_MS = 600_000;

/** Redis-level board operations; knows nothing about rounds, visibility or users. */
@Injectable()
export class BoardStore {
  private readonly r: BoardRedis;

  constructor(
    @Inject(REDIS) redis: RedisClient,
    readonly keys: RedisKeys,
  ) {
    const r = redis as BoardRedis;
    // defineCommand is idempotent per connection; EVALSHA with automatic fallback to EVAL.
    if (typeof r.lbRecord !== 'function') {
      r.defineCommand('lbRecord', { numberOfKeys: 9, lua: RECORD_LUA });
      r.defineCommand('lbMerge', { numberOfKeys: 2, lua: MERGE_LUA });
      r.defineCommand('lbRemove', { numberOfKeys: 8, lua: REMOVE_LUA });
      r.defineCommand('lbRanks', { numberOfKeys: 2, lua: RANKS_LUA });
      r.defineCommand('lbSwap', { numberOfKeys: 9, lua: SWAP_LUA });
      r.defineCommand('lbClaimTick', { numberOfKeys: 2, lua: CLAIM_TICK_LUA });
      r.defineCommand('lbSwapPushedTops', { numberOfKeys: 2, lua: SWAP_PUSHED_TOPS_LUA });
      r.defineCommand('lbReadTop', { numberOfKeys: 3, lua: READ_TOP_LUA });
    }
    this.r = r;
  }

  get redis(): RedisClient {
    return this.r;
  }

  round(roundId: string): RoundKeys {
    return new RoundKeys(this.keys, roundId);
  }

  /**
   * Compare-and-set of one user's entry: whether the live board changed (and the round is marked
   * dirty), and the user's standing on it afterwards.
   */
  async record(roundId: string, userId: string, e: EncodedEntry, scoring: Scoring, submittedAtMs: number): Promise<{ changed: boolean; standing: MyRank }> {
    const k = this.round(roundId);
    const [changed, total, rank, member, score] = await this.r.lbRecord(
      k.board('live'),
      k.who('live'),
      k.board('frozen'),
      k.who('frozen'),
      k.frozenAt,
      k.board('tmp'),
      k.who('tmp'),
      k.rebuilding,
      k.changed,
      userId,
      String(e.score),
      e.member,
      scoring,
      submittedAtMs,
    );
    if (changed === 1) await this.markDirty(roundId);
    return { changed: changed === 1, standing: standingOf(rank, member, score, total) };
  }

  async remove(roundId: string, userId: string): Promise<boolean> {
    const k = this.round(roundId);
    const removed = await this.r.lbRemove(
      k.board('live'),
      k.who('live'),
      k.board('frozen'),
      k.who('frozen'),
      k.board('tmp'),
      k.who('tmp'),
      k.rebuilding,
      k.changed,
      userId,
    );
    if (removed === 1) await this.markDirty(roundId);
    return removed === 1;
  }

  async markDirty(roundId: string): Promise<void> {
    await this.r.sadd(dirtyRoundsKey(this.keys), roundId);
  }

  /** Merges entries into a board with the record rule (chunks of 1,000). */
  async merge(roundId: string, board: BoardName, scoring: Scoring, entries: { userId: string; e: EncodedEntry }[]): Promise<void> {
    const k = this.round(roundId);
    for (let i = 0; i < entries.length; i += CHUNK) {
      const args: (string | number)[] = [scoring];
      for (const { userId, e } of entries.slice(i, i + CHUNK)) args.push(userId, String(e.score), e.member);
      await this.r.lbMerge(k.board(board), k.who(board), ...args);
    }
  }

  /** Entries ranked offset+1 … offset+limit, best first. */
  async range(roundId: string, board: BoardName, offset: number, limit: number): Promise<{ entries: RankedEntry[]; total: number }> {
    const k = this.round(roundId);
    const res = await this.r
      .multi()
      .zrevrange(k.board(board), offset, offset + limit - 1, 'WITHSCORES')
      .zcard(k.board(board))
      .exec();
    if (!res) throw new Error('leaderboard read aborted');
    const [[e1, flat], [e2, total]] = res as [[Error | null, string[]], [Error | null, number]];
    if (e1 || e2) throw e1 ?? e2;
    const entries: RankedEntry[] = [];
    for (let i = 0; i < flat.length; i += 2) entries.push({ rank: offset + i / 2 + 1, ...decodeEntry(flat[i], flat[i + 1]) });
    return { entries, total };
  }

  /**
   * What a push of the live board needs, in one round trip: the users whose entry changed since
   * the last push (taken off the set), the top `n`, the board's size, and the top users' cached
   * display data (null where the cache has none).
   */
  async readTop(roundId: string, n: number, changedMax: number): Promise<LiveTop> {
    const k = this.round(roundId);
    const [changed, flat, total, cachedNames] = await this.r.lbReadTop(k.changed, k.board('live'), k.names, changedMax, n, USER_OFFSET);
    const entries: RankedEntry[] = [];
    for (let i = 0; i < flat.length; i += 2) entries.push({ rank: i / 2 + 1, ...decodeEntry(flat[i], flat[i + 1]) });
    return { changed, entries, total, cachedNames };
  }

  /** Ranks of several users (and the board's size) in one round trip. */
  async ranks(roundId: string, board: BoardName, userIds: string[]): Promise<{ total: number; ranks: Map<string, MyRank> }> {
    const k = this.round(roundId);
    const out = await this.r.lbRanks(k.board(board), k.who(board), ...userIds);
    const total = Number(out[0]);
    const ranks = new Map<string, MyRank>();
    userIds.forEach((id, i) => ranks.set(id, standingOf(Number(out[1 + i * 3]), out[2 + i * 3] as string | null, out[3 + i * 3] as string | null, total)));
    return { total, ranks };
  }

  /**
   * Claims this round's push (once per second across the cluster; see CLAIM_TICK_LUA).
   * Returns the claim's time on Redis's clock in ms, or null when another claim is too recent.
   */
  async claimTick(roundId: string, spacingMs = 900): Promise<number | null> {
    const k = this.round(roundId);
    const at = await this.r.lbClaimTick(k.tickSecond, k.tickSpacing, spacingMs);
    return at < 0 ? null : at;
  }

  /**
   * Records the tops being pushed (null: no push to that audience) and answers, per audience,
   * whether its room must get the rows (the hash differs from its last push, cluster-wide), and,
   * when the residents' top changed, their previous one, which it can be sent as a patch against
   * (an unchanged top's previous rows are neither sent back nor parsed).
   */
  async swapPushedTops(
    roundId: string,
    tops: Record<Audience, { hash: string; rows: readonly LeaderboardRow[] } | null>,
  ): Promise<Record<Audience, boolean> & { residentsBefore: PushedTop | null }> {
    const k = this.round(roundId);
    const [staff, residents, before] = await this.r.lbSwapPushedTops(
      k.pushedTop('staff'),
      k.pushedTop('residents'),
      PUSHED_TOP_TTL_MS,
      tops.staff?.hash ?? '',
      tops.residents?.hash ?? '',
      tops.residents ? JSON.stringify(tops.residents.rows) : '',
    );
    return { staff: staff === 1, residents: residents === 1, residentsBefore: pushedTopOf(before) };
  }

  async size(roundId: string, board: BoardName): Promise<number> {
    return this.r.zcard(this.round(roundId).board(board));
  }

  /**
   * Starts a rebuild: from now on every record also lands in the tmp board. Returns the
   * token that `finishRebuild` needs, or null when another rebuild of the round runs.
   */
  async beginRebuild(roundId: string): Promise<string | null> {
    const k = this.round(roundId);
    const token = randomUUID();
    const ok = await this.r.set(k.rebuilding, token, 'EX', REBUILD_TTL_S, 'NX');
    if (!ok) return null;
    await this.r.del(k.board('tmp'), k.who('tmp'));
    return token;
  }

  /** Bulk load of already-reduced entries into the tmp board (one per user). */
  async loadTmp(roundId: string, scoring: Scoring, entries: { userId: string; e: EncodedEntry }[]): Promise<void> {
    // Merge, not plain ZADD: records arriving during the rebuild are already in tmp and may be newer.
    await this.merge(roundId, 'tmp', scoring, entries);
    const k = this.round(roundId);
    await this.r.multi().expire(k.board('tmp'), REBUILD_TTL_S).expire(k.who('tmp'), REBUILD_TTL_S).expire(k.rebuilding, REBUILD_TTL_S).exec();
  }

  async finishRebuild(roundId: string, token: string): Promise<boolean> {
    const k = this.round(roundId);
    const ok = await this.r.lbSwap(
      k.board('tmp'),
      k.who('tmp'),
      k.board('live'),
      k.who('live'),
      k.rebuilding,
      k.board('frozen'),
      k.who('frozen'),
      k.frozenAt,
      k.frozenReady,
      token,
    );
    if (ok === 1) await this.markDirty(roundId);
    return ok === 1;
  }

  async abortRebuild(roundId: string, token: string): Promise<void> {
    const k = this.round(roundId);
    if ((await this.r.get(k.rebuilding)) === token) await this.r.del(k.rebuilding, k.board('tmp'), k.who('tmp'));
  }

  /** Drops every key of a round's board (tests, and rounds that are deleted). */
  async drop(roundId: string): Promise<void> {
    await this.r.del(...this.round(roundId).all());
  }
}

/** A user's standing from a script's 0-based rank (negative or null: not on the board), member and score. */
function standingOf(rank: number | null, member: string | null, score: string | null, total: number): MyRank {
  if (rank === null || rank < 0 || member === null || score === null) return { rank: null, score: null, timeTakenMs: null, total };
  const d = decodeEntry(member, score);
  return { rank: rank + 1, score: d.score, timeTakenMs: d.timeTakenMs, total };
}

/** A top as a room was last sent it: its hash and rows. */
export interface PushedTop {
  hash: string;
  rows: LeaderboardRow[];
}

/** 'hash rows' as the swap stores them; null for none, a bare hash (an older instance wrote it) or rows that do not parse. */
function pushedTopOf(stored: string): PushedTop | null {
  const space = stored.indexOf(' ');
  if (space < 0) return null;
  try {
    const rows: unknown = JSON.parse(stored.slice(space + 1));
    return Array.isArray(rows) ? { hash: stored.slice(0, space), rows: rows as LeaderboardRow[] } : null;
  } catch {
    return null;
  }
}
