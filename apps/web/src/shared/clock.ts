/**
 * The server decides deadlines; the phone's clock may be wrong and may sleep. We keep only
 * an offset (server − local) and recompute the remaining time from the deadline on every
 * tick, so a countdown is right after the screen wakes up and whatever the phone's clock says.
 */

/**
 * Offset in ms to add to the local clock to get the server's. With the request's send time,
 * the server's stamp is taken to be the midpoint of the round trip; without, the receipt time.
 */
export function clockOffset(serverTime: string | number, receivedAtLocalMs: number, sentAtLocalMs?: number): number {
  const server = typeof serverTime === 'number' ? serverTime : Date.parse(serverTime);
  if (!Number.isFinite(server)) return 0;
  const local = sentAtLocalMs !== undefined && sentAtLocalMs <= receivedAtLocalMs ? (sentAtLocalMs + receivedAtLocalMs) / 2 : receivedAtLocalMs;
  return Math.round(server - local);
}

export function serverNow(offsetMs: number, localNowMs: number = Date.now()): number {
  return localNowMs + offsetMs;
}

/** Milliseconds left until the deadline on the server's clock, never negative. */
export function remainingMs(deadlineAt: string | number, offsetMs: number, localNowMs: number = Date.now()): number {
  const deadline = typeof deadlineAt === 'number' ? deadlineAt : Date.parse(deadlineAt);
  if (!Number.isFinite(deadline)) return 0;
  return Math.max(0, deadline - serverNow(offsetMs, localNowMs));
}

/** "mm:ss", or "h:mm:ss" from an hour up; rounds up so 0:00 shows only when time is out. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Spoken form for screen readers: "còn 4 phút 5 giây". */
export function speakCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} giờ`);
  if (m) parts.push(`${m} phút`);
  if (s || parts.length === 0) parts.push(`${s} giây`);
  return `Còn ${parts.join(' ')}`;
}

/** Moments at which a screen reader is told the remaining time (not every second). */
export const ANNOUNCE_AT_SECONDS = [600, 300, 120, 60, 30, 10];

/** The announcement threshold just crossed between two ticks, if any. */
export function crossedThreshold(prevMs: number, nowMs: number, thresholds: number[] = ANNOUNCE_AT_SECONDS): number | null {
  for (const t of thresholds) {
    const at = t * 1000;
    if (prevMs > at && nowMs <= at) return t;
  }
  return null;
}

export type DeadlineWarning = 'none' | 'soon' | 'offline_soon' | 'unsent_soon' | 'over';

/**
 * What to tell the resident about the deadline: offline or holding unsent answers close to
 * it is the case that loses points, so it gets its own, louder warning.
 */
export function deadlineWarning(remaining: number, online: boolean, unsent: number): DeadlineWarning {
  if (remaining <= 0) return 'over';
  if (!online && remaining <= 5 * 60_000) return 'offline_soon';
  if (unsent > 0 && remaining <= 2 * 60_000) return 'unsent_soon';
  if (remaining <= 2 * 60_000) return 'soon';
  return 'none';
}
