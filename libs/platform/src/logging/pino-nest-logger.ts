import { Inject, Injectable, LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { ROOT_LOGGER } from './logging.tokens';

const STACK = /\n\s*at /;

/**
 * Nest's LoggerService on the root pino logger, with no per-request state. Nest passes its
 * context as the last string argument and, for errors, a stack before it: error(message, stack, context).
 */
@Injectable()
export class PinoNestLogger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    // Nest's own debug/verbose chatter costs one check at the usual levels.
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    let rest = params;
    const last = rest[rest.length - 1];
    // A lone stack (Nest's error(message, stack) without a context) is not a context.
    if (typeof last === 'string' && !(rest.length === 1 && STACK.test(last))) {
      fields.context = last;
      rest = rest.slice(0, -1);
    }
    let msg: string | undefined;
    if (message instanceof Error) {
      fields.err = message;
    } else if (message !== null && typeof message === 'object') {
      Object.assign(fields, message);
      msg = rest.find((p): p is string => typeof p === 'string' && !STACK.test(p));
    } else {
      msg = String(message);
    }
    const stack = rest.find((p): p is string => typeof p === 'string' && STACK.test(p));
    if (stack !== undefined && fields.err === undefined) {
      const err = new Error(msg);
      err.stack = stack;
      fields.err = err;
    }
    this.pino[level](fields, msg);
  }
}
