import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { REDIS, RedisClient, RedisKeys } from '@lc/platform';
import { LiveEvents } from './leaderboard.types';
import { roundRoom, staffRoom, userRoom } from './live/rooms';

/** A message on the relay channel: processes without sockets (the worker) ask api instances to emit. */
export type RelayMessage = { t: 'emit'; rooms: string[]; event: string; payload: unknown } | { t: 'ranks'; roundId: string; users: string[] };

export const relayChannel = (keys: RedisKeys) => keys.key('live', 'relay');

/**
 * Emits on the /live namespace from any process. On an api instance it broadcasts through
 * the Socket.IO Redis adapter (every instance delivers to its own sockets); elsewhere (the
 * worker) it publishes on a relay channel that each api instance delivers locally.
 * Socket messages are hints: clients refetch state over HTTP when they reconnect.
 */
@Injectable()
export class LiveService {
  private readonly log = new Logger(LiveService.name);
  private nsp?: Namespace;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  /** Called by the gateway once the namespace exists (api instances only). */
  attach(nsp: Namespace | undefined): void {
    this.nsp = nsp;
  }

  /** The /live namespace on api instances; undefined in the worker. */
  get namespace(): Namespace | undefined {
    return this.nsp;
  }

  toUser<E extends keyof LiveEvents>(userId: string, event: E, payload: LiveEvents[E]): void {
    this.emit([userRoom(userId)], event, payload);
  }

  toRound<E extends keyof LiveEvents>(roundId: string, event: E, payload: LiveEvents[E]): void {
    this.emit([roundRoom(roundId), staffRoom(roundId)], event, payload);
  }

  /** For relaying: publish a message every api instance receives (itself included). */
  async publish(message: RelayMessage): Promise<void> {
    await this.redis.publish(relayChannel(this.keys), JSON.stringify(message));
  }

  private emit(rooms: string[], event: string, payload: unknown): void {
    if (this.nsp) {
      this.nsp.to(rooms).emit(event, payload);
      return;
    }
    this.publish({ t: 'emit', rooms, event, payload }).catch((e: Error) => this.log.warn(`live relay publish failed: ${e.message}`));
  }
}
