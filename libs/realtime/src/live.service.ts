import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { type AppEvents, REDIS, RedisClient, RedisKeys, type RelayedEventName } from '@lc/platform';
import type { LiveEvents } from './live-events';
import { userRoom } from './rooms';

/**
 * A message on the relay channel: processes without sockets (the worker) ask api instances to
 * emit; any process asks every api instance to hear a bus event (e.g. the leaderboard's rank pass).
 */
export type RelayMessage =
  | { t: 'emit'; rooms: string[]; event: string; payload: unknown }
  | { [E in RelayedEventName]: { t: 'event'; name: E; payload: AppEvents[E] } }[RelayedEventName];

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

  /** Called by the transport's gateway once the namespace exists (api instances only). */
  attach(nsp: Namespace | undefined): void {
    this.nsp = nsp;
  }

  /** The /live namespace on api instances; undefined in the worker. */
  get namespace(): Namespace | undefined {
    return this.nsp;
  }

  toUser<E extends keyof LiveEvents>(userId: string, event: E, payload: LiveEvents[E]): void {
    this.toRooms([userRoom(userId)], event, payload);
  }

  /** To every socket in any of `rooms`, on every instance. */
  toRooms<E extends keyof LiveEvents>(rooms: string[], event: E, payload: LiveEvents[E]): void {
    if (this.nsp) {
      this.nsp.to(rooms).emit(event, payload);
      return;
    }
    this.publish({ t: 'emit', rooms, event, payload }).catch((e: Error) => this.log.warn(`live relay publish failed: ${e.message}`));
  }

  /**
   * Every api instance (this one included) emits `name` on its own event bus: work each
   * instance does for its own sockets (the leaderboard's rank pass). Only the events
   * `RELAYED_EVENTS` names travel.
   */
  async toInstances<E extends RelayedEventName>(name: E, payload: AppEvents[E]): Promise<void> {
    await this.publish({ t: 'event', name, payload } as RelayMessage);
  }

  private async publish(message: RelayMessage): Promise<void> {
    await this.redis.publish(relayChannel(this.keys), JSON.stringify(message));
  }
}
