import { conflict, DomainError } from '@lc/platform';

export const deadlinePassed = (deadlineAt: number, now: number, extra: Record<string, unknown> = {}) =>
  conflict('deadline_passed', 'The time for this attempt is over; answers after the deadline are not accepted', {
    deadlineAt: new Date(deadlineAt).toISOString(),
    serverTime: new Date(now).toISOString(),
    ...extra,
  });

export const attemptClosed = (status: string) =>
  conflict('attempt_closed', status === 'closing' ? 'This attempt is being submitted' : `This attempt is already ${status}`, { status });

export const tooManyRequests = (retryMs: number) =>
  new DomainError('rate_limited', 429, 'Too many requests, try again later', { retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)) });
