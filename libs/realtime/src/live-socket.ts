import type { Socket } from 'socket.io';
import { type Actor, unauthorized } from '@lc/identity';
import { ErrorBody, toErrorBody } from '@lc/platform';
import type { EventRateLimiter } from './event-rate-limiter';
import type { LiveEvents } from './live-events';

/**
 * What a feature needs to add its own events on /live (README.md): declare a gateway on
 * `LIVE_NAMESPACE`, import `RealtimeApiModule`, read the caller with `liveSocketActor(socket)`
 * (or `LiveAuth.recheck` where a revoked token must not act), answer with `liveAnswer`. The
 * transport's gateway alone authenticates the handshake, rate limits every event and admits
 * sockets under the per-user quota, whatever gateway handles the event.
 */
export const LIVE_NAMESPACE = '/live';

export interface LiveSocketData {
  /** Set by the namespace's one handshake middleware (`LiveGateway`): every connected socket has it. */
  actor: Actor;
  token: string;
  limiter: EventRateLimiter;
}
export type ServerToClient = { [K in keyof LiveEvents]: (payload: LiveEvents[K]) => void };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- client events are checked by each handler
export type LiveSocket = Socket<Record<string, (...args: any[]) => void>, ServerToClient, Record<string, never>, LiveSocketData>;

/** A handler's answer in the client's ack: what it returns, or the HTTP error body. */
export type LiveAck<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

export function liveFail(e: unknown): { ok: false; error: ErrorBody } {
  const { body } = toErrorBody(e);
  return { ok: false, error: body };
}

/** Runs a handler's work and turns its result or error (a DomainError is a 4xx body) into the ack. */
export async function liveAnswer<T extends object>(work: () => Promise<T> | T): Promise<LiveAck<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (e) {
    return liveFail(e);
  }
}

/** The user the handshake's token named (checked when the socket connected). */
export function liveSocketActor(socket: Socket): Actor {
  const actor = (socket.data as Partial<LiveSocketData> | undefined)?.actor;
  if (!actor) throw unauthorized();
  return actor;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
