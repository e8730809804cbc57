import { Injectable, ParseUUIDPipe } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, requireRole, TokenService } from '@lc/identity';
import { createValidationPipe, LeanRouteHandler, replyWithError } from '@lc/platform';
import { OPAQUE_ID, SaveAnswerDto } from './answer.dto';
import { AnswerService } from './answer.service';

const RESIDENT = ['resident'] as const;
const KEYS = new Set(['optionIds', 'value', 'seq']);

/**
 * PUT /attempts/:id/answers/:questionId without Nest's per-request pipeline: the same
 * steps as AuthGuard → ParseUUIDPipe → ValidationPipe → AnswerService, in that order,
 * with the same errors. An ordinary body is checked here in a few comparisons; anything
 * else goes through the ValidationPipe, so refusals read exactly as on every other route.
 */
@Injectable()
export class AutosaveHandler implements LeanRouteHandler {
  private readonly uuid = new ParseUUIDPipe();
  private readonly validation = createValidationPipe();

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
      const dto = isOrdinaryAnswer(req.body)
        ? req.body
        : ((await this.validation.transform(req.body, { type: 'body', metatype: SaveAnswerDto })) as SaveAnswerDto);
      return reply.send(await this.answers.save(actor, id, questionId, dto));
    } catch (e) {
      return replyWithError(req, reply, e);
    }
  }
}

/** A body SaveAnswerDto accepts as it is (a subset: null option lists, odd shapes go to the full validation). */
export function isOrdinaryAnswer(body: unknown): body is SaveAnswerDto {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  for (const k in body) if (!KEYS.has(k)) return false;
  const { optionIds, value, seq } = body as Record<string, unknown>;
  if (optionIds !== undefined) {
    if (!Array.isArray(optionIds) || optionIds.length > 20) return false;
    for (let i = 0; i < optionIds.length; i++) {
      const o: unknown = optionIds[i];
      if (typeof o !== 'string' || !OPAQUE_ID.test(o) || optionIds.indexOf(o) !== i) return false;
    }
  }
  if (value !== undefined && value !== null && !(typeof value === 'number' && Number.isFinite(value)) && !(typeof value === 'string' && value.length <= 2000))
    return false;
  return seq === undefined || (typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 && seq <= 2_000_000_000);
}
