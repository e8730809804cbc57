import { conflict, DomainError } from '@lc/platform';

export const deadlinePassed = (deadlineAt: number, now: number, extra: Record<string, unknown> = {}) =>
  conflict('deadline_passed', 'The time for this attempt is over; answers after the deadline are not accepted', {
    deadlineAt: new Date(deadlineAt).toISOString(),
    serverTime: new Date(now).toISOString(),
    ...extra,
  });

export const roundClosed = (closedAt: number, now: number) =>
  conflict('round_closed', 'The organiser closed this round early; answers and submissions after the close are not accepted', {
    closedAt: new Date(closedAt).toISOString(),
    serverTime: new Date(now).toISOString(),
  });

export const attemptClosed = (status: string) =>
  conflict('attempt_closed', status === 'closing' ? 'This attempt is being submitted' : `This attempt is already ${status}`, { status });

export const tooManyRequests = (retryMs: number) =>
  new DomainError('rate_limited', 429, 'Too many requests, try again later', { retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)) });
