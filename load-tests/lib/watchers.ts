import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { io, Socket } from 'socket.io-client';
import { applyTopPatch, type LeaderboardRow, type TopPatch } from '@lc/leaderboard';
import { percentiles, round } from './stats';
import { Resident } from './seed';

interface Update {
  recv: number;
  at: number;
  total: number;
  /** The message's size on the WebSocket (the Socket.IO text frame). */
  bytes: number;
  /** It carried the rows (`top`): they changed since the room's previous push. */
  withTop: boolean;
  /** It carried the changed rows as a patch on the previous push's (`topPatch`). */
  withPatch: boolean;
}

/** What the server pushes (libs/leaderboard `LiveEvents`): `top` only when it changed, `topHash` always. */
interface BoardUpdate {
  at: string;
  total: number;
  top?: LeaderboardRow[];
  topPatch?: TopPatch;
  topHash?: string;
}

export interface Watchers {
  sockets: Socket[];
  /** Updates seen by the sampled sockets, in arrival order. */
  samples: Update[][];
  updates: number;
  /** Updates that carried the rows, and those that left them out (unchanged top), over every socket. */
  withTop: number;
  withoutTop: number;
  /** Of withoutTop: those that carried a patch the socket applied to the rows it held. */
  withPatch: number;
  /**
   * Updates without rows that a socket could not show (it held no rows, or not the ones the
   * push's `topHash` names) and that no push with those rows followed within ROWS_GRACE_MS: the
   * web app joins again then. Must stay 0.
   */
  rowsUnknown: number;
  /**
   * Such updates healed within ROWS_GRACE_MS by the push with the rows: pushes from two api
   * instances may reach a socket out of order (the later tick's, without rows, before the earlier
   * one's with them, relayed through Redis by a busier instance); the web app waits that long.
   */
  rowsLate: number;
  /** Sockets still waiting for the rows a push named (each counts in rowsUnknown once past the grace). */
  waiting: Map<number, number>;
  errors: Record<string, number>;
  close(): void;
}

/** What the bench reads of the watchers (their sockets stay in the watchers' thread). */
export type WatchersData = Omit<Watchers, 'sockets' | 'close'> & { connected: number };

export interface WatcherHandle {
  connected: number;
  data(): Promise<WatchersData>;
  close(): Promise<void>;
}

/**
 * The watchers on the driver's event loop, or (`thread`) in a worker thread, where their pushes
 * keep off the loop that times the entrants. The thread is for machines with cores to spare: on
 * 2 cores it takes a second core from the servers at every push (60/s: the driver's lag p99 fell
 * from 390 to 119 ms, the endpoints' p99 rose from 0.7–1.1 s to 3.6–6.2 s).
 */
export async function watch(urls: string[], roundId: string, residents: Resident[], sampled: number, thread: boolean): Promise<WatcherHandle> {
  if (!thread) {
    const w = await startWatchers(urls, roundId, residents, sampled);
    return { connected: watchersData(w).connected, data: async () => watchersData(w), close: async () => w.close() };
  }
  const worker = new Worker(join(__dirname, 'watcher-thread.js'), { workerData: { urls, roundId, residents, sampled } });
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: { type: string } & T) => {
        if (m.type !== type) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(m);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const { connected } = await next<{ connected: number }>('ready');
  return {
    connected,
    data: async () => {
      const got = next<{ data: WatchersData }>('data');
      worker.postMessage({ type: 'data' });
      return (await got).data;
    },
    close: async () => {
      const closed = next('closed');
      worker.postMessage({ type: 'close' });
      await closed;
      await worker.terminate();
    },
  };
}

/** What the watchers saw, without their sockets. */
export function watchersData({ sockets, close: _close, ...seen }: Watchers): WatchersData {
  return { ...seen, connected: sockets.filter((s) => s.connected).length };
}

