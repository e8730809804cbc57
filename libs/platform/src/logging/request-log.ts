import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

type OnResponse = (req: FastifyRequest, reply: FastifyReply, done: () => void) => void;

/**
 * One line per finished request from Fastify's own id and timing: no per-request child logger
 * and no AsyncLocalStorage (whose promise hooks taxed every promise in the process). Successes
 * log at debug, so at the default level a request costs one level check.
 */
export function requestLogHook(log: Logger): OnResponse {
  return (req, reply, done) => {
    const statusCode = reply.statusCode;
    const level = statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'debug';
    if (log.isLevelEnabled(level)) {
      const q = req.url.indexOf('?');
      const url = q === -1 ? req.url : req.url.slice(0, q);
      log[level]({ req: { id: req.id, method: req.method, url }, res: { statusCode }, responseTime: Math.round(reply.elapsedTime) }, 'request completed');
    }
    done();
  };
}
