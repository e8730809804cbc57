import { useCallback, useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { api, seg } from '../shared/api/client';
import { ApiError } from '../shared/api/errors';
import { subscribeLive, type LiveState as SocketState } from '../shared/live/live';
import {
  applyBoard,
  applyQuestion,
  applyReveal,
  applyStatus,
  fromState,
  narrowClock,
  offsetOf,
  rereadDelayMs,
  type ClockBounds,
  type LiveView,
} from './live-model';
import type { LiveAnswerAccepted, LiveAnswerAck, LiveState } from './live-types';

const live = (roundId: string) => `/rounds/${seg(roundId)}/live`;

/** `next` and `reveal` name the index the host sees, so a second press (or console) is refused, not applied twice. */
const moves = {
  start: (roundId: string) => api.post<LiveState>(`${live(roundId)}/start`, {}),
  next: (roundId: string, fromIndex?: number) => api.post<LiveState>(`${live(roundId)}/next`, { fromIndex }),
  reveal: (roundId: string, fromIndex?: number) => api.post<LiveState>(`${live(roundId)}/reveal`, { fromIndex }),
  pause: (roundId: string) => api.post<LiveState>(`${live(roundId)}/pause`, {}),
  resume: (roundId: string) => api.post<LiveState>(`${live(roundId)}/resume`, {}),
  end: (roundId: string) => api.post<LiveState>(`${live(roundId)}/end`, {}),
};

export const liveApi = {
  state: (roundId: string) => api.get<LiveState>(`${live(roundId)}/state`),
  move: (roundId: string, move: HostMove, fromIndex?: number) => moves[move](roundId, fromIndex),
  answer: (roundId: string, questionId: string, optionIds: string[]) => api.post<LiveAnswerAccepted>(`${live(roundId)}/answers`, { questionId, optionIds }),
};

export type HostMove = 'start' | 'next' | 'reveal' | 'pause' | 'resume' | 'end';

/** Who watches: players reread after a push with a random delay (thousands of phones), the host and the projector at once. */
export type LiveRole = 'player' | 'host' | 'audience';

/** Without a socket, the screen asks over HTTP this often (a stage moves every few seconds). */
const POLL_MS = 4000;

/**
 * A live final for one screen: the state over HTTP (on open, on every (re)connection, after
 * the pushes that change what only HTTP carries), the socket's pushes folded in between, and
 * the offset to the server's clock that every countdown uses.
 */
export function useLiveRound(roundId: string, role: LiveRole) {
  const [view, setView] = useState<LiveView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [offset, setOffset] = useState(0);
  const [socketState, setSocketState] = useState<SocketState>('connecting');
  const socketRef = useRef<Socket | null>(null);
  const socketStateRef = useRef(socketState);
  socketStateRef.current = socketState;
  const seq = useRef(0);
  const clock = useRef<ClockBounds | null>(null);
  /** One more server stamp: read between sentAt and now, or pushed (no sentAt). */
  const stamp = useCallback((serverTime: string, sentAt?: number) => {
    clock.current = narrowClock(clock.current, serverTime, Date.now(), sentAt);
    setOffset(offsetOf(clock.current));
  }, []);

  /** Takes a state read (HTTP or the join's ack) unless a later read has started since. */
  const accept = useCallback(
    (s: LiveState, sentAt: number, mine: number) => {
      stamp(s.serverTime, sentAt);
      if (mine !== seq.current) return;
      setView(fromState(s));
      setError(null);
    },
    [stamp],
  );

  const reread = useCallback(async () => {
    const mine = ++seq.current;
    const sentAt = Date.now();
    try {
      accept(await liveApi.state(roundId), sentAt, mine);
    } catch (e) {
      if (mine === seq.current) setError(e);
    }
  }, [roundId, accept]);

  const rereadSoon = useCallback(() => {
    if (role === 'player') window.setTimeout(() => void reread(), rereadDelayMs());
    else void reread();
  }, [reread, role]);

  useEffect(() => {
    void reread();
    return subscribeLive({
      'live:question': (e) => {
        if (e.roundId !== roundId) return;
        stamp(e.serverTime);
        setView((v) => (v ? applyQuestion(v, e) : v));
        // The host's console counts answers: the HTTP state carries them.
        if (role === 'host') void reread();
      },
      'live:reveal': (e) => {
        if (e.roundId !== roundId) return;
        setView((v) => (v ? applyReveal(v, e) : v));
        // A player's own score and rank change at the reveal and come over HTTP only.
        if (role === 'player') rereadSoon();
      },
      'live:board': (e) => {
        if (e.roundId === roundId) setView((v) => (v ? applyBoard(v, e) : v));
      },
      'live:status': (e) => {
        if (e.roundId !== roundId) return;
        setView((v) => (v ? applyStatus(v, e) : v));
        // A resumed question's deadline has moved; a pause's time left is in the state.
        rereadSoon();
      },
      onConnect: (s) => {
        socketRef.current = s;
        // The join's answer is the whole state (as GET …/live/state): no second request on every (re)connection.
        const mine = ++seq.current;
        const sentAt = Date.now();
        s.timeout(10_000).emit('live:join', { roundId }, (err: unknown, ack: ({ ok: true } & LiveState) | { ok: false; code: string } | undefined) => {
          if (!err && ack?.ok) accept(ack, sentAt, mine);
          else void reread();
        });
      },
      onState: setSocketState,
    });
  }, [roundId, role, reread, rereadSoon, accept, stamp]);

  // Without a socket (refused, or a network that blocks it), the screen polls; the host's console polls anyway for the answer count.
  useEffect(() => {
    const t = window.setInterval(
      () => {
        if (document.visibilityState !== 'visible') return;
        if (socketStateRef.current !== 'connected' || role === 'host') void reread();
      },
      role === 'host' ? 2000 : POLL_MS,
    );
    return () => window.clearInterval(t);
  }, [reread, role]);

  /** Sends an answer over the socket (acked), or over HTTP when there is none or no ack comes. */
  const answer = useCallback(
    async (questionId: string, optionIds: string[]): Promise<LiveAnswerAck> => {
      const s = socketRef.current;
      const sentAt = Date.now();
      if (s?.connected) {
        const ack = await new Promise<LiveAnswerAck | null>((done) => {
          s.timeout(5000).emit('live:answer', { roundId, questionId, optionIds }, (err: unknown, a: LiveAnswerAck) => done(err ? null : a));
        });
        if (ack?.ok) stamp(ack.receivedAt, sentAt);
        if (ack) return ack;
      }
      try {
        const r = await liveApi.answer(roundId, questionId, optionIds);
        stamp(r.receivedAt, sentAt);
        return { ok: true, receivedAt: r.receivedAt };
      } catch (e) {
        return { ok: false, code: e instanceof ApiError ? (e.code ?? String(e.status)) : 'network' };
      }
    },
    [roundId, stamp],
  );

  return { view, setView, error, offset, socketState, reread, answer };
}
