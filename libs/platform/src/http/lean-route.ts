import type { INestApplicationContext, Type } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Serves one route with plain Fastify, doing itself what guards and pipes would (auth, validation, errors). */
export interface LeanRouteHandler {
  handle(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>;
}

const LEAN_HANDLER = 'leanHandler';

/**
 * On a controller method: the route stays declared in Nest (OpenAPI, the authorization
 * matrix, the route table) but Fastify calls `handler` instead of Nest's per-request
 * pipeline, which was most of the CPU of the hottest route. The handler must answer
 * exactly as the method would.
 */
export const LeanRoute = (handler: Type<LeanRouteHandler>) => RouteConfig({ [LEAN_HANDLER]: handler });

/** Swaps in the lean handlers as Nest registers its routes (call before app.init()). */
export function installLeanRoutes(app: INestApplicationContext, fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const token = (route.config as Record<string, unknown> | undefined)?.[LEAN_HANDLER] as Type<LeanRouteHandler> | undefined;
    if (!token) return;
    const lean = app.get(token, { strict: false });
    route.handler = (req, reply) => {
      // Nest answers 404 for an empty path parameter ("/attempts//answers/x"); so does the lean route.
      if (Object.values((req.params ?? {}) as Record<string, string>).some((v) => v === '')) return reply.callNotFound();
      return lean.handle(req, reply);
    };
  });
}
