import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { LiveService, LiveSocket, userRoom } from '@lc/realtime';
import { ClockService, EventBus } from '@lc/platform';
import { LeaderboardService } from '../leaderboard.service';
import { concealStanding } from '../rounds/prediction-guard';
import { roundRoom } from './rooms';
import { standingKey, standingsOf } from './standings';

/** Residents whose rank is checked per round per tick on one instance; the rest wait for the next ticks (rotation). */
export const MAX_RANK_CHECKS_PER_TICK = 10_000;
const CHUNK = 1000;
/** A resident last seen off the board ("-|-"): only their own entry puts them on it. */
const OFF_BOARD = standingKey({ rank: null, score: null });
/**
 * Every this many passes of a round, residents last seen off the board are checked too: a board
 * rebuilt from PostgreSQL (after Redis lost it) can place them without an entry of theirs changing.
 */
export const FULL_PASS_EVERY = 30;

/**
 * rank:update, computed by each api instance for its own sockets only (the ticker asks every
 * instance with `RankPassRequested`, carried by the live relay) — so the work
 * grows with the sockets an instance holds, never with the cluster's size:
 *  - residents watching the round on this instance (their rank moves when others pass them),
 *    except those off the board, who only get on it by an entry of their own (named below):
 *    thousands of watchers who never entered cost a rank lookup each per second otherwise
 *    (issue 18); every FULL_PASS_EVERY passes they are looked up all the same;
 *  - residents whose entry changed in this tick (named in the tick's relay message) with a
 *    socket here, watching or not.
 * A push goes out only when the rank or score differs from what that socket last got.
 */
@Injectable()
export class RankPusher implements OnModuleInit {
  private readonly log = new Logger(RankPusher.name);
  private readonly cursor = new Map<string, number>();
  private readonly passes = new Map<string, number>();
  /** Rank passes run one at a time per round; users named meanwhile wait for the next pass. */
  private readonly pending = new Map<string, Set<string> | null>();

  constructor(
    private readonly boards: LeaderboardService,
    private readonly live: LiveService,
    private readonly clock: ClockService,
    private readonly bus: EventBus,
  ) {}

  onModuleInit(): void {
    this.bus.on('RankPassRequested', 'RankPusher.rankPass', ({ roundId, users }) => {
      if (typeof roundId === 'string') this.rankPass(roundId, Array.isArray(users) ? users : []);
    });
  }

  private rankPass(roundId: string, users: string[]): void {
    if (this.pending.has(roundId)) {
      const waiting = this.pending.get(roundId) ?? new Set<string>();
      for (const u of users) waiting.add(u);
      this.pending.set(roundId, waiting);
      return;
    }
    this.pending.set(roundId, null);
    this.push(roundId, users)
      .catch((e: Error) => this.log.warn(`rank pass for round ${roundId} failed: ${e.message}`))
      .finally(() => {
        const waiting = this.pending.get(roundId);
        this.pending.delete(roundId);
        if (waiting) this.rankPass(roundId, [...waiting]);
      });
  }

  async push(roundId: string, changedUsers: string[]): Promise<number> {
    const nsp = this.live.namespace;
    if (!nsp) return 0;
    const byUser = new Map<string, LiveSocket[]>();
    const pass = (this.passes.get(roundId) ?? 0) + 1;
    this.passes.set(roundId, pass);
    const full = pass % FULL_PASS_EVERY === 0;
    const named = new Set(changedUsers);
    const add = (sid: string) => {
      const s = nsp.sockets.get(sid) as LiveSocket | undefined;
      if (!s || s.data.actor?.role !== 'resident') return;
      if (!full && !named.has(s.data.actor.id) && standingsOf(s).get(roundId) === OFF_BOARD) return;
      const list = byUser.get(s.data.actor.id);
      if (list) list.push(s);
      else byUser.set(s.data.actor.id, [s]);
    };
    for (const sid of nsp.adapter.rooms.get(roundRoom(roundId)) ?? []) add(sid);
    for (const u of changedUsers) for (const sid of nsp.adapter.rooms.get(userRoom(u)) ?? []) add(sid);
    if (!byUser.size) return 0;

    let users = [...byUser.keys()];
    if (users.length > MAX_RANK_CHECKS_PER_TICK) {
      // Changed users first, then a rotating window over the watchers.
      const changed = new Set(changedUsers.filter((u) => byUser.has(u)));
      const rest = users.filter((u) => !changed.has(u));
      const start = (this.cursor.get(roundId) ?? 0) % rest.length;
      const room = MAX_RANK_CHECKS_PER_TICK - Math.min(changed.size, MAX_RANK_CHECKS_PER_TICK);
      this.cursor.set(roundId, start + room);
      users = [...changed, ...rest.slice(start, start + room), ...rest.slice(0, Math.max(0, start + room - rest.length))].slice(0, MAX_RANK_CHECKS_PER_TICK);
    }

    const serverTime = this.clock.nowDate().toISOString();
    const concealed = await this.boards.concealmentOf(roundId, false);
    let pushed = 0;
    for (let i = 0; i < users.length; i += CHUNK) {
      const chunk = users.slice(i, i + CHUNK);
      const { ranks } = await this.boards.ranksOf(roundId, 'live', chunk);
      for (const u of chunk) {
        const r = concealStanding(ranks.get(u)!, concealed);
        const key = standingKey(r);
        for (const s of byUser.get(u)!) {
          const standings = standingsOf(s);
          const known = standings.get(roundId);
          // A socket that never joined this round and is not on the board has nothing to hear.
          if (known === key || (known === undefined && r.rank === null)) continue;
          standings.set(roundId, key);
          s.emit('rank:update', { roundId, rank: r.rank, score: r.score, total: r.total, serverTime });
          pushed++;
        }
      }
    }
    return pushed;
  }
}
