import type { EarlyFetch } from './early';
import type { Session } from './session';

/**
 * The api's `/` carries the contest list twice: as markup (painted before any script) and as
 * JSON in `<script type="application/json" id="lc-first-data">` (libs/platform first-screen.ts).
 * The JSON becomes an early answer, so the list page takes it instead of asking again.
 * Staff see other lists than the public's: their first request goes to the api as usual.
 */
export function firstDataEntry(el: { textContent: string | null } | null, session: Session | null, now = Date.now()): EarlyFetch | null {
  if (!el?.textContent || (session && session.user.role !== 'resident')) return null;
  let data: { url?: unknown; body?: unknown };
  try {
    data = JSON.parse(el.textContent) as typeof data;
  } catch {
    return null;
  }
  if (typeof data.url !== 'string' || !data.url.startsWith('/api/v1/') || data.body === undefined) return null;
  const text = JSON.stringify(data.body);
  return {
    url: data.url,
    token: session?.accessToken ?? null,
    sentAt: now,
    response: Promise.resolve(new Response(text, { status: 200, headers: { 'content-type': 'application/json' } })),
  };
}

/** Called once before the app renders: the embedded answer joins early.js's list. */
export function takeFirstData(doc: Document, session: Session | null): void {
  const el = doc.getElementById('lc-first-data');
  const entry = firstDataEntry(el, session);
  el?.remove();
  if (entry) window.__lcEarly = [...(window.__lcEarly ?? []), entry];
}
