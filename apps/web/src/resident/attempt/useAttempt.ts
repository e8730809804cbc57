import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, detailId } from '../../shared/api/errors';
import type { AnswerValue, Attempt, PredictionQuestion, SubmitResult } from '../../shared/api/types';
import { clockOffset, remainingMs } from '../../shared/clock';
import { emitIfConnected, subscribeLive } from '../../shared/live/live';
import { Outbox, type PendingAnswer, type SendResult } from '../../shared/outbox';
import { randomId, readJson, storage } from '../../shared/storage';
import { residentApi } from '../api';
import { answerBody } from './attempt-model';
import { type AnswerAck, sendAnswer } from './send-answer';

export type Phase = 'loading' | 'failed' | 'in_progress' | 'time_up' | 'finished';

interface Cached {
  attempt: Attempt;
  offset: number;
}

const cacheKey = (id: string) => `lc.attempt.${id}`;
const submitKey = (id: string) => `lc.submit.${id}`;
const resultKey = (id: string) => `lc.result.${id}`;
export const roundAttemptKey = (roundId: string) => `lc.round.${roundId}.attempt`;

/** Remembers an attempt the resident is taking, so the round page offers to resume it. */
export function rememberAttempt(a: Attempt, offset: number): void {
  storage.setItem(cacheKey(a.id), JSON.stringify({ attempt: a, offset } satisfies Cached));
  if (a.roundId) storage.setItem(roundAttemptKey(a.roundId), a.id);
}

function forget(a: Attempt): void {
  storage.removeItem(cacheKey(a.id));
  if (a.roundId && storage.getItem(roundAttemptKey(a.roundId)) === a.id) storage.removeItem(roundAttemptKey(a.roundId));
}

const RETRY_MIN_MS = 3000;
const RETRY_MAX_MS = 30_000;
/** How long an answer waits for the socket's ack before it goes over HTTP instead. */
const LIVE_ACK_MS = 5000;

/**
 * Everything an attempt screen needs: the questions, the server-corrected countdown, the
 * autosave outbox with its retry loop, resume from the server or the local copy, submit.
 */
