/**
 * The first screen's data, asked for by index.html's inline script while the app's script is
 * still downloading (on a slow phone link that is one round trip of 2 s saved, not a few ms).
 * The api client takes each response once, for the same URL and the same token; anything that
 * does not match, or failed, is fetched again as usual.
 */
export interface EarlyFetch {
  url: string;
  token: string | null;
  sentAt: number;
  response: Promise<Response>;
}

declare global {
  interface Window {
    __lcEarly?: EarlyFetch[];
  }
}

const sentAtOf = new Map<string, number>();
/** Older than this, an unclaimed answer is not "the first screen's" any more (the route changed first). */
const FRESH_MS = 30_000;

export function takeEarly(
  url: string,
  token: string | undefined,
  list: EarlyFetch[] | undefined = typeof window === 'undefined' ? undefined : window.__lcEarly,
  now = Date.now(),
): EarlyFetch | null {
  if (!list) return null;
  const i = list.findIndex((e) => e.url === url && e.token === (token ?? null) && now - e.sentAt < FRESH_MS);
  if (i < 0) return null;
  const [e] = list.splice(i, 1);
  sentAtOf.set(url, e.sentAt);
  return e;
}

/** When a taken response was really asked for (the clock's round trip starts there). */
export function earlySentAt(url: string): number | undefined {
  const t = sentAtOf.get(url);
  sentAtOf.delete(url);
  return t;
}
