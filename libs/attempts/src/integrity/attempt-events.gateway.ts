import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { LIVE_NAMESPACE, LiveAck, liveAnswer, LiveAuth, LiveSocket, UUID } from '@lc/realtime';
import { AppConfig, badRequest, clientAddress, ClockService } from '@lc/platform';
import { AttemptIntegrityService } from './attempt-integrity.service';

const KIND = /^[a-z][a-z0-9_]{0,39}$/;

/** Attempts' events on /live (libs/realtime carries the connection, its auth and limits). */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class AttemptEventsGateway {
  constructor(
    private readonly auth: LiveAuth,
    private readonly integrity: AttemptIntegrityService,
    private readonly clock: ClockService,
    private readonly config: AppConfig,
  ) {}

  /** Integrity signals (focus lost, tab switches…), as `POST /attempts/:id/events` records them. */
  @SubscribeMessage('attempt:event')
  attemptEvent(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck<{ receivedAt: string }>> {
    return liveAnswer(async () => {
      const b = (body ?? {}) as { attemptId?: unknown; kind?: unknown; at?: unknown };
      const problems: { field: string; problems: string[] }[] = [];
      if (typeof b.attemptId !== 'string' || !UUID.test(b.attemptId)) problems.push({ field: 'attemptId', problems: ['must be a UUID'] });
      if (typeof b.kind !== 'string' || !KIND.test(b.kind)) problems.push({ field: 'kind', problems: ['must be a short snake_case word, e.g. focus_lost'] });
      if (typeof b.at !== 'string' || b.at.length > 40 || Number.isNaN(Date.parse(b.at)))
        problems.push({ field: 'at', problems: ['must be an ISO 8601 time'] });
      if (problems.length) throw badRequest('validation_failed', `Invalid input: ${problems.map((p) => p.field).join(', ')}`, problems);
      const actor = await this.auth.recheck(socket);
      // Behind nginx the peer is the proxy: the resident's address as req.ip has it.
      const ip = clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], this.config.trustProxy);
      await this.integrity.record(actor, b.attemptId as string, b.kind as string, b.at as string, ip);
      return { receivedAt: this.clock.nowDate().toISOString() };
    });
  }
}
