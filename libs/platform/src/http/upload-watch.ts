import type { IncomingMessage } from 'node:http';
import { DomainError } from './domain-error';

export interface UploadLimits {
  /** Longest stretch with no bytes arriving. */
  idleMs: number;
  /** Longest the whole body may take. */
  totalMs: number;
}

export interface UploadWatch {
  /** Aborted, with a 408 `upload_timeout` DomainError as its reason, when the upload is cut off. */
  readonly signal: AbortSignal;
  /** Settles as `work` does, or rejects with the 408 as soon as the upload is cut off. */
  guard<T>(work: Promise<T>): Promise<T>;
  stop(): void;
}

/**
 * Watches a request body as it arrives (by the socket's byte count, so it never takes data
 * from the body's reader) and cuts the upload off when it stalls for `idleMs` or is not
 * complete after `totalMs`: a slow-loris client then holds a connection and a half-written
 * file for seconds, not forever. Stops by itself once the body is complete.
 */
export function watchUpload(req: IncomingMessage, limits: UploadLimits): UploadWatch {
  const ctl = new AbortController();
  const started = Date.now();
  let lastBytes = req.socket.bytesRead;
  let lastActivity = started;
  const cut = (why: string) => {
    stop();
    ctl.abort(new DomainError('upload_timeout', 408, `The upload was cut off: ${why}`, { idleMs: limits.idleMs, totalMs: limits.totalMs }));
  };
  const tick = setInterval(
    () => {
      if (req.complete || req.destroyed) return stop();
      const now = Date.now();
      const bytes = req.socket.bytesRead;
      if (bytes !== lastBytes) [lastBytes, lastActivity] = [bytes, now];
      if (now - lastActivity >= limits.idleMs) cut(`nothing arrived for ${Math.round(limits.idleMs / 1000)} s`);
      else if (now - started >= limits.totalMs) cut(`it took longer than ${Math.round(limits.totalMs / 1000)} s`);
    },
    Math.max(20, Math.min(1000, Math.floor(limits.idleMs / 5))),
  );
  tick.unref();
  const stop = () => clearInterval(tick);
  const aborted = new Promise<never>((_, reject) => ctl.signal.addEventListener('abort', () => reject(ctl.signal.reason as Error), { once: true }));
  aborted.catch(() => undefined);
  return {
    signal: ctl.signal,
    guard: <T>(work: Promise<T>) => {
      work.catch(() => undefined); // once cut off, whatever `work` ends with is no longer anyone's concern
      return Promise.race([work, aborted]);
    },
    stop,
  };
}
