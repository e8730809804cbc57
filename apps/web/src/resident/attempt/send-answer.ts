import { ApiError, apiErrorFromBody, classifySaveError, type SaveOutcome } from '../../shared/api/errors';

/** The ack of `attempt:answer` on /live: the HTTP body either way (ok, or the error body with its status). */
export type AnswerAck = { ok: true; seq?: number; savedAt?: string } | { ok: false; error?: { statusCode?: number } & Record<string, unknown> };

/** The cluster's clock at the save (`savedAt`), with when the request left and its answer came back. */
export type ServerTimeSeen = (serverTime: string, sentAt: number, receivedAt: number) => void;

const savedAtOf = (body: unknown): string | undefined =>
  body && typeof body === 'object' && typeof (body as { savedAt?: unknown }).savedAt === 'string' ? (body as { savedAt: string }).savedAt : undefined;

/**
 * One answer change to the server: over the attempt page's /live socket when it is connected
 * (`viaLive` answers undefined when it is not, or no ack came in time), else — and after a 401
 * the HTTP client can cure with a refresh — one PUT. Both land in the same store, and the
 * change's `seq` makes a second landing harmless.
 */
export async function sendAnswer(
  seq: number,
  viaLive: () => Promise<AnswerAck | undefined>,
  viaHttp: () => Promise<unknown>,
  onServerTime?: ServerTimeSeen,
): Promise<SaveOutcome> {
  // Each save re-reads the server's clock, so a device clock changed mid-attempt stops skewing the countdown.
  const seen = (body: unknown, sentAt: number) => {
    const at = savedAtOf(body);
    if (at) onServerTime?.(at, sentAt, Date.now());
  };
  try {
    let sentAt = Date.now();
    const ack = await viaLive();
    if (ack?.ok) {
      seen(ack, sentAt);
      return 'ok';
    }
    if (ack && ack.error?.statusCode !== 401) throw apiErrorFromBody(ack.error?.statusCode ?? 400, ack.error);
    sentAt = Date.now();
    seen(await viaHttp(), sentAt);
    return 'ok';
  } catch (e) {
    const outcome = classifySaveError(e);
    // "Stale" naming this very change: an earlier try, whose answer never reached us, saved it.
    if (outcome === 'stale' && e instanceof ApiError && (e.details as { seq?: unknown } | undefined)?.seq === seq) return 'ok';
    return outcome;
  }
}