/** W residents' sockets watching the round's board, spread over the api instances. */
export async function startWatchers(urls: string[], roundId: string, residents: Resident[], sampled: number): Promise<Watchers> {
  let closing = false;
  const w: Watchers = {
    sockets: [],
    samples: [],
    updates: 0,
    withTop: 0,
    withoutTop: 0,
    withPatch: 0,
    rowsUnknown: 0,
    rowsLate: 0,
    waiting: new Map(),
    errors: {},
    close: () => {
      closing = true;
      w.sockets.forEach((s) => s.disconnect());
    },
  };
  const err = (k: string) => (w.errors[k] = (w.errors[k] ?? 0) + 1);
  const one = (r: Resident, i: number) =>
    new Promise<void>((resolve) => {
      const s = io(`${urls[i % urls.length]}/live`, {
        transports: ['websocket'],
        auth: { token: r.token },
        reconnection: true,
        forceNew: true,
        timeout: 20_000,
      });
      w.sockets.push(s);
      const sample: Update[] | null = i < sampled ? [] : null;
      if (sample) w.samples.push(sample);
      // The rows this socket shows, as a phone keeps them: from the join's answer, then from pushes that carry them.
      let held: { rows: LeaderboardRow[]; topHash: string | undefined } | null = null;
      let acked = false;
      s.on('leaderboard:update', (u: BoardUpdate) => {
        w.updates++;
        const withTop = Array.isArray(u.top);
        const since = w.waiting.get(i);
        if (since !== undefined && Date.now() - since > ROWS_GRACE_MS) {
          w.rowsUnknown++;
          w.waiting.delete(i);
        }
        if (withTop) {
          w.withTop++;
          held = { rows: u.top!, topHash: u.topHash };
          if (w.waiting.delete(i)) w.rowsLate++;
        } else {
          w.withoutTop++;
          // A patch builds the new rows from those held, when it was made against them (as the web app's foldTop).
          const patched = u.topPatch && held && held.topHash === u.topPatch.base ? applyTopPatch(held.rows, u.topPatch.rows) : null;
          if (patched) {
            w.withPatch++;
            held = { rows: patched, topHash: u.topHash };
          }
          // Before the join's answer a push may overtake it: the answer brings the rows.
          else if (acked && (!held || held.topHash !== u.topHash) && !w.waiting.has(i)) w.waiting.set(i, Date.now());
        }
        // Sized on the sampled sockets only: the driver shares the machine's cores with the servers.
        if (sample)
          sample.push({ recv: Date.now(), at: Date.parse(u.at), total: u.total, bytes: frameBytes('leaderboard:update', u), withTop, withPatch: !!u.topPatch });
      });
      s.on('disconnect', (reason) => closing || err(`disconnect:${reason}`));
      s.once('connect_error', (e) => {
        err(`connect_error:${e.message}`);
        resolve();
      });
      s.once('connect', () => {
        s.timeout(20_000)
          .emitWithAck('leaderboard:join', { roundId, patches: true })
          .then((ack: { ok: boolean; error?: { statusCode: number }; top?: LeaderboardRow[]; topHash?: string }) => {
            acked = true;
            if (!ack.ok) err(`join:${ack.error?.statusCode}`);
            else if (Array.isArray(ack.top)) held = { rows: ack.top, topHash: ack.topHash };
            else err('join:no-rows');
          })
          .catch(() => err('join:timeout'))
          .finally(resolve);
      });
    });
  // Connect in waves, as a crowd arriving, not one thundering instant.
  for (let i = 0; i < residents.length; i += 250) await Promise.all(residents.slice(i, i + 250).map((r, k) => one(r, i + k)));
  return w;
}

/**
 * For each acknowledged submission and each sampled watcher: the time from the ack to the
 * first leaderboard:update computed after it (its `at` is taken before the board is read,
 * so that update includes the submission).
 */
export function ackToUpdateDelays(
  w: Pick<Watchers, 'samples'>,
  ackTimes: number[],
): { p50: number; p95: number; p99: number; max: number; pairs: number; missing: number; minGapMs: number } {
  const delays: number[] = [];
  let missing = 0;
  let minGap = Infinity;
  for (const updates of w.samples) {
    const byAt = [...updates].sort((a, b) => a.at - b.at);
    for (let k = 1; k < byAt.length; k++) minGap = Math.min(minGap, byAt[k].at - byAt[k - 1].at);
    for (const t of ackTimes) {
      let lo = 0;
      let hi = byAt.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byAt[mid].at >= t) hi = mid;
        else lo = mid + 1;
      }
      if (lo < byAt.length) delays.push(byAt[lo].recv - t);
      else missing++;
    }
  }
  return { ...percentiles(delays), pairs: delays.length, missing, minGapMs: Number.isFinite(minGap) ? round(minGap, 0) : 0 };
}

/** Bytes of a server → client event on the WebSocket: Engine.IO "4", Socket.IO "2/live,", then the JSON. */
/** How long the web app waits for the rows a push names before it joins again (LeaderboardPage). */
const ROWS_GRACE_MS = 3000;

function frameBytes(event: string, payload: unknown): number {
  return Buffer.byteLength(`42/live,${JSON.stringify([event, payload])}`);
}

/**
 * The size of the leaderboard:update messages the sampled sockets received (bytes on the
 * WebSocket, per message): all of them, and those with and without the rows.
 */
export function updateBytes(w: Pick<Watchers, 'samples' | 'waiting' | 'withTop' | 'withoutTop' | 'withPatch' | 'rowsUnknown' | 'rowsLate'>): {
  updates: number;
  mean: number;
  p95: number;
  max: number;
  withTop: { updates: number; mean: number; max: number };
  withoutTop: { updates: number; mean: number; max: number };
  withPatch: { updates: number; mean: number; max: number };
  /** Over every socket, not only the sampled ones. */
  allSockets: { withTop: number; withoutTop: number; withPatch: number; rowsUnknown: number; rowsLate: number };
} {
  const now = Date.now();
  for (const since of w.waiting.values()) if (now - since > ROWS_GRACE_MS) w.rowsUnknown++;
  w.waiting.clear();
  const all = w.samples.flat();
  const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, 0) : 0);
  const part = (us: Update[]) => ({ updates: us.length, mean: mean(us.map((u) => u.bytes)), max: Math.max(0, ...us.map((u) => u.bytes)) });
  const p = percentiles(all.map((u) => u.bytes));
  return {
    updates: all.length,
    mean: mean(all.map((u) => u.bytes)),
    p95: p.p95,
    max: p.max,
    withTop: part(all.filter((u) => u.withTop)),
    withoutTop: part(all.filter((u) => !u.withTop && !u.withPatch)),
    withPatch: part(all.filter((u) => u.withPatch)),
    allSockets: { withTop: w.withTop, withoutTop: w.withoutTop, withPatch: w.withPatch, rowsUnknown: w.rowsUnknown, rowsLate: w.rowsLate },
  };
}
