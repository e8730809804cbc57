import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { Actor, bearerToken, TokenService } from '@lc/identity';
import { AppConfig, badRequest, clientAddress, ClockService, DomainError, ErrorBody, EventBus, MetricsService, toErrorBody } from '@lc/platform';
import { LeaderboardService } from '../leaderboard.service';
import { type Concealment, concealmentFor, concealRows, concealStanding, concealTotal } from '../rounds/prediction-guard';
import { LeaderboardRow, LiveEvents, MyStanding } from '../leaderboard.types';
import { LiveService } from '../live.service';
import { DEFAULT_EVENT_LIMITS, EventRateLimiter } from './event-rate-limiter';
import { roundRoom, staffRoom, userRoom } from './rooms';
import { SocketQuota } from './socket-quota';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KIND = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_ROUNDS_PER_SOCKET = 10;

export interface LiveSocketData {
  actor: Actor;
  token: string;
  limiter: EventRateLimiter;
  /** roundId → "rank|score" last pushed (or returned on join), so rank:update goes out only on change. */
  standings: Map<string, string>;
}
export type ServerToClient = { [K in keyof LiveEvents]: (payload: LiveEvents[K]) => void };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LiveSocket = Socket<Record<string, (...args: any[]) => void>, ServerToClient, Record<string, never>, LiveSocketData>;

type Ack<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

export interface JoinAck {
  roundId: string;
  frozen: boolean;
  top: LeaderboardRow[];
  total: number | null;
  me: MyStanding | null;
  serverTime: string;
  concealed?: Concealment;
}

export const standingKey = (s: { rank: number | null; score: number | null }) => `${s.rank ?? '-'}|${s.score ?? '-'}`;

function fail(e: unknown): { ok: false; error: ErrorBody } {
  const { body } = toErrorBody(e);
  return { ok: false, error: body };
}

/**
 * Namespace /live. The handshake carries the access token (auth.token, or an Authorization
 * header), checked exactly like HTTP; every socket joins its user's room; clients join the
 * boards they may see. Events are rate limited per socket.
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<LiveSocket>, OnGatewayDisconnect<LiveSocket> {
  private readonly log = new Logger(LiveGateway.name);

  constructor(
    private readonly tokens: TokenService,
    private readonly boards: LeaderboardService,
    private readonly live: LiveService,
    private readonly clock: ClockService,
    private readonly metrics: MetricsService,
    private readonly quota: SocketQuota,
    private readonly config: AppConfig,
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
          data.standings = new Map();
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
      if (typeof ack === 'function') (ack as (r: unknown) => void)(fail(new DomainError('rate_limited', 429, 'Too many events, slow down')));
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

  @SubscribeMessage('leaderboard:join')
  async join(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<Ack<JoinAck>> {
    try {
      const roundId = (body as { roundId?: unknown } | null)?.roundId;
      if (typeof roundId !== 'string' || !UUID.test(roundId))
        throw badRequest('validation_failed', 'roundId must be a UUID', [{ field: 'roundId', problems: ['must be a UUID'] }]);
      // Tokens are re-checked on each join: a revoked or expired token joins nothing new.
      const actor = await this.tokens.verifyAccess(socket.data.token);
      const joined = [...socket.rooms].filter((r) => r.startsWith('round:')).length;
      if (joined >= MAX_ROUNDS_PER_SOCKET && !socket.rooms.has(roundRoom(roundId)) && !socket.rooms.has(staffRoom(roundId))) {
        throw badRequest('too_many_rounds', `A connection may watch at most ${MAX_ROUNDS_PER_SOCKET} rounds; leave one first`);
      }
      const { info, view, staff } = await this.boards.resolve(actor, roundId);
      const board = await this.boards.boardFor(info, view);
      const [{ top, total }, me] = await Promise.all([
        this.boards.top(info, board, 20),
        staff ? Promise.resolve(null) : this.boards.ranksOf(roundId, board, [actor.id]).then((r) => r.ranks.get(actor.id)!),
      ]);
      await socket.join(staff ? staffRoom(roundId) : roundRoom(roundId));
      const concealed = concealmentFor(info, staff);
      const mine = me ? concealStanding(me, concealed) : null;
      if (mine) socket.data.standings.set(roundId, standingKey(mine));
      const ack = {
        ok: true as const,
        roundId,
        frozen: view === 'frozen',
        top: concealRows(top, concealed, actor.id),
        total: concealTotal(total, concealed),
        me: mine,
        serverTime: this.clock.nowDate().toISOString(),
      };
      return concealed ? { ...ack, concealed } : ack;
    } catch (e) {
      return fail(e);
    }
  }

  @SubscribeMessage('leaderboard:leave')
  async leave(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<Ack<{ roundId: string }>> {
    const roundId = (body as { roundId?: unknown } | null)?.roundId;
    if (typeof roundId !== 'string' || !UUID.test(roundId)) return fail(badRequest('validation_failed', 'roundId must be a UUID'));
    await Promise.all([socket.leave(roundRoom(roundId)), socket.leave(staffRoom(roundId))]);
    socket.data.standings.delete(roundId);
    return { ok: true, roundId };
  }

  /** Integrity signals (focus lost, tab switches…) for the attempts module. */
  @SubscribeMessage('attempt:event')
  async attemptEvent(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<Ack<{ receivedAt: string }>> {
    try {
      const b = (body ?? {}) as { attemptId?: unknown; kind?: unknown; at?: unknown };
      const problems: { field: string; problems: string[] }[] = [];
      if (typeof b.attemptId !== 'string' || !UUID.test(b.attemptId)) problems.push({ field: 'attemptId', problems: ['must be a UUID'] });
      if (typeof b.kind !== 'string' || !KIND.test(b.kind)) problems.push({ field: 'kind', problems: ['must be a short snake_case word, e.g. focus_lost'] });
      if (typeof b.at !== 'string' || b.at.length > 40 || Number.isNaN(Date.parse(b.at)))
        problems.push({ field: 'at', problems: ['must be an ISO 8601 time'] });
      if (problems.length) throw badRequest('validation_failed', `Invalid input: ${problems.map((p) => p.field).join(', ')}`, problems);
      const actor = await this.tokens.verifyAccess(socket.data.token);
      // The attempts module (above this one) records it; its refusal (a DomainError) is the ack's error.
      const { handlers, failures } = await this.bus.emit('AttemptEventReceived', {
        actor,
        event: { attemptId: b.attemptId as string, kind: b.kind as string, at: b.at as string },
        client: {
          // Behind nginx the peer is the proxy: the resident's address as req.ip has it.
          ip: clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], this.config.trustProxy),
          userAgent: String(socket.handshake.headers['user-agent'] ?? '').slice(0, 300),
        },
      });
      // Refused, not dropped silently, in a process without the attempts module.
      if (!handlers) throw new DomainError('attempt_events_unavailable', 503, 'Attempt events are not accepted yet');
      if (failures.length) throw failures[0];
      return { ok: true, receivedAt: this.clock.nowDate().toISOString() };
    } catch (e) {
      return fail(e);
    }
  }

  /** Time sync for countdowns: clients compare this with their clock (and the round trip). */
  @SubscribeMessage('time:sync')
  timeSync(): { ok: true; serverTime: string } {
    return { ok: true, serverTime: this.clock.nowDate().toISOString() };
  }
}
