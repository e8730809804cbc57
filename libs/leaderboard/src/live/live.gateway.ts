import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { LIVE_NAMESPACE, LiveAck, liveAnswer, LiveAuth, LiveSocket, UUID } from '@lc/realtime';
import { badRequest, ClockService } from '@lc/platform';
import { LeaderboardService } from '../leaderboard.service';
import { type Concealment, concealmentFor, concealRows, concealStanding, concealTotal } from '../rounds/prediction-guard';
import { LeaderboardRow, MyStanding } from '../leaderboard.types';
import { roundRoom, staffRoom } from './rooms';
import { standingKey, standingsOf } from './standings';

const MAX_ROUNDS_PER_SOCKET = 10;

export interface JoinAck {
  roundId: string;
  frozen: boolean;
  top: LeaderboardRow[];
  total: number | null;
  me: MyStanding | null;
  serverTime: string;
  concealed?: Concealment;
}

const roundIdOf = (body: unknown) => (body as { roundId?: unknown } | null)?.roundId;

/**
 * The leaderboard's events on /live (libs/realtime carries the connection, its auth and limits):
 * clients join the boards they may see, then get `leaderboard:update` and `rank:update` pushes.
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
      const [{ top, total }, me] = await Promise.all([
        this.boards.top(info, board, 20),
        staff ? Promise.resolve(null) : this.boards.ranksOf(roundId, board, [actor.id]).then((r) => r.ranks.get(actor.id)!),
      ]);
      await socket.join(staff ? staffRoom(roundId) : roundRoom(roundId));
      const concealed = concealmentFor(info, staff);
      const mine = me ? concealStanding(me, concealed) : null;
      if (mine) standingsOf(socket).set(roundId, standingKey(mine));
      const ack: JoinAck = {
        roundId,
        frozen: view === 'frozen',
        top: concealRows(top, concealed, actor.id),
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
      await Promise.all([socket.leave(roundRoom(roundId)), socket.leave(staffRoom(roundId))]);
      standingsOf(socket).delete(roundId);
      return { roundId };
    });
  }
}
