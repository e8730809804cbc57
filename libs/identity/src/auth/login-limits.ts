/**
 * Sign-in limits with progressive delay, kept per account *and client* and per account
 * alone. A guesser on one client soon waits minutes between tries; a stranger guessing from
 * many clients slows the account by at most `maxAccountDelaySeconds` a try, and never slows a
 * client the holder signed in from before; a password reset clears both. Nothing here locks:
 * a delay always ends.
 */
export interface LoginLimitPolicy {
  /** Tries a client may get wrong for one account before it waits. */
  freePerClient: number;
  /** Wrong tries for one account, from all clients together, before every client waits (AUTH_RATE_LIMIT_PER_MINUTE). */
  freePerAccount: number;
  /** The first wait; each further wrong try doubles it. */
  baseDelaySeconds: number;
  maxClientDelaySeconds: number;
  maxAccountDelaySeconds: number;
  /** Counters are forgotten after this long without a wrong try. */
  windowSeconds: number;
}

export const LOGIN_LIMITS: LoginLimitPolicy = {
  freePerClient: 5,
  freePerAccount: 10,
  baseDelaySeconds: 2,
  maxClientDelaySeconds: 15 * 60,
  maxAccountDelaySeconds: 60,
  windowSeconds: 3600,
};

/** Seconds to wait after the last of `failures` wrong tries before the next try is heard. */
export function delayAfter(failures: number, free: number, baseSeconds: number, maxSeconds: number): number {
  if (failures < free) return 0;
  return Math.min(maxSeconds, baseSeconds * 2 ** Math.min(30, failures - free));
}

/**
 * One account however it is typed: a phone in any of its spellings (`09…`, `+84…`, `84…`,
 * spaces and dots) is its 0-form; an e-mail is lower-cased; anything else as typed, trimmed.
 */
export function loginAccountKey(login: string, normalisePhone: (s: string) => string | null): string {
  const t = login.trim();
  if (t.includes('@')) return `email:${t.toLowerCase()}`;
  const phone = normalisePhone(t);
  return phone ? `phone:${phone}` : `other:${t.toLowerCase()}`;
}
