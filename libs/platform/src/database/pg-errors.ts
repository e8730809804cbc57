import { QueryFailedError } from 'typeorm';

export const PG_UNIQUE_VIOLATION = '23505';

export function pgCode(e: unknown): string | undefined {
  if (e instanceof QueryFailedError) return (e.driverError as { code?: string }).code;
  return (e as { code?: string } | null)?.code;
}

export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  if (pgCode(e) !== PG_UNIQUE_VIOLATION) return false;
  if (!constraint) return true;
  const driver = e instanceof QueryFailedError ? (e.driverError as { constraint?: string }) : (e as { constraint?: string });
  return driver.constraint === constraint;
}

/** Errors meaning "the database is not reachable right now" (not the caller's fault): answer 503. */
export function isDatabaseUnavailable(e: unknown): boolean {
  const code = pgCode(e) ?? '';
  const msg = (e as Error | null)?.message ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300', '08006', '08001', '08003'].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|Connection refused|the database system is (starting up|shutting down)/i.test(msg)
  );
}
