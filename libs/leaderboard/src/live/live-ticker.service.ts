import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { LiveEvents, LiveService } from '@lc/realtime';
import { ClockService, MetricsService, REDIS, RedisClient, RedisKeys } from '@lc/platform';
import { dirtyRoundsKey, RoundKeys } from '../board/board-keys';
import { BoardStore } from '../board/board-store';
import { LeaderboardService } from '../leaderboard.service';
import { LeaderboardRow } from '../leaderboard.types';
import { RoundInfoService } from '../rounds/round-info.service';
import { boardViewFor } from '../rounds/visibility';
import { type Concealment, concealmentFor, concealRows, concealTotal, TOP_N } from '../rounds/prediction-guard';
import { patchRoom, roundRoom, staffRoom } from './rooms';
import { topHashOf } from './top-hash';
import { type TopPatch, topPatchOf } from './top-patch';

export { TOP_N };
/** Users named per tick for rank:update (those whose entry changed); the rest follow next tick. */
const CHANGED_PER_TICK = 1000;
/** Ticks fire this long after each second of the cluster clock, so every instance competes for the same second. */
const TICK_OFFSET_MS = 5;

/**
 * The once-per-second board push. Records mark a round dirty (a Redis set); every api
 * instance wakes at each second of the cluster clock, and for each dirty round the one
 * that wins the claim (a Lua script on Redis's clock: one per second, ≥ 900 ms apart)
 * computes the top 20 + total once and broadcasts it through the Socket.IO Redis adapter
 * to the whole cluster. So a round's room gets at most one leaderboard:update per second,
 * computed once, however many instances and sockets. Thousands of phones parse each push, so
 * it is kept small: the top goes out only when it differs from the last one that room got
 * (staff and residents apart; a hash per round and audience in Redis, beside the claim), else
 * just its hash, the total and the time: ~160 bytes instead of 3.4–4 KB for 20 rows.
 */
