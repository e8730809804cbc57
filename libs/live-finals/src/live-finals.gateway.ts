import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import type { Actor } from '@lc/identity';
import { badRequest, toErrorBody } from '@lc/platform';
import { LiveFinalsService, liveFinalRoom } from './live-finals.service';
import type { LiveStateView } from './live-finals.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Refused = { ok: false; code: string; message: string };
const refused = (e: unknown): Refused => {
  const { body } = toErrorBody(e);
  return { ok: false, code: body.code ?? 'error', message: body.message };
};

/**
 * The live final's socket events, on the same /live namespace as the boards: the
 * leaderboard's LiveGateway authenticates every socket (handshake token → socket.data.actor,
 * rate limits) before these handlers see it, and its Redis adapter carries the broadcasts
 * between instances. This class only adds live:join and live:answer.
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveFinalsGateway {
  constructor(private readonly finals: LiveFinalsService) {}

  @SubscribeMessage('live:join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<({ ok: true } & LiveStateView) | Refused> {
    try {
      const roundId = roundIdOf(body);
      const view = await this.finals.stateFor(actorOf(socket), roundId);
      await socket.join(liveFinalRoom(roundId));
      return { ok: true, ...view };
    } catch (e) {
      return refused(e);
    }
  }

  @SubscribeMessage('live:answer')
  async answer(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: true; receivedAt: string } | Refused> {
    try {
      const b = (body ?? {}) as { roundId?: unknown; questionId?: unknown; optionIds?: unknown };
      const roundId = roundIdOf(b);
      if (typeof b.questionId !== 'string' || b.questionId.length > 64) return { ok: false, code: 'validation_failed', message: 'questionId must be a string' };
      if (!Array.isArray(b.optionIds) || !b.optionIds.length || b.optionIds.length > 20 || b.optionIds.some((x) => typeof x !== 'string' || x.length > 64))
        return { ok: false, code: 'validation_failed', message: 'optionIds must be 1–20 option ids' };
      const r = await this.finals.answer(actorOf(socket), roundId, b.questionId, b.optionIds as string[]);
      return { ok: true, receivedAt: r.receivedAt };
    } catch (e) {
      return refused(e);
    }
  }
}

function roundIdOf(body: unknown): string {
  const roundId = (body as { roundId?: unknown } | null)?.roundId;
  if (typeof roundId !== 'string' || !UUID.test(roundId)) throw badRequest('validation_failed', 'roundId must be a UUID');
  return roundId;
}

function actorOf(socket: Socket): Actor {
  return (socket.data as { actor: Actor }).actor;
}
