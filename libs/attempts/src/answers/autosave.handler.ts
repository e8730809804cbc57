import { Injectable, ParseUUIDPipe } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, requireRole, TokenService } from '@lc/identity';
import { LeanRouteHandler, replyWithError } from '@lc/platform';
import { AnswerInput } from './answer-input';
import { AnswerService, RESIDENT } from './answer.service';

/**
 * PUT /attempts/:id/answers/:questionId without Nest's per-request pipeline: the same
 * steps as AuthGuard → ParseUUIDPipe → ValidationPipe → AnswerService, in that order,
 * with the same errors.
 */
@Injectable()
export class AutosaveHandler implements LeanRouteHandler {
  private readonly uuid = new ParseUUIDPipe();
  private readonly input = new AnswerInput();

  constructor(
    private readonly tokens: TokenService,
    private readonly answers: AnswerService,
  ) {}

  async handle(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const { id, questionId } = req.params as { id: string; questionId: string };
    try {
      const actor = await this.tokens.verifyAccess(bearerToken(req.headers.authorization));
      requireRole(actor, RESIDENT);
      await this.uuid.transform(id, { type: 'param', data: 'id' });
      return reply.send(await this.answers.save(actor, id, questionId, await this.input.dtoOf(req.body)));
    } catch (e) {
      return replyWithError(req, reply, e);
    }
  }
}
