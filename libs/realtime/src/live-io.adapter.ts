import { INestApplicationContext, Logger } from '@nestjs/common';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { isObservable, Observable } from 'rxjs';
import { createAdapter, createShardedAdapter } from '@socket.io/redis-adapter';
import type { Namespace, Server, ServerOptions } from 'socket.io';
import { AppConfig, corsOptions, createRedisClient, quitRedis, RedisClient } from '@lc/platform';

/**
 * Socket.IO on the api's HTTP server with the Redis adapter, so several api instances act
 * as one: a broadcast to a room reaches its sockets on every instance. The adapter gets two
 * dedicated connections (one is held in subscriber mode).
 * On Redis Cluster it is the sharded adapter (Redis 7 SPUBLISH/SSUBSCRIBE, which ioredis's
 * cluster client routes to the node owning each channel's slot since 5.x `shardedSubscribers`):
 * a plain PUBLISH on a cluster is copied to every node, a sharded one stays on one shard.
 * "static" mode: two channels for the namespace, not one per room — a user's own room is a
 * public room here, and per-room mode would SSUBSCRIBE once per connected resident.
 */
export class LiveIoAdapter extends IoAdapter {
  private readonly log = new Logger(LiveIoAdapter.name);
  private pub?: RedisClient;
  private sub?: RedisClient;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    this.pub = createRedisClient(this.config, { name: 'lc-io-pub', commandTimeoutMs: 3000 });
    this.sub = createRedisClient(this.config, { name: 'lc-io-sub' });
    this.guardPublish(this.pub, 'publish');
    this.guardPublish(this.pub, 'spublish');
    await Promise.all([this.pub.ping(), this.sub.ping()]);
  }

  /**
   * The Redis adapter publishes without awaiting. While Redis is down a publish rejects, and
   * an unhandled rejection ends the process (the fault suite saw an api die so). Socket
   * messages are only hints (clients resync over HTTP), so a lost one is logged, not fatal.
   */
  private guardPublish(client: RedisClient, name: 'publish' | 'spublish'): void {
    type Publish = (...args: unknown[]) => Promise<unknown>;
    const publish = (client[name] as unknown as Publish).bind(client);
    (client as unknown as Record<string, Publish>)[name] = (...args) => {
      const p = publish(...args);
      p.catch((e: Error) => this.log.warn(`socket broadcast not published: ${e.message}`));
      return p;
    };
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    if (!this.pub || !this.sub) throw new Error('LiveIoAdapter.connect() must run before the app initialises');
    const server = super.createIOServer(port, {
      ...options,
      serveClient: false,
      transports: ['websocket', 'polling'],
      cors: corsOptions(this.config.corsOrigins),
      // Clients send tiny events; anything big is abuse.
      maxHttpBufferSize: 16 * 1024,
      connectTimeout: 10_000,
      pingInterval: 25_000,
      pingTimeout: 20_000,
      // Each instance encodes a broadcast once, not once per socket.
      perMessageDeflate: false,
    } as ServerOptions) as Server;
    server.adapter(
      this.config.redisClusterNodes
        ? createShardedAdapter(this.pub, this.sub, { channelPrefix: `${this.config.redisPrefix}:io`, subscriptionMode: 'static' })
        : createAdapter(this.pub, this.sub, { key: `${this.config.redisPrefix}:io`, requestsTimeout: 3000 }),
    );
    return server;
  }

  /**
   * Each client event straight to its handler. Nest's own binding builds an rxjs pipeline per
   * socket and handler at connection and runs every event through it (issue 18: 4 % of the api's
   * surge CPU once answers came over the socket). Handlers here are Nest's callbacks as they are
   * (guards, pipes and exception filters inside), so nothing else changes: a result is the ack,
   * `{ event, data }` an emit, nothing nothing; an Observable still goes through Nest's transform.
   */
  override bindMessageHandlers(
    socket: Parameters<IoAdapter['bindMessageHandlers']>[0],
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...payload: unknown[]) => {
        const { data, ack } = this.mapPayload(payload) as { data: unknown; ack?: (r: unknown) => void };
        const reply = (response: unknown) => {
          if (response === null || response === undefined) return;
          const r = response as { event?: string; data?: unknown };
          if (r.event) socket.emit(r.event, r.data);
          else if (!isAckHandledManually && typeof ack === 'function') ack(response);
        };
        // Nest's callback is async and never rejects: its exception filter answers errors.
        void Promise.resolve(callback(data, ack)).then((result: unknown) => (isObservable(result) ? transform(result).subscribe(reply) : reply(result)));
      });
    }
  }

  /**
   * Graceful shutdown: closing the engine drops every transport, which clients treat as a
   * lost connection and reconnect (to another instance behind the balancer) — a server-side
   * `disconnect` would tell them not to.
   */
  override async close(given: Parameters<IoAdapter['close']>[0]): Promise<void> {
    // Nest hands over the namespace of a namespaced gateway, typed as the server.
    const server = given as unknown as Server | Namespace;
    const io: Server = 'server' in server && (server as Namespace).server ? (server as Namespace).server : (server as Server);
    try {
      io.engine?.close();
      for (const nsp of io._nsps.values()) await Promise.resolve(nsp.adapter.close());
    } catch (e) {
      this.log.warn(`socket.io close: ${(e as Error).message}`);
    }
  }

  override async dispose(): Promise<void> {
    await Promise.all([this.pub, this.sub].map((c) => c && quitRedis(c)));
  }
}