export function useAttempt(attemptId: string) {
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [offset, setOffset] = useState(0);
  const [phase, setPhase] = useState<Phase>('loading');
  const [loadError, setLoadError] = useState<unknown>(null);
  const [values, setValues] = useState<Record<string, AnswerValue>>({});
  const [pendingIds, setPendingIds] = useState<Set<string>>(new Set());
  const [rejected, setRejected] = useState<Set<string>>(new Set());
  const [sending, setSending] = useState(false);
  const [lastSavedAt, setLastSavedAt] = useState<number | null>(null);
  const [result, setResult] = useState<SubmitResult | null>(() => readJson<SubmitResult>(storage, resultKey(attemptId)));
  const [predictionQuestion, setPredictionQuestion] = useState<PredictionQuestion | null>(null);
  const [online, setOnline] = useState(() => navigator.onLine);

  const offsetRef = useRef(0);
  const attemptRef = useRef<Attempt | null>(null);
  const outboxRef = useRef<Outbox | null>(null);
  /** On screen from the local copy only, the server not heard yet: its refusal still ends it. */
  const provisional = useRef(false);
  const timers = useRef<{ debounce?: number; retry?: number; retryDelay: number }>({ retryDelay: RETRY_MIN_MS });

  const syncFromOutbox = useCallback(() => {
    const box = outboxRef.current;
    if (!box) return;
    setValues(box.values());
    setPendingIds(new Set(box.pending().map((p) => p.questionId)));
  }, []);

  const applyClock = useCallback((serverTime: string | undefined, sentAt?: number, receivedAt?: number) => {
    if (!serverTime) return;
    const o = clockOffset(serverTime, receivedAt ?? Date.now(), sentAt);
    offsetRef.current = o;
    setOffset(o);
  }, []);

  const adopt = useCallback(
    (a: Attempt, fromCache = false) => {
      attemptRef.current = a;
      setAttempt(a);
      if (a.predictionQuestion) setPredictionQuestion(a.predictionQuestion);
      if (!outboxRef.current) {
        const started = a.startedAt ? Date.parse(a.startedAt) : NaN;
        // Tenths of a second since the start on the server clock: numbers above any seq this
        // attempt used before, on this device or another one.
        const floor = Number.isFinite(started) ? () => Math.floor((Date.now() + offsetRef.current - started) / 100) : undefined;
        outboxRef.current = new Outbox(storage, a.id, floor);
      }
      // The outbox's answers are newer than a local copy's (kept at the last load), never than the server's.
      if (!fromCache || Object.keys(outboxRef.current.values()).length === 0) outboxRef.current.seed(a.answers);
      syncFromOutbox();
      if (a.status === 'in_progress') {
        setPhase(remainingMs(a.deadlineAt, offsetRef.current) > 0 ? 'in_progress' : 'time_up');
        rememberAttempt(a, offsetRef.current);
      } else {
        setPhase('finished');
        outboxRef.current.clear();
        forget(a);
      }
    },
    [syncFromOutbox],
  );

  const refresh = useCallback(async () => {
    try {
      const { attempt: a, sentAt, receivedAt } = await residentApi.getAttempt(attemptId);
      applyClock(a.serverTime, sentAt, receivedAt);
      adopt(a);
      provisional.current = false;
      setLoadError(null);
      return a;
    } catch (e) {
      // Offline (or the server overloaded) on reload: carry on from the local copy; answers
      // queue in the outbox. A refusal (404, 403) is shown, never papered over.
      const unreachable = !(e instanceof ApiError) || e.status === 0 || e.status >= 500 || e.status === 429;
      const cached = unreachable ? readJson<Cached>(storage, cacheKey(attemptId)) : null;
      if (cached && !attemptRef.current) {
        offsetRef.current = cached.offset;
        setOffset(cached.offset);
        adopt(cached.attempt, true);
      } else if (!attemptRef.current || (!unreachable && provisional.current)) {
        setLoadError(e);
        setPhase('failed');
      }
      return null;
    }
  }, [attemptId, adopt, applyClock]);

  // ----- sending -----
  const send = useCallback(
    async (p: PendingAnswer): Promise<SendResult> => {
      const a = attemptRef.current;
      const q = a?.questions.find((x) => x.id === p.questionId);
      if (!a || !q) return { outcome: 'rejected' };
      const body = answerBody(q.type, p.answer, p.seq);
      const outcome = await sendAnswer(
        p.seq,
        // Over the socket the page already holds for its deadline pushes (issue 18: a fraction of an HTTP request's cost).
        () => emitIfConnected<AnswerAck>('attempt:answer', { attemptId: a.id, questionId: p.questionId, ...body }, LIVE_ACK_MS),
        () => residentApi.saveAnswer(a.id, p.questionId, body),
        applyClock,
      );
      return { outcome };
    },
    [applyClock],
  );

  const scheduleRetry = useCallback((flushFn: () => void) => {
    window.clearTimeout(timers.current.retry);
    const delay = timers.current.retryDelay;
    timers.current.retryDelay = Math.min(RETRY_MAX_MS, delay * 2);
    timers.current.retry = window.setTimeout(flushFn, delay);
  }, []);

  const flush = useCallback(async (): Promise<number> => {
    const box = outboxRef.current;
    if (!box || box.size === 0) return 0;
    window.clearTimeout(timers.current.debounce);
    setSending(true);
    const res = await box.flush(send);
    setSending(false);
    syncFromOutbox();
    if (res.sent.length) setLastSavedAt(Date.now());
    if (res.dropped.length) setRejected((r) => new Set([...r, ...res.dropped]));
    if (res.stoppedBy === 'retry') scheduleRetry(() => void flush());
    else timers.current.retryDelay = RETRY_MIN_MS;
    if (res.stoppedBy === 'closed') void refresh().then((a) => a?.status === 'in_progress' && setPhase('time_up'));
    return res.remaining;
  }, [send, syncFromOutbox, scheduleRetry, refresh]);

  /** Records an answer at once (localStorage), sends it now or after typing pauses. */
  const answer = useCallback(
    (questionId: string, value: AnswerValue, opts: { debounceMs?: number } = {}) => {
      const box = outboxRef.current;
      if (!box || phase !== 'in_progress') return;
      box.record(questionId, value);
      setRejected((r) => {
        if (!r.has(questionId)) return r;
        const n = new Set(r);
        n.delete(questionId);
        return n;
      });
      syncFromOutbox();
      window.clearTimeout(timers.current.debounce);
      if (opts.debounceMs) timers.current.debounce = window.setTimeout(() => void flush(), opts.debounceMs);
      else void flush();
    },
    [phase, flush, syncFromOutbox],
  );

  // ----- submit -----
  const submit = useCallback(
    async (prediction: number | undefined): Promise<SubmitResult> => {
      const a = attemptRef.current;
      if (!a) throw new Error('no attempt');
      const remaining = await flush();
      if (remaining > 0) throw new ApiError(0, 'unsent_answers', 'unsent answers');
      let key = storage.getItem(submitKey(a.id));
      if (!key) {
        key = randomId();
        storage.setItem(submitKey(a.id), key);
      }
      try {
        const r = await residentApi.submit(a.id, prediction, key);
        storage.setItem(resultKey(a.id), JSON.stringify(r));
        setResult(r);
        outboxRef.current?.clear();
        forget(a);
        storage.removeItem(submitKey(a.id));
        setPhase('finished');
        return r;
      } catch (e) {
        // Already finished elsewhere (another device, or the deadline): show what the server has.
        if (e instanceof ApiError && e.status === 409 && !detailId(e, 'attemptId')) {
          const latest = await refresh();
          if (latest && latest.status !== 'in_progress' && latest.score !== null && latest.score !== undefined) {
            // GET /attempts/:id carries no board place: the rank is unknown here.
            const r: SubmitResult = {
              attemptId: latest.id,
              status: latest.status === 'expired' ? 'expired' : 'submitted',
              score: latest.score,
              maxScore: latest.maxScore ?? 0,
              timeTakenMs: latest.timeTakenMs ?? 0,
              submittedAt: latest.submittedAt ?? '',
              rank: null,
            };
            setResult(r);
            return r;
          }
        }
        throw e;
      }
    },
    [flush, refresh],
  );

  // ----- lifecycle -----
  useEffect(() => {
    // Resuming on this device: the questions from the local copy at once (a round trip is 2 s
    // on a slow link, with the countdown running), then the server's state when it answers.
    const cached = readJson<Cached>(storage, cacheKey(attemptId));
    if (cached?.attempt.status === 'in_progress' && !attemptRef.current) {
      offsetRef.current = cached.offset;
      setOffset(cached.offset);
      adopt(cached.attempt, true);
      provisional.current = true;
    }
    void refresh();
    const t = timers.current;
    return () => {
      window.clearTimeout(t.debounce);
      window.clearTimeout(t.retry);
    };
  }, [attemptId, adopt, refresh]);

  // Round details for the prediction question when the attempt does not carry it.
  const roundId = attempt?.roundId;
  useEffect(() => {
    if (!roundId || predictionQuestion) return;
    residentApi.round(roundId).then(
      (r) => r.predictionQuestion && setPredictionQuestion(r.predictionQuestion),
      () => undefined,
    );
  }, [roundId, predictionQuestion]);

  // Answers left in the outbox by an earlier page (a reload, a crashed in-app browser) go as soon
  // as the attempt is on screen, not when the resident next answers; offline, the retry loop
  // keeps trying.
  useEffect(() => {
    if (phase === 'in_progress') void flush();
  }, [phase, flush]);

  useEffect(() => {
    const on = () => {
      setOnline(navigator.onLine);
      if (navigator.onLine) {
        timers.current.retryDelay = RETRY_MIN_MS;
        void flush();
      }
    };
    window.addEventListener('online', on);
    window.addEventListener('offline', on);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', on);
    };
  }, [flush]);

  // Waking up or coming back to the tab: resync clock and status, send what waits, and tell
  // the server about focus changes (an integrity signal, SPEC "Anti-cheating").
  useEffect(() => {
    const on = () => {
      const visible = document.visibilityState === 'visible';
      if (attemptRef.current?.status === 'in_progress') {
        residentApi
          .attemptEvent(attemptId, visible ? 'focus_back' : 'focus_lost', new Date(Date.now() + offsetRef.current).toISOString())
          .catch(() => undefined);
      }
      if (visible && attemptRef.current?.status === 'in_progress') {
        void refresh();
        void flush();
      }
    };
    document.addEventListener('visibilitychange', on);
    return () => document.removeEventListener('visibilitychange', on);
  }, [attemptId, refresh, flush]);

  const inProgress = phase === 'in_progress';
  useEffect(() => {
    if (!inProgress) return;
    return subscribeLive({
      'attempt:deadline': (p) => {
        if (p.attemptId !== attemptId) return;
        applyClock(p.serverTime);
        const a = attemptRef.current;
        if (a && a.deadlineAt !== p.deadlineAt) adopt({ ...a, deadlineAt: p.deadlineAt });
      },
    });
  }, [inProgress, attemptId, applyClock, adopt]);

  /** Called by the countdown when it reaches zero: last flush, then the server's verdict. */
  const onTimeUp = useCallback(async () => {
    if (attemptRef.current?.status !== 'in_progress') return;
    setPhase('time_up');
    await flush();
    // The server finalises at its deadline (+ grace); ask a little later for the outcome.
    window.setTimeout(() => void refresh(), 4000);
  }, [flush, refresh]);

  return useMemo(
    () => ({
      attempt,
      offset,
      phase,
      loadError,
      values,
      pendingIds,
      rejected,
      sending,
      lastSavedAt,
      result,
      predictionQuestion,
      online,
      answer,
      flush,
      submit,
      refresh,
      onTimeUp,
    }),
    [
      attempt,
      offset,
      phase,
      loadError,
      values,
      pendingIds,
      rejected,
      sending,
      lastSavedAt,
      result,
      predictionQuestion,
      online,
      answer,
      flush,
      submit,
      refresh,
      onTimeUp,
    ],
  );
}
