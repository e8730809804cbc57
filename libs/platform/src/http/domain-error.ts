/**
 * The one error type for rule violations. Each feature module defines its own codes;
 * the global filter turns them into `{ statusCode, error, message, details }`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, details?: unknown) => new DomainError('not_found', 404, `${what} not found`, details);
export const forbidden = (message = 'You may not do this', details?: unknown) => new DomainError('forbidden', 403, message, details);
export const conflict = (code: string, message: string, details?: unknown) => new DomainError(code, 409, message, details);
export const badRequest = (code: string, message: string, details?: unknown) => new DomainError(code, 400, message, details);
