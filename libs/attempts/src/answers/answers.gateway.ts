import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { requireRole } from '@lc/identity';
import { badRequest } from '@lc/platform';
import { LIVE_NAMESPACE, LiveAck, liveAnswer, LiveAuth, LiveSocket, UUID } from '@lc/realtime';
import { AnswerInput } from './answer-input';
import { AnswerService, RESIDENT, SavedAnswerAck } from './answer.service';

/**
 * `attempt:answer` on /live: the autosave over the socket the attempt page already holds
 * (issue 18: a socket message costs the api a fraction of an HTTP request). The same checks,
 * store and refusals as PUT /attempts/:id/answers/:questionId; the ack carries its body.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class AttemptAnswersGateway {
  private readonly input = new AnswerInput();

  constructor(
    private readonly auth: LiveAuth,
    private readonly answers: AnswerService,
  ) {}

  @SubscribeMessage('attempt:answer')
  answer(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck<SavedAnswerAck>> {
    return liveAnswer(async () => {
      const { attemptId, questionId, ...change } = (body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
      // As on HTTP: an expired or revoked token saves nothing, whatever the handshake said.
      const actor = await this.auth.recheck(socket);
      requireRole(actor, RESIDENT);
      if (typeof attemptId !== 'string' || !UUID.test(attemptId))
        throw badRequest('validation_failed', 'Invalid input: attemptId', [{ field: 'attemptId', problems: ['must be a UUID'] }]);
      if (typeof questionId !== 'string')
        throw badRequest('validation_failed', 'Invalid input: questionId', [{ field: 'questionId', problems: ['must be a question id of this attempt'] }]);
      return this.answers.save(actor, attemptId, questionId, await this.input.dtoOf(change));
    });
  }
}
