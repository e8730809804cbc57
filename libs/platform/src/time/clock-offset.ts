/** One reading of Redis's clock: ours just before the call, Redis's, ours just after the reply. */
export interface ClockReading {
  before: number;
  redisMs: number;
  after: number;
}

/** Readings kept: 12 syncs of 3, a minute at one sync every 5 s (clocks drift slowly; Redis may move hosts). */
export const CLOCK_READINGS_KEPT = 36;

/**
 * Our offset to Redis's clock from recent readings. Redis read its clock somewhere inside the
 * round trip, so a reading is off by up to half of it; under a surge a busy event loop makes
 * that tens of milliseconds, which put an instance's "now" ahead of Redis's: a round it closed
 * was marked as closing a little in the future, and answers and submits on another instance in
 * those milliseconds got through. The fastest reading is the truest (as NTP does).
 */
export function offsetFrom(readings: readonly ClockReading[]): number {
  let best: ClockReading | null = null;
  for (const r of readings) if (!best || r.after - r.before < best.after - best.before) best = r;
  return best ? best.redisMs - Math.round((best.before + best.after) / 2) : 0;
}
