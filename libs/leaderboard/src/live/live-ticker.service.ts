import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { LiveService } from '@lc/realtime';
import { ClockService, MetricsService, REDIS, RedisClient, RedisKeys } from '@lc/platform';
import { dirtyRoundsKey, RoundKeys } from '../board/board-keys';
import { BoardStore } from '../board/board-store';
import { LeaderboardService } from '../leaderboard.service';
import { LeaderboardRow } from '../leaderboard.types';
import { RoundInfoService } from '../rounds/round-info.service';
import { boardViewFor } from '../rounds/visibility';
import { concealmentFor, concealRows, concealTotal, TOP_N } from '../rounds/prediction-guard';
import { roundRoom, staffRoom } from './rooms';

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
 * computed once, however many instances and sockets.
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
    const changed = ((await this.redis.spop(k.changed, CHANGED_PER_TICK)) ?? []) as string[];
    if (changed.length === CHANGED_PER_TICK) await this.redis.sadd(dirtyRoundsKey(this.keys), roundId);
    // `at` is the claim's Redis time, before the read: every entry recorded before `at` is in this push.
    const nowMs = claimedAt;
    const at = new Date(nowMs).toISOString();
    const { top, total } = await this.boards.top(info, 'live', TOP_N);
    const nsp = this.live.namespace;
    if (!nsp) return;
    const update = (rows: LeaderboardRow[], count: number, frozen: boolean) => ({ roundId, top: rows, total: count, at, serverTime: at, frozen });
    // Residents share one room, so what an open prediction would reveal goes from the broadcast for all of them.
    const concealed = concealmentFor(info, false);
    const forResidents = (rows: LeaderboardRow[], count: number, frozen: boolean) =>
      concealed ? { ...update(concealRows(rows, concealed), count, frozen), total: concealTotal(count, concealed), concealed } : update(rows, count, frozen);
    const publicView = boardViewFor(info, false, nowMs);
    this.ticks.inc();
    if (publicView === 'live') {
      if (concealed) {
        nsp.to(staffRoom(roundId)).emit('leaderboard:update', update(top, total, false));
        nsp.to(roundRoom(roundId)).emit('leaderboard:update', forResidents(top, total, false));
      } else {
        nsp.to([roundRoom(roundId), staffRoom(roundId)]).emit('leaderboard:update', update(top, total, false));
      }
      await this.live.toInstances('RankPassRequested', { roundId, users: changed });
      return;
    }
    nsp.to(staffRoom(roundId)).emit('leaderboard:update', update(top, total, false));
    // Residents: a frozen board is announced once; a hidden one never, and ranks stay private.
    if (publicView === 'frozen' && (await this.redis.set(k.frozenAnnounced, '1', 'NX'))) {
      const board = await this.boards.boardFor(info, 'frozen');
      const frozen = await this.boards.top(info, board, TOP_N);
      nsp.to(roundRoom(roundId)).emit('leaderboard:update', forResidents(frozen.top, frozen.total, true));
    }
  }
}