@Injectable()
export class LiveTicker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(LiveTicker.name);
  private timer?: NodeJS.Timeout;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private readonly ticks: Counter;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly clock: ClockService,
    private readonly boards: LeaderboardService,
    private readonly store: BoardStore,
    private readonly rounds: RoundInfoService,
    private readonly live: LiveService,
    metrics: MetricsService,
  ) {
    this.ticks = metrics.counter('leaderboard_ticks_total', 'Leaderboard pushes computed by this instance');
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  /** Waits for a tick in flight: Redis closes after module destroy, and a half-done tick would fail against it. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.inFlight;
  }

  private schedule(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    const wait = 1000 - (now % 1000) + TICK_OFFSET_MS;
    this.timer = setTimeout(() => {
      this.schedule();
      if (this.inFlight) return; // the previous tick is still busy: skip, never pile up
      this.inFlight = this.tick()
        .then(() => undefined)
        .catch((e: Error) => this.log.warn(`leaderboard tick failed: ${e.message}`))
        .finally(() => (this.inFlight = null));
    }, wait);
    this.timer.unref();
  }

  /** One tick: claim and push every dirty round whose second is still free. Returns the rounds pushed. */
  async tick(): Promise<string[]> {
    const dirty = await this.redis.smembers(dirtyRoundsKey(this.keys));
    const pushed: string[] = [];
    await Promise.all(
      dirty.map(async (roundId) => {
        const k = new RoundKeys(this.keys, roundId);
        const claimedAt = await this.store.claimTick(roundId);
        if (claimedAt === null) return;
        // Clear the mark before reading, so a record landing after the read marks it again.
        await this.redis.srem(dirtyRoundsKey(this.keys), roundId);
        try {
          await this.push(roundId, k, claimedAt);
          pushed.push(roundId);
        } catch (e) {
          await this.redis.sadd(dirtyRoundsKey(this.keys), roundId);
          throw e;
        }
      }),
    );
    return pushed;
  }

  private async push(roundId: string, k: RoundKeys, claimedAt: number): Promise<void> {
    const info = await this.rounds.get(roundId);
    if (!info) return;
    // `at` is the claim's Redis time, before the read: every entry recorded before `at` is in this push.
    const nowMs = claimedAt;
    const at = new Date(nowMs).toISOString();
    const { top, total, changed } = await this.boards.liveTopForPush(info, TOP_N, CHANGED_PER_TICK);
    if (changed.length === CHANGED_PER_TICK) await this.redis.sadd(dirtyRoundsKey(this.keys), roundId);
    const nsp = this.live.namespace;
    if (!nsp) return;
    // Residents share one room, so what an open prediction would reveal goes from the broadcast for all of them.
    const concealed = concealmentFor(info, false);
    const publicView = boardViewFor(info, false, nowMs);
    const staff: Push = { rows: top, total, frozen: false };
    const residents: Push | null =
      publicView !== 'live' ? null : concealed ? { rows: concealRows(top, concealed), total: concealTotal(total, concealed), frozen: false, concealed } : staff;
    const sent = await this.swapTops(roundId, staff, residents);
    this.ticks.inc();
    if (residents) {
      const toStaff = update(roundId, at, staff, sent.staff);
      const toResidents = residents === staff && sent.staff === sent.residents ? toStaff : update(roundId, at, residents, sent.residents);
      // Pages that take patches (they joined with `patches: true`) get a changed top as one against the rows they hold.
      const before = sent.residentsBefore;
      const patch = before ? topPatchOf(before.hash, before.rows, residents.rows) : null;
      if (patch) {
        nsp.to(staffRoom(roundId)).emit('leaderboard:update', toStaff);
        nsp.to(roundRoom(roundId)).except(patchRoom(roundId)).emit('leaderboard:update', toResidents);
        nsp.to(patchRoom(roundId)).emit('leaderboard:update', update(roundId, at, residents, false, patch));
      } else if (toResidents === toStaff) nsp.to([roundRoom(roundId), staffRoom(roundId)]).emit('leaderboard:update', toStaff);
      else {
        nsp.to(staffRoom(roundId)).emit('leaderboard:update', toStaff);
        nsp.to(roundRoom(roundId)).emit('leaderboard:update', toResidents);
      }
      await this.live.toInstances('RankPassRequested', { roundId, users: changed });
      return;
    }
    nsp.to(staffRoom(roundId)).emit('leaderboard:update', update(roundId, at, staff, sent.staff));
    // Residents: a frozen board is announced once (always with its rows); a hidden one never, and ranks stay private.
    if (publicView === 'frozen' && (await this.redis.set(k.frozenAnnounced, '1', 'NX'))) {
      const board = await this.boards.boardFor(info, 'frozen');
      const frozen = await this.boards.top(info, board, TOP_N);
      const announced: Push = concealed
        ? { rows: concealRows(frozen.top, concealed), total: concealTotal(frozen.total, concealed), frozen: true, concealed }
        : { rows: frozen.top, total: frozen.total, frozen: true };
      await this.swapTops(roundId, null, announced);
      nsp.to(roundRoom(roundId)).emit('leaderboard:update', update(roundId, at, announced, true));
    }
  }

  /** Hashes what each audience is about to get and asks Redis whether its room already has those rows. */
  private swapTops(roundId: string, staff: Push | null, residents: Push | null) {
    for (const p of [staff, residents]) if (p && !p.hash) p.hash = topHashOf(p.rows);
    const top = (p: Push | null) => (p ? { hash: p.hash!, rows: p.rows } : null);
    return this.store.swapPushedTops(roundId, { staff: top(staff), residents: top(residents) });
  }
}

/** What one room is sent in a tick (rows and total already concealed for residents). */
interface Push {
  rows: LeaderboardRow[];
  total: number | null;
  frozen: boolean;
  concealed?: Concealment;
  hash?: string;
}

/**
 * `leaderboard:update` (SPEC's `{ roundId, top, total, at }`): `top` only when it differs from
 * the room's previous push, cluster-wide (else the client keeps the rows it holds: `topHash`
 * names them), or `topPatch` against the previous push's rows; `at` is the server's clock.
 */
function update(roundId: string, at: string, p: Push, withRows: boolean, patch?: TopPatch): LiveEvents['leaderboard:update'] {
  return {
    roundId,
    ...(withRows ? { top: p.rows } : {}),
    ...(patch ? { topPatch: patch } : {}),
    topHash: p.hash!,
    total: p.total,
    at,
    frozen: p.frozen,
    ...(p.concealed ? { concealed: p.concealed } : {}),
  };
}
