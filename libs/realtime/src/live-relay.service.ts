import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, createRedisClient, EventBus, quitRedis, RedisClient, RedisKeys, RELAYED_EVENTS } from '@lc/platform';
import { LiveService, relayChannel, RelayMessage } from './live.service';

/**
 * Each api instance listens on the relay channel and acts for its own sockets only: emits
 * asked for by processes without sockets (the worker), and the bus events every instance
 * must hear (`LiveService.toInstances`).
 */
@Injectable()
export class LiveRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(LiveRelay.name);
  private sub?: RedisClient;

  constructor(
    private readonly config: AppConfig,
    private readonly keys: RedisKeys,
    private readonly live: LiveService,
    private readonly bus: EventBus,
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
    if (m.t === 'event' && (RELAYED_EVENTS as readonly string[]).includes(m.name) && m.payload && typeof m.payload === 'object') {
      // Handlers check the payload's fields (the channel is ours, but a message is still just JSON); the bus logs their failures.
      void this.bus.emit(m.name, m.payload);
    }
  }
}
