import { io, Socket } from 'socket.io-client';
import { Http } from '../../../test/harness';
import { Session } from '../../../test/factories';
import { KnownQuestion } from '../../contests/test/factories';

export function connect(url: string, opts: { token?: string; header?: string } = {}): Socket {
  return io(`${url}/live`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: opts.token ? { token: opts.token } : {},
    extraHeaders: opts.header ? { authorization: opts.header } : undefined,
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read payloads freely
export function once<T = any>(s: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    s.once(event, (v: T) => {
      clearTimeout(t);
      resolve(v);
    });
  });
}

export async function connected(s: Socket): Promise<{ userId: string; role: string; serverTime: string }> {
  const session = once(s, 'session');
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', (e) => reject(e));
  });
  return session;
}

/** Collects every payload of an event from the moment of the call. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read payloads freely
export function collect<T = any>(s: Socket, event: string): { items: { at: number; payload: T }[]; stop(): void } {
  const items: { at: number; payload: T }[] = [];
  const on = (payload: T) => items.push({ at: Date.now(), payload });
  s.on(event, on);
  return { items, stop: () => s.off(event, on) };
}

/** Waits until `pred` holds for a collected item. */
export async function until<T>(c: { items: { payload: T }[] }, pred: (p: T) => boolean, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const hit = c.items.find((i) => pred(i.payload));
    if (hit) return hit.payload;
    if (Date.now() > end) throw new Error(`no matching event within ${timeoutMs} ms (got ${c.items.length})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * One complete entry through the real API: start, answer `correct` questions right (the
 * others wrong), submit. Returns the submit body.
 */
export interface Entry {
  attemptId: string;
  score: number;
  maxScore: number;
  timeTakenMs: number;
  rank: number | null;
}

interface Started {
  id: string;
  questions: { id: string; stem: string; options: { id: string; text: string }[] }[];
}

export async function enter(http: Http, r: Session, roundId: string, known: KnownQuestion[], correct: number): Promise<Entry> {
  const start = await http.post(`/rounds/${roundId}/attempts`, {}, r.token);
  if (start.status !== 201) throw new Error(`start: ${start.status} ${JSON.stringify(start.body)}`);
  const a = start.body as Started;
  let right = 0;
  for (const q of a.questions) {
    const k = known.find((x) => x.stem === q.stem)!;
    const want = right < correct ? k.correctTexts : k.wrongTexts.slice(0, 1);
    if (right < correct) right++;
    const optionIds = q.options.filter((o) => want.includes(o.text)).map((o) => o.id);
    const s = await http.put(`/attempts/${a.id}/answers/${q.id}`, { optionIds }, r.token);
    if (s.status !== 200) throw new Error(`answer: ${s.status} ${JSON.stringify(s.body)}`);
  }
  const sub = await http.post(`/attempts/${a.id}/submit`, {}, r.token);
  if (sub.status !== 200) throw new Error(`submit: ${sub.status} ${JSON.stringify(sub.body)}`);
  return { ...sub.body, attemptId: a.id };
}
