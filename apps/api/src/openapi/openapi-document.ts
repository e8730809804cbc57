import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, loadConfig, setApiPrefix } from '@lc/platform';
import { ApiModule } from '../app.module';
import { ERROR_CODES } from './error-codes';

export const API_OPENAPI = { errorCodes: ERROR_CODES };

/**
 * The document the api serves at /docs/openapi.json, built without PostgreSQL or Redis:
 * Nest's preview mode resolves the modules and controllers but instantiates no provider,
 * so nothing connects (the config below only has to pass validation).
 */
export async function apiOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await previewApi();
  try {
    return buildOpenApiDocument(app, API_OPENAPI);
  } finally {
    await app.close();
  }
}

/** The api's modules and controllers, resolved but not instantiated (no connections). */
export async function previewApi(): Promise<INestApplication> {
  const config = loadConfig({
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi',
    REDIS_URL: 'redis://127.0.0.1:1',
    JWT_SECRET: 'o'.repeat(32),
    PII_KEY: 'o'.repeat(32),
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create(ApiModule.forRoot(config), new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  setApiPrefix(app);
  return app;
}
