import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, createRedisClient, quitRedis, RedisClient, RedisKeys } from '@lc/platform';
import { LiveService, relayChannel, RelayMessage } from '../live.service';
import { RankPusher } from './rank-pusher.service';

/**
 * Each api instance listens on the relay channel and acts for its own sockets only:
 * emits asked for by processes without sockets (the worker), and the per-tick rank pass.
 */
@Injectable()
export class LiveRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(LiveRelay.name);
  private sub?: RedisClient;
  /** Rank passes run one at a time per round; users named meanwhile wait for the next pass. */
  private readonly pending = new Map<string, Set<string> | null>();

  constructor(
    private readonly config: AppConfig,
    private readonly keys: RedisKeys,
    private readonly live: LiveService,
    private readonly ranks: RankPusher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.sub = createRedisClient(this.config, { name: 'lc-live-relay' });
    this.sub.on('message', (_channel: string, raw: string) => this.handle(raw));
    await this.sub.subscribe(relayChannel(this.keys));
  }

  async onModuleDestroy(): Promise<void> {
    const s = this.sub;
    this.sub = undefined;
    if (s) await quitRedis(s);
  }

  private handle(raw: string): void {
    let m: RelayMessage;
    try {
      m = JSON.parse(raw) as RelayMessage;
    } catch {
      return;
    }
    const nsp = this.live.namespace;
    if (!nsp) return;
    if (m.t === 'emit') {
      if (Array.isArray(m.rooms) && typeof m.event === 'string') nsp.local.to(m.rooms).emit(m.event, m.payload);
      return;
    }
    if (m.t === 'ranks' && typeof m.roundId === 'string') this.rankPass(m.roundId, Array.isArray(m.users) ? m.users : []);
  }

  private rankPass(roundId: string, users: string[]): void {
    if (this.pending.has(roundId)) {
      const waiting = this.pending.get(roundId) ?? new Set<string>();
      for (const u of users) waiting.add(u);
      this.pending.set(roundId, waiting);
      return;
    }
    this.pending.set(roundId, null);
    this.ranks
      .push(roundId, users)
      .catch((e: Error) => this.log.warn(`rank pass for round ${roundId} failed: ${e.message}`))
      .finally(() => {
        const waiting = this.pending.get(roundId);
        this.pending.delete(roundId);
        if (waiting) this.rankPass(roundId, [...waiting]);
      });
  }
}
