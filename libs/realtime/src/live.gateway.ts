import { Injectable, Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { type Actor, bearerToken, TokenService } from '@lc/identity';
import { ClockService, DomainError, ErrorBody, EventBus, MetricsService, toErrorBody } from '@lc/platform';
import { DEFAULT_EVENT_LIMITS, EventRateLimiter } from './event-rate-limiter';
import { LiveService } from './live.service';
import { LIVE_NAMESPACE, liveFail, LiveSocket, LiveSocketData } from './live-socket';
import { userRoom } from './rooms';
import { SocketQuota } from './socket-quota';

/**
 * The transport's part of namespace /live, whichever features add events to it. The handshake
 * carries the access token (auth.token, or an Authorization header), checked exactly like HTTP,
 * by the namespace's one middleware (registered here, once); every socket joins its user's room,
 * gets `session`, counts against its user's quota, and every event it sends (to any gateway) is
 * rate limited. Features' gateways declare only their own events.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<LiveSocket>, OnGatewayDisconnect<LiveSocket> {
  private readonly log = new Logger(LiveGateway.name);

  constructor(
    private readonly tokens: TokenService,
    private readonly live: LiveService,
    private readonly clock: ClockService,
    private readonly metrics: MetricsService,
    private readonly quota: SocketQuota,
    private readonly bus: EventBus,
  ) {}

  afterInit(nsp: Namespace): void {
    nsp.use((socket, next) => {
      const token =
        (typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined) ?? bearerToken(socket.handshake.headers.authorization);
      this.tokens.verifyAccess(token).then(
        (actor) => {
          const data = socket.data as LiveSocketData;
          data.actor = actor;
          data.token = token!;
          data.limiter = new EventRateLimiter(DEFAULT_EVENT_LIMITS);
          next();
        },
        (e: unknown) => {
          // The client's connect_error carries the same body as an HTTP 401.
          const err = new Error(e instanceof DomainError ? e.message : 'Sign in required') as Error & { data?: ErrorBody };
          err.data = toErrorBody(e).body;
          next(err);
        },
      );
    });
    this.live.attach(nsp);
    // Sign-out, a password change, deletion, a stolen refresh token: the user's sockets here re-check their tokens.
    this.bus.on('AccessRevoked', "live: re-check the user's sockets", ({ userId }) => this.recheck(nsp, userId));
  }

  /** Closes this instance's sockets of the user whose token no longer holds. */
  private async recheck(nsp: Namespace, userId: string): Promise<void> {
    try {
      const sockets = await nsp.in(userRoom(userId)).local.fetchSockets();
      for (const s of sockets) {
        const token = (s.data as LiveSocketData).token;
        await this.tokens.verifyAccess(token).catch(() => {
          s.emit('session:ended', { reason: 'revoked' });
          s.disconnect(true);
        });
      }
    } catch (e) {
      this.log.warn(`revoked sockets not re-checked: ${(e as Error).message}`);
    }
  }

  handleConnection(socket: LiveSocket): void {
    const data = socket.data;
    if (!data.actor) {
      socket.disconnect(true);
      return;
    }
    this.metrics.sockets.inc();
    void socket.join(userRoom(data.actor.id));
    socket.use((packet, next) => {
      const verdict = data.limiter.take();
      if (verdict === 'ok') return next();
      const ack = packet[packet.length - 1];
      if (typeof ack === 'function') (ack as (r: unknown) => void)(liveFail(new DomainError('rate_limited', 429, 'Too many events, slow down')));
      if (verdict === 'disconnect') {
        this.log.warn({ userId: data.actor.id }, 'socket disconnected for flooding events');
        socket.disconnect(true);
      }
    });
    socket.emit('session', { userId: data.actor.id, role: data.actor.role, serverTime: this.clock.nowDate().toISOString() });
    this.quota.admit(data.actor.id, socket.id, this.clock.now()).then(
      (evicted) => {
        // A socket id is a room: the adapter reaches it on whichever instance holds it.
        for (const id of evicted) this.live.namespace?.in(id).disconnectSockets(true);
      },
      (e: Error) => this.log.warn(`socket quota not applied: ${e.message}`),
    );
  }

  handleDisconnect(socket: LiveSocket): void {
    if (!socket.data.actor) return;
    this.metrics.sockets.dec();
    this.quota.release(socket.data.actor.id, socket.id).catch(() => undefined);
  }

  /** Time sync for countdowns: clients compare this with their clock (and the round trip). */
  @SubscribeMessage('time:sync')
  timeSync(): { ok: true; serverTime: string } {
    return { ok: true, serverTime: this.clock.nowDate().toISOString() };
  }
}

/**
 * For feature gateways: the socket's user as its token says now. Handlers that act for the
 * user (joining a board, recording an answer) re-check, so a revoked or expired token does
 * nothing new even before the revocation reaches this instance's sockets.
 */
@Injectable()
export class LiveAuth {
  constructor(private readonly tokens: TokenService) {}

  recheck(socket: Socket): Promise<Actor> {
    return this.tokens.verifyAccess((socket.data as Partial<LiveSocketData>).token);
  }
}
