import type { INestApplication } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The SPEC's error body, as every 4xx/5xx carries it (see error-body.ts). */
export class ErrorResponse {
  @ApiProperty({ type: 'integer', example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'Conflict', description: "The status's standard reason phrase" })
  error!: string;

  @ApiProperty({ example: 'You already have an attempt in progress', description: 'English, for developers and logs; clients show their own text per code' })
  message!: string;

  /** The enum is filled in by buildOpenApiDocument from the app's list. */
  @ApiPropertyOptional({ type: String, description: 'Stable machine-readable reason; absent only for routing errors (unknown path or method)' })
  code?: string;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
    ],
    description: 'Depends on the code: e.g. `[{ field, problems }]` for validation_failed, `{ attemptId }` for attempt_in_progress',
  })
  details?: unknown;

  @ApiPropertyOptional({ description: 'Echoes X-Request-Id; quote it when reporting a problem' })
  requestId?: string;
}

export interface OpenApiOptions {
  /** Every `code` the app's errors can carry (documented as ErrorResponse.code's enum). */
  errorCodes: readonly string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ERROR_REF = { $ref: '#/components/schemas/ErrorResponse' };

/**
 * The OpenAPI document the api serves at /docs/openapi.json and the web app's types are
 * generated from (npm run openapi:write). Built from the app's decorators alone, so it can
 * be built without a database (see apps/api/src/openapi).
 */
export function buildOpenApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Legal-knowledge contest platform')
    .setDescription(
      'Question banks, contests, rounds, attempts, leaderboards, judging and results. Errors: ErrorResponse { statusCode, error, message, code, details, requestId }.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const doc = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponse] });
  const errorSchema = doc.components?.schemas?.ErrorResponse as { properties: Record<string, Record<string, unknown>> };
  errorSchema.properties.code.enum = [...options.errorCodes].sort();
  doc.components!.responses = Object.fromEntries(
    Object.values(SHARED).map(({ name, description }) => [name, { description, content: { 'application/json': { schema: ERROR_REF } } }]),
  );
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) addErrorResponses(op, method, path);
    }
  }
  return doc;
}

/**
 * The error statuses a route can answer with, by what the route has: any input can be
 * refused (400), a route behind the auth guard can refuse the token (401) or the role (403),
 * a path id can name nothing visible (404), a write can collide with the record's state (409),
 * an upload can be too big (413) and PostgreSQL or Redis can be away (503). Responses a
 * route declares itself (e.g. 429 on sign-in) keep their description and get the body,
 * unless they declare a body of their own.
 */
function addErrorResponses(op: OperationObject, method: string, path: string): void {
  const statuses = new Set(['400', '503']);
  if (op.security?.length) statuses.add('401').add('403');
  if (path.includes('{')) statuses.add('404');
  if (method !== 'get') statuses.add('409');
  if (op.requestBody && 'content' in op.requestBody && 'multipart/form-data' in op.requestBody.content) statuses.add('413').add('415');
  for (const status of Object.keys(op.responses)) if (Number(status) >= 400) statuses.add(status);
  for (const status of [...statuses].sort()) {
    const given = op.responses[status] as ResponseObject | undefined;
    // A route that answers an error status with its own body (health's 503) declares it.
    if (given?.content) continue;
    op.responses[status] = given?.description
      ? { description: given.description, content: { 'application/json': { schema: ERROR_REF } } }
      : { $ref: `#/components/responses/${SHARED[status].name}` };
  }
}

/** The error responses most routes share, as components (referenced, not repeated per route). */
const SHARED: Record<string, { name: string; description: string }> = {
  '400': { name: 'BadRequest', description: 'Invalid input (code validation_failed with details [{ field, problems }], or a rule-specific code)' },
  '401': { name: 'Unauthorized', description: 'Sign-in required, or the token is invalid or expired (code unauthorized)' },
  '403': { name: 'Forbidden', description: 'Not allowed for this account (code forbidden, or a rule-specific code)' },
  '404': { name: 'NotFound', description: 'No such record, or not visible to this account (code not_found)' },
  '409': { name: 'Conflict', description: "Conflicts with the record's current state (rule-specific code)" },
  '413': { name: 'PayloadTooLarge', description: 'The upload or body is too large' },
  '415': { name: 'UnsupportedMediaType', description: 'The file or content type is not accepted' },
  '429': { name: 'TooManyRequests', description: 'Rate limited; see Retry-After (code rate_limited)' },
  '503': { name: 'ServiceUnavailable', description: 'PostgreSQL or Redis is unavailable; retry after Retry-After (code unavailable)' },
};
