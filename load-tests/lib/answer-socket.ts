import { io, Socket } from 'socket.io-client';
import { Stats } from './stats';

/** How entrants send their answers: over the attempt page's /live socket (as the web app does) or one HTTP PUT each. */
export type AutosaveTransport = 'socket' | 'http';

export function autosaveTransport(): AutosaveTransport {
  const v = process.env.BENCH_AUTOSAVE ?? 'socket';
  if (v !== 'socket' && v !== 'http') throw new Error(`BENCH_AUTOSAVE must be socket or http, not ${v}`);
  return v;
}

/** An answer picked at random, as an entrant who guesses: attempts then share no answer pattern (none is flagged identical). */
export function randomAnswer(q: { options?: { id: string }[] }): { optionIds: string[] } | { value: string } {
  const opts = q.options ?? [];
  return opts.length ? { optionIds: [opts[Math.floor(Math.random() * opts.length)].id] } : { value: String(Math.floor(Math.random() * 100)) };
}

type Ack = { ok: true } | { ok: false; error?: { code?: string; statusCode?: number } };

/** One entrant's /live connection while the attempt is open: `attempt:answer` with its ack. */
export class AnswerSocket {
  private constructor(private readonly socket: Socket) {}

  static open(baseUrl: string, token: string, timeoutMs = 30_000): Promise<AnswerSocket> {
    const socket = io(`${baseUrl}/live`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token }, timeout: timeoutMs });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new AnswerSocket(socket)));
      socket.once('connect_error', (e) => {
        socket.close();
        reject(e);
      });
    });
  }

  /** Records the latency of a saved answer under `endpoint`, or the refusal's code as its error. */
  async save(stats: Stats, endpoint: string, attemptId: string, questionId: string, change: object, timeoutMs = 30_000): Promise<boolean> {
    const started = performance.now();
    try {
      const ack = (await this.socket.timeout(timeoutMs).emitWithAck('attempt:answer', { attemptId, questionId, ...change })) as Ack;
      if (ack.ok) {
        stats.add(endpoint, performance.now() - started);
        return true;
      }
      stats.error(endpoint, String(ack.error?.statusCode ?? ack.error?.code ?? 'refused'));
    } catch {
      stats.error(endpoint, this.socket.connected ? 'timeout' : 'disconnected');
    }
    return false;
  }

  close(): void {
    this.socket.close();
  }
}
