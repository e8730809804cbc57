import type { Socket } from 'socket.io-client';
import { api } from '../api/client';
import { sessions } from '../api/session';
import type { BoardConcealment, LeaderboardRow } from '../api/types';
import type { LiveFinalEvents } from '../../live-finals/live-types';

/** A unit or province: the text, or the row that has it (`k ≥ 0` row k of the previous top, `-(j + 1)` row j of the new one). */
export type PatchText = string | null | number;

/** A row new to the top (or changed), in LeaderboardRow's field order; the user id as 22 base64url characters. */
export type NewTopRow = [rank: number, userId: string, displayName: string, unit: PatchText, province: PatchText, score: number | null, timeTakenMs: number];

/** A changed top said against the rows of the previous push (`base`): a place there, `[place, new rank]`, or a new row. */
export interface TopPatch {
  base: string;
  rows: (number | [place: number, rank: number] | NewTopRow)[];
}

/** Server → client events on /live (SPEC.md "Realtime", "Live finals"). Messages are hints: state comes over HTTP. */
export interface LiveEvents extends LiveFinalEvents {
  /** `top` only when it changed since the room's previous push; `topHash` names the rows either way (keep them when it matches). */
  'leaderboard:update': {
    roundId: string;
    top?: LeaderboardRow[];
    /** A changed top as a patch on the previous push's rows, for pages that joined with `patches: true`. */
    topPatch?: TopPatch;
    topHash?: string;
    total: number | null;
    at: string;
    frozen?: boolean;
    concealed?: BoardConcealment;
  };
  'rank:update': { roundId: string; rank: number | null; score: number | null; total?: number | null };
  'attempt:deadline': { attemptId: string; deadlineAt: string; serverTime: string };
  'round:status': { roundId: string; status: string; at: string };
}

export type LiveState = 'connecting' | 'connected' | 'disconnected';

let socketPromise: Promise<Socket> | null = null;
let users = 0;
let tokenUsed: string | null = null;

/**
 * One shared connection to /live, opened on first use. socket.io-client is loaded only
 * then, so screens without live data do not pay for it.
 */
export async function acquireLive(): Promise<Socket> {
  users++;
  const token = sessions.get()?.accessToken ?? null;
  if (socketPromise && token !== tokenUsed) {
    const old = await socketPromise;
    old.disconnect();
    socketPromise = null;
  }
  if (!socketPromise) {
    tokenUsed = token;
    socketPromise = import('socket.io-client')
      .then(({ io }) =>
        io('/live', {
          // The callback form re-reads the token on every reconnect, after a refresh.
          auth: (cb) => cb({ token: sessions.get()?.accessToken ?? '' }),
          transports: ['websocket', 'polling'],
          reconnectionDelay: 1000,
          reconnectionDelayMax: 15_000,
          timeout: 15_000,
        }),
      )
      .then((s) => {
        // The server closed this connection because the session ended (signed out elsewhere, password
        // changed): one call finds out, and the page signs out if the session cannot be refreshed.
        s.on('session:ended', () => void api.get('/me').catch(() => undefined));
        return s;
      });
  }
  return socketPromise;
}

export async function releaseLive(): Promise<void> {
  users = Math.max(0, users - 1);
  if (users === 0 && socketPromise) {
    const s = await socketPromise;
    if (users === 0) {
      s.disconnect();
      socketPromise = null;
    }
  }
}

/**
 * Sends `event` over the shared /live connection when it is open now, without opening one:
 * its ack, or undefined when there is no connection or no ack within `timeoutMs` (the caller
 * then goes over HTTP).
 */
export async function emitIfConnected<T>(event: string, payload: unknown, timeoutMs: number): Promise<T | undefined> {
  if (!socketPromise) return undefined;
  try {
    const s = await socketPromise;
    if (!s.connected) return undefined;
    return (await s.timeout(timeoutMs).emitWithAck(event, payload)) as T;
  } catch {
    return undefined;
  }
}

export type LiveHandlers = { [E in keyof LiveEvents]?: (p: LiveEvents[E]) => void } & {
  onState?: (s: LiveState) => void;
  /** After every (re)connection: join rooms again and refetch over HTTP. */
  onConnect?: (socket: Socket) => void;
};

/** Subscribes to events; returns a function that unsubscribes and releases the connection. */
export function subscribeLive(handlers: LiveHandlers): () => void {
  let socket: Socket | null = null;
  let closed = false;
  const bound: [string, (...a: unknown[]) => void][] = [];
  acquireLive().then(
    (s) => {
      if (closed) {
        void releaseLive();
        return;
      }
      socket = s;
      const on = (ev: string, fn: (...a: unknown[]) => void) => {
        s.on(ev, fn);
        bound.push([ev, fn]);
      };
      for (const ev of [
        'leaderboard:update',
        'rank:update',
        'attempt:deadline',
        'round:status',
        'live:question',
        'live:reveal',
        'live:board',
        'live:status',
      ] as const) {
        const h = handlers[ev] as ((p: unknown) => void) | undefined;
        if (h) on(ev, (p) => h(p));
      }
      on('connect', () => {
        handlers.onState?.('connected');
        handlers.onConnect?.(s);
      });
      on('disconnect', () => handlers.onState?.('disconnected'));
      on('connect_error', () => handlers.onState?.('disconnected'));
      if (s.connected) {
        handlers.onState?.('connected');
        handlers.onConnect?.(s);
      } else handlers.onState?.('connecting');
    },
    () => handlers.onState?.('disconnected'),
  );
  return () => {
    closed = true;
    if (socket) {
      for (const [ev, fn] of bound) socket.off(ev, fn);
      void releaseLive();
    }
  };
}
