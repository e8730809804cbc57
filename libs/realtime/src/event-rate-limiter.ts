export interface EventRateLimits {
  /** Sustained events per second a socket may send. */
  perSecond: number;
  /** Burst on top of that. */
  burst: number;
  /** Refused events tolerated (refilling at a tenth of the rate) before the socket is cut off. */
  patience: number;
}

export const DEFAULT_EVENT_LIMITS: EventRateLimits = { perSecond: 20, burst: 40, patience: 40 };

export type Verdict = 'ok' | 'throttled' | 'disconnect';

/**
 * Token bucket per socket. Over the limit an event is refused ("throttled"); a client that
 * keeps pushing after being refused drains a second bucket and is disconnected, so a
 * flooding socket costs the server almost nothing.
 */
export class EventRateLimiter {
  private tokens: number;
  private patienceLeft: number;
  private last: number;

  constructor(
    private readonly limits: EventRateLimits = DEFAULT_EVENT_LIMITS,
    now: number = Date.now(),
  ) {
    this.tokens = limits.burst;
    this.patienceLeft = limits.patience;
    this.last = now;
  }

  take(now: number = Date.now()): Verdict {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.limits.burst, this.tokens + elapsed * this.limits.perSecond);
    this.patienceLeft = Math.min(this.limits.patience, this.patienceLeft + (elapsed * this.limits.perSecond) / 10);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'ok';
    }
    this.patienceLeft -= 1;
    return this.patienceLeft <= 0 ? 'disconnect' : 'throttled';
  }
}
