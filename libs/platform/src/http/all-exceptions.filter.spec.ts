import { BadRequestException, NotFoundException } from '@nestjs/common';
import { toErrorBody } from './all-exceptions.filter';

/** Redis refusing work is the service's trouble, never the caller's: 503 with Retry-After, not a 500. */
describe('toErrorBody: Redis unavailable', () => {
  const oom = () => Object.assign(new Error("OOM command not allowed when used memory > 'maxmemory'."), { name: 'ReplyError' });

  it('maps a refused command (maxmemory with noeviction) to 503', () => {
    const { body, headers } = toErrorBody(oom());
    expect(body.statusCode).toBe(503);
    expect(headers['Retry-After']).toBe('5');
  });

  it('maps a MULTI discarded because Redis refused its commands (EXECABORT) to 503', () => {
    const e = Object.assign(new Error('EXECABORT Transaction discarded because of previous errors.'), { name: 'ReplyError', previousErrors: [oom(), oom()] });
    const { body, headers } = toErrorBody(e);
    expect(body.statusCode).toBe(503);
    expect(headers['Retry-After']).toBe('5');
  });

  it('keeps an EXECABORT of our own making (a bad command) a 500', () => {
    const e = Object.assign(new Error('EXECABORT Transaction discarded because of previous errors.'), {
      previousErrors: [new Error("ERR wrong number of arguments for 'sadd' command")],
    });
    expect(toErrorBody(e).body.statusCode).toBe(500);
  });
});

/** Clients map codes to their own text: every 4xx carries one of ours, never Fastify's FST_* internals or none. */
describe('toErrorBody: every 4xx has one of our codes', () => {
  const fastifyError = (statusCode: number, code: string) => Object.assign(new Error(code), { statusCode, code });

  it.each([
    [fastifyError(413, 'FST_ERR_CTP_BODY_TOO_LARGE'), 'body_too_large'],
    [fastifyError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE'), 'unsupported_media_type'],
    [fastifyError(400, 'FST_ERR_CTP_EMPTY_JSON_BODY'), 'malformed_request'],
    [fastifyError(400, 'FST_ERR_BAD_URL'), 'malformed_request'],
    [new SyntaxError('Unexpected token'), 'malformed_request'],
    [new BadRequestException('Validation failed (uuid is expected)'), 'validation_failed'],
    [new NotFoundException('Cannot GET /api/v1/nowhere'), 'not_found'],
  ])('%s → %s', (error, code) => {
    expect(toErrorBody(error).body.code).toBe(code);
  });
});
