import { io, Socket } from 'socket.io-client';
import { percentiles, round } from './stats';
import { Resident } from './seed';

interface Update {
  recv: number;
  at: number;
  total: number;
}

export interface Watchers {
  sockets: Socket[];
  /** Updates seen by the sampled sockets, in arrival order. */
  samples: Update[][];
  updates: number;
  errors: Record<string, number>;
  close(): void;
}

/** W residents' sockets watching the round's board, spread over the api instances. */
export async function startWatchers(urls: string[], roundId: string, residents: Resident[], sampled: number): Promise<Watchers> {
  let closing = false;
  const w: Watchers = {
    sockets: [],
    samples: [],
    updates: 0,
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
      s.on('leaderboard:update', (u: { at: string; total: number }) => {
        w.updates++;
        if (sample) sample.push({ recv: Date.now(), at: Date.parse(u.at), total: u.total });
      });
      s.on('disconnect', (reason) => closing || err(`disconnect:${reason}`));
      s.once('connect_error', (e) => {
        err(`connect_error:${e.message}`);
        resolve();
      });
      s.once('connect', () => {
        s.timeout(20_000)
          .emitWithAck('leaderboard:join', { roundId })
          .then((ack: { ok: boolean; error?: { statusCode: number } }) => {
            if (!ack.ok) err(`join:${ack.error?.statusCode}`);
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
  w: Watchers,
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
