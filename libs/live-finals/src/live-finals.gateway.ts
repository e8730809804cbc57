import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { badRequest, type ErrorBody, toErrorBody } from '@lc/platform';
import { LIVE_NAMESPACE, LiveAuth, type LiveSocket, liveSocketActor, UUID } from '@lc/realtime';
import { LiveFinalsService, liveFinalRoom } from './live-finals.service';
import type { LiveStateView } from './live-finals.types';

/** A refusal in an ack: the code (SPEC: `{ ok: false, code }`) and the HTTP error body beside it. */
type Refused = { ok: false; code: string; error: ErrorBody };
const refused = (e: unknown): Refused => {
  const { body } = toErrorBody(e);
  return { ok: false, code: body.code ?? 'error', error: body };
};

/**
 * The live final's client → server events on /live. The realtime transport authenticates
 * every socket, rate limits its events and carries broadcasts between instances; this
 * gateway only adds live:join (the state, and the round's room) and live:answer.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveFinalsGateway {
  constructor(
    private readonly finals: LiveFinalsService,
    private readonly auth: LiveAuth,
  ) {}

  @SubscribeMessage('live:join')
  async join(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<({ ok: true } & LiveStateView) | Refused> {
    try {
      const roundId = roundIdOf(body);
      // A revoked token joins nothing new.
      const actor = await this.auth.recheck(socket);
      const view = await this.finals.stateFor(actor, roundId);
      await socket.join(liveFinalRoom(roundId));
      return { ok: true, ...view };
    } catch (e) {
      return refused(e);
    }
  }

  @SubscribeMessage('live:answer')
  async answer(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<{ ok: true; receivedAt: string } | Refused> {
    try {
      const b = (body ?? {}) as { roundId?: unknown; questionId?: unknown; optionIds?: unknown };
      const roundId = roundIdOf(b);
      if (typeof b.questionId !== 'string' || b.questionId.length > 64) throw badRequest('validation_failed', 'questionId must be a string');
      if (!Array.isArray(b.optionIds) || !b.optionIds.length || b.optionIds.length > 20 || b.optionIds.some((x) => typeof x !== 'string' || x.length > 64))
        throw badRequest('validation_failed', 'optionIds must be 1–20 option ids');
      // The hot path: the handshake's user (revocation closes the socket itself).
      const r = await this.finals.answer(liveSocketActor(socket), roundId, b.questionId, b.optionIds as string[]);
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
