import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import { DynamicModule, INestApplication, RequestMethod, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppConfig } from '../config/app-config';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '../logging/logging.tokens';
import { PinoNestLogger } from '../logging/pino-nest-logger';
import { requestLogHook } from '../logging/request-log';
import { MetricsService } from '../metrics/metrics.service';
import { AllExceptionsFilter, toErrorBody } from './all-exceptions.filter';
import { createValidationPipe } from './validation';
import { badRequest } from './domain-error';
import { bodyProblem, MAX_BODY_DEPTH, urlHasNul } from './body-guards';
import { installLeanRoutes } from './lean-route';
import { buildOpenApiDocument, OpenApiOptions } from './openapi';
import { corsOptions } from './cors';
import { serveFirstScreen } from './serve-first-screen';

export const API_PREFIX = 'api/v1';

/**
 * The web app's policy: its own scripts and styles only (the built app has no inline script
 * or style element; React sets styles through the DOM, which CSP allows), calls and the live
 * socket to its own origin, no plugins, no framing. JSON answers get it too, harmlessly.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
/** Swagger UI at /docs styles itself inline. */
const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the api exactly as production runs it; tests use the same function. */
export async function createHttpApp(rootModule: Type<unknown> | DynamicModule, config: AppConfig, openApi: OpenApiOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Prototype pollution through JSON bodies is refused, not stripped silently.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // Backstop for every body (JSON too): Node answers a bare 408 when one is still arriving after this.
    // Uploads are watched more closely, with our error body (watchUpload).
    requestTimeout: config.uploadTimeoutMs + 60_000,
    // Router refusals (over-long path parameter, malformed percent-encoding) in our error body too.
    frameworkErrors: (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      const { body } = toErrorBody(err);
      body.requestId = String(req.id ?? '');
      void reply.status(body.statusCode).send(body);
    },
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  installLeanRoutes(app, fastify);
  // helmet's headers do not depend on the request: computed once, set as one object (its middleware was 6% of autosave CPU).
  const securityHeaders = helmetHeaders();
  // One id per request for Fastify, the request log and the client (echoed back).
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply
      .headers(securityHeaders)
      .header('content-security-policy', req.url.startsWith('/docs') ? DOCS_CSP : APP_CSP)
      .header('x-request-id', req.id);
    done();
  });
  await app.register(multipart, { limits: { fileSize: config.importMaxBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 } });
  app.enableCors({ ...corsOptions(config.corsOrigins), exposedHeaders: ['x-request-id', 'Retry-After'] });

  if (existsSync(join(config.webDistDir, 'index.html'))) {
    // The web app routes by URL hash, so only real files are served; anything else is our 404.
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      prefix: '/',
      wildcard: false,
      // `/` is the first screen (below); /index.html stays the plain file the service worker precaches.
      index: false,
      preCompressed: true,
      setHeaders: (res, path) => {
        void res.header('Cache-Control', path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    serveFirstScreen(app, config, APP_CSP);
  }

  setApiPrefix(app);
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const metrics = app.get(MetricsService);
  // Input PostgreSQL or the recursive validators cannot take is refused before either sees it (400, not 500).
  fastify.addHook('preValidation', (req, _reply, done) => {
    if (urlHasNul(req.url)) return done(badRequest('invalid_text', 'The address contains a NUL character'));
    const problem = req.body !== null && typeof req.body === 'object' ? bodyProblem(req.body) : null;
    if (problem === 'too_deep') return done(badRequest('body_too_deep', `The request body nests deeper than ${MAX_BODY_DEPTH} levels`));
    if (problem === 'invalid_text') return done(badRequest('invalid_text', 'Text in the request contains a NUL character or a broken Unicode character'));
    done();
  });
  const logRequest = requestLogHook(app.get<symbol, Logger>(ROOT_LOGGER));
  fastify.addHook('onResponse', (req, reply, done) => {
    metrics.httpDuration.observe(
      { method: req.method, route: req.routeOptions?.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    logRequest(req, reply, done);
  });

  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, openApi), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/** The routes' prefix, also applied where the OpenAPI document is built without a server. */
export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
}

/** The headers helmet would set on every response, captured from its middleware once. */
function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = { setHeader: (k: string, v: unknown) => void (headers[k] = String(v)), removeHeader: () => undefined, getHeader: () => undefined };
  helmet({ contentSecurityPolicy: false })({} as never, res as never, () => undefined);
  return headers;
}
