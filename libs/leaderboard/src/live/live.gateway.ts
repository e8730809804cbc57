import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { LIVE_NAMESPACE, LiveAck, liveAnswer, LiveAuth, LiveSocket, UUID } from '@lc/realtime';
import { badRequest, ClockService } from '@lc/platform';
import { LeaderboardService } from '../leaderboard.service';
import { type Concealment, concealmentFor, concealRows, concealStanding, concealTotal, TOP_N } from '../rounds/prediction-guard';
import { LeaderboardRow, MyStanding } from '../leaderboard.types';
import { patchRoom, roundRoom, staffRoom } from './rooms';
import { standingKey, standingsOf } from './standings';
import { topHashOf } from './top-hash';

const MAX_ROUNDS_PER_SOCKET = 10;

export interface JoinAck {
  roundId: string;
  frozen: boolean;
  top: LeaderboardRow[];
  /** The hash of these rows as the room's pushes name them (the room's form: no viewer's own score). */
  topHash: string;
  total: number | null;
  me: MyStanding | null;
  serverTime: string;
  concealed?: Concealment;
}

const roundIdOf = (body: unknown) => (body as { roundId?: unknown } | null)?.roundId;

/**
 * The leaderboard's events on /live (libs/realtime carries the connection, its auth and limits):
 * clients join the boards they may see, then get `leaderboard:update` and `rank:update` pushes.
 * The join's answer always carries the full top and its `topHash`: a push leaves `top` out while
 * the room's top is unchanged, so a late joiner has its rows from here, and a client whose rows
 * do not match a push's `topHash` (missed a push, or read them over HTTP) joins again.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LeaderboardGateway {
  constructor(
    private readonly auth: LiveAuth,
    private readonly boards: LeaderboardService,
    private readonly clock: ClockService,
  ) {}

  @SubscribeMessage('leaderboard:join')
  join(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck<JoinAck>> {
    return liveAnswer(async () => {
      const roundId = roundIdOf(body);
      if (typeof roundId !== 'string' || !UUID.test(roundId))
        throw badRequest('validation_failed', 'roundId must be a UUID', [{ field: 'roundId', problems: ['must be a UUID'] }]);
      // Tokens are re-checked on each join: a revoked or expired token joins nothing new.
      const actor = await this.auth.recheck(socket);
      const joined = [...socket.rooms].filter((r) => r.startsWith('round:')).length;
      if (joined >= MAX_ROUNDS_PER_SOCKET && !socket.rooms.has(roundRoom(roundId)) && !socket.rooms.has(staffRoom(roundId))) {
        throw badRequest('too_many_rounds', `A connection may watch at most ${MAX_ROUNDS_PER_SOCKET} rounds; leave one first`);
      }
      const { info, view, staff } = await this.boards.resolve(actor, roundId);
      const board = await this.boards.boardFor(info, view);
      // In the room before the read: a push computed after it reaches this socket, so the rows
      // answered here are never older than the last push the socket missed.
      const room = staff ? staffRoom(roundId) : roundRoom(roundId);
      const wasIn = socket.rooms.has(room);
      // A page that can apply `topPatch` says so (and one joining again without it leaves); staff always get the rows.
      const patches = !staff && (body as { patches?: unknown }).patches === true;
      const rooms = patches ? [room, patchRoom(roundId)] : [room];
      await socket.join(rooms);
      if (!staff && !patches) await socket.leave(patchRoom(roundId));
      const [{ top, total }, me] = await Promise.all([
        this.boards.top(info, board, TOP_N),
        staff ? Promise.resolve(null) : this.boards.ranksOf(roundId, board, [actor.id]).then((r) => r.ranks.get(actor.id)!),
      ]).catch(async (e: unknown) => {
        if (!wasIn) for (const r of rooms) await socket.leave(r);
        throw e;
      });
      const concealed = concealmentFor(info, staff);
      const mine = me ? concealStanding(me, concealed) : null;
      if (mine) standingsOf(socket).set(roundId, standingKey(mine));
      const ack: JoinAck = {
        roundId,
        frozen: view === 'frozen',
        top: concealRows(top, concealed, actor.id),
        topHash: topHashOf(concealRows(top, concealed)),
        total: concealTotal(total, concealed),
        me: mine,
        serverTime: this.clock.nowDate().toISOString(),
      };
      return concealed ? { ...ack, concealed } : ack;
    });
  }

  @SubscribeMessage('leaderboard:leave')
  leave(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck<{ roundId: string }>> {
    return liveAnswer(async () => {
      const roundId = roundIdOf(body);
      if (typeof roundId !== 'string' || !UUID.test(roundId)) throw badRequest('validation_failed', 'roundId must be a UUID');
      await Promise.all([socket.leave(roundRoom(roundId)), socket.leave(patchRoom(roundId)), socket.leave(staffRoom(roundId))]);
      standingsOf(socket).delete(roundId);
      return { roundId };
    });
  }
}
