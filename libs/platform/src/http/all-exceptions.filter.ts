import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../database/pg-errors';
import { DomainError } from './domain-error';
import { ErrorBody, errorBody } from './error-body';

/** Maps every error to the SPEC's body. Internals never leak; 5xx are logged with the request id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    replyWithError(host.switchToHttp().getRequest<FastifyRequest>(), host.switchToHttp().getResponse<FastifyReply>(), exception);
  }
}

const errorLog = new Logger('Errors');

/** The SPEC's error reply, for the filter and for routes served outside Nest's pipeline alike. */
export function replyWithError(req: FastifyRequest, reply: FastifyReply, exception: unknown): FastifyReply {
  const requestId = String(req.id ?? '');
  const { body, headers } = toErrorBody(exception);
  if (exception instanceof ThrottlerException) headers['Retry-After'] = retryAfterFromThrottler(reply);
  body.requestId = requestId;
  if (body.statusCode >= 500 && body.statusCode !== 503) {
    errorLog.error({ err: exception, requestId, url: req.url }, 'unhandled error');
  } else if (body.statusCode === 503) {
    errorLog.warn({ requestId, url: req.url, err: (exception as Error)?.message }, 'service unavailable');
  }
  for (const [k, v] of Object.entries(headers)) void reply.header(k, v);
  // A 408 answers a client that stopped sending: hang up rather than wait for the rest of its body.
  if (body.statusCode === 408) void reply.header('connection', 'close');
  // A route's own content type (text/plain, a file's) does not apply to its error body.
  return reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
}

export function toErrorBody(exception: unknown): { body: ErrorBody; headers: Record<string, string> } {
  if (exception instanceof DomainError) {
    return { body: errorBody(exception.status, exception.message, { code: exception.code, details: exception.details }), headers: {} };
  }
  if (exception instanceof ThrottlerException) {
    return { body: errorBody(429, 'Too many requests, try again later', { code: 'rate_limited' }), headers: { 'Retry-After': '60' } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const res = exception.getResponse();
    if (typeof res === 'object' && res !== null) {
      const r = res as { message?: unknown; details?: unknown; code?: string; retryAfter?: number };
      const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
      const headers: Record<string, string> = r.retryAfter ? { 'Retry-After': String(r.retryAfter) } : {};
      return { body: errorBody(status, message, { code: r.code ?? CODE_BY_STATUS[status], details: r.details }), headers };
    }
    return { body: errorBody(status, String(res), { code: CODE_BY_STATUS[status] }), headers: {} };
  }
  // Fastify's own errors (bad JSON, body too large, bad content type) carry a 4xx statusCode;
  // their FST_* codes are Fastify's internals, so clients get one of ours instead.
  const fe = exception as { statusCode?: number; code?: string; message?: string } | null;
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code =
      fe.statusCode === 413 || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'body_too_large'
        : fe.statusCode === 415 || fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'unsupported_media_type'
          : fe.statusCode === 404
            ? 'not_found'
            : 'malformed_request';
    const message =
      code === 'body_too_large'
        ? 'Request body is too large'
        : code === 'unsupported_media_type'
          ? 'Unsupported content type'
          : fe.code?.startsWith('FST_ERR_CTP') || exception instanceof SyntaxError
            ? 'Malformed request body'
            : (fe.message ?? 'Bad request');
    return { body: errorBody(fe.statusCode, message, { code }), headers: {} };
  }
  if (exception instanceof SyntaxError) return { body: errorBody(400, 'Malformed JSON body', { code: 'malformed_request' }), headers: {} };
  if (isDatabaseUnavailable(exception) || isRedisUnavailable(exception)) {
    return { body: errorBody(503, 'Service temporarily unavailable, please retry', { code: 'unavailable' }), headers: { 'Retry-After': '5' } };
  }
  return { body: errorBody(500, 'Internal server error'), headers: {} };
}

/** Nest's own exceptions (ParseUUIDPipe, unknown route) carry no code: one by status, so every 4xx has one. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** The throttler sets Retry-After-<name> per limit it checked; clients want one Retry-After. */
function retryAfterFromThrottler(reply: FastifyReply): string {
  const values = Object.entries(reply.getHeaders())
    .filter(([k]) => k.toLowerCase().startsWith('retry-after'))
    .map(([, v]) => Number(v))
    .filter((n) => Number.isFinite(n) && n > 0);
  return String(values.length ? Math.max(...values) : 60);
}

function isRedisUnavailable(e: unknown): boolean {
  const msg = (e as Error | null)?.message ?? '';
  const name = (e as Error | null)?.name ?? '';
  // A MULTI whose commands Redis refused (e.g. OOM at maxmemory) fails as EXECABORT; the cause is in previousErrors.
  const previous = (e as { previousErrors?: unknown } | null)?.previousErrors;
  return (
    name === 'MaxRetriesPerRequestError' ||
    /Command timed out|Connection is closed|ECONNREFUSED|Stream isn't writeable|OOM command not allowed/i.test(msg) ||
    (Array.isArray(previous) && previous.some((p) => isRedisUnavailable(p)))
  );
}
