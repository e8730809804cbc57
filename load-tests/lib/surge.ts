import { AnswerSocket, AutosaveTransport, randomAnswer } from './answer-socket';
import { JsonClient } from './http-client';
import { Resident } from './seed';
import { round } from './stats';

export interface SurgeOptions {
  contestId: string;
  roundId: string;
  residents: Resident[];
  /** New entrants per second (open model: arrivals do not wait for the server). */
  rate: number;
  thinkMs: number;
  answers: number;
  autosave: AutosaveTransport;
}

export interface Ack {
  attemptId: string;
  userId: string;
  /** Epoch ms when the submit's 2xx arrived. */
  at: number;
  score: number;
}

export interface SurgeResult {
  started: number;
  acks: Ack[];
  failedEntrants: number;
  firstArrival: number;
  lastArrival: number;
  lastAck: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ok = (status: number) => status >= 200 && status < 300;

/**
 * N residents arrive at `rate` per second, each: register for the contest, start an
 * attempt, autosave `answers` answers with think time between them, submit. Requests
 * alternate between the api instances (a round-robin balancer). With `autosave: 'socket'` the
 * entrant opens the attempt page's /live socket after the start and sends its answers over it.
 */
export async function runSurge(clients: JsonClient[], o: SurgeOptions, urls: string[]): Promise<SurgeResult> {
  const acks: Ack[] = [];
  let failed = 0;
  const think = () => sleep(o.thinkMs * (0.5 + Math.random()));
  const entrant = async (i: number, r: Resident): Promise<void> => {
    const http = clients[i % clients.length];
    const reg = await http.call('register', 'POST', `/contests/${o.contestId}/register`, {}, r.token);
    if (!ok(reg.status) && reg.status !== 409) return void failed++;
    const start = await http.call('start', 'POST', `/rounds/${o.roundId}/attempts`, {}, r.token);
    if (!ok(start.status)) return void failed++;
    const attempt = start.body as { id: string; questions: { id: string; type: string; options?: { id: string }[] }[] };
    const questions = attempt.questions.slice(0, o.answers);
    const opened = performance.now();
    const live = o.autosave === 'socket' ? await AnswerSocket.open(urls[i % urls.length], r.token).catch(() => null) : null;
    if (o.autosave === 'socket' && !live) return void (failed++, http.stats.error('connect', 'failed'));
    if (live) http.stats.add('connect', performance.now() - opened);
    let sub;
    try {
      for (const [n, q] of questions.entries()) {
        await think();
        const body = randomAnswer(q);
        // Over HTTP each save goes to whichever instance the balancer picks, as in production.
        if (live) await live.save(http.stats, 'autosave', attempt.id, q.id, body);
        else await clients[(i + n) % clients.length].call('autosave', 'PUT', `/attempts/${attempt.id}/answers/${q.id}`, body, r.token);
      }
      await think();
      sub = await http.call('submit', 'POST', `/attempts/${attempt.id}/submit`, {}, r.token, 60_000);
    } finally {
      // The page leaves /live once the attempt is handed in.
      live?.close();
    }
    if (!ok(sub.status)) return void failed++;
    acks.push({ attemptId: attempt.id, userId: r.id, at: Date.now(), score: Number((sub.body as { score: number }).score) });
  };

  const running: Promise<void>[] = [];
  const t0 = Date.now();
  let next = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(o.residents.length, Math.floor(((Date.now() - t0) / 1000) * o.rate) + 1);
      for (; next < due; next++) running.push(entrant(next, o.residents[next]).catch(() => void failed++));
      if (next >= o.residents.length) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  const lastArrival = Date.now();
  await Promise.all(running);
  return { started: o.residents.length, acks, failedEntrants: failed, firstArrival: t0, lastArrival, lastAck: acks.reduce((m, a) => Math.max(m, a.at), 0) };
}

/**
 * Entries per second sustained: completions in a window as long as the arrivals, starting at the
 * first completion (a system that keeps up completes entries as fast as residents arrive, one
 * entry-duration later). `ackTimes` in order.
 */
export function sustainedEntriesPerSec(ackTimes: number[], arrivalMs: number): number {
  const n = ackTimes.filter((t) => t - ackTimes[0] <= arrivalMs).length;
  return round(n / Math.max(1, arrivalMs / 1000), 1);
}
