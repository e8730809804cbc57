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
    const e = Object.assign(new Error('EXECABORT Transaction discarded because of previous errors.'), { previousErrors: [new Error("ERR wrong number of arguments for 'sadd' command")] });
    expect(toErrorBody(e).body.statusCode).toBe(500);
  });
});
