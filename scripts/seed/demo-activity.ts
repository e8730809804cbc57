import type { DemoClient, Login } from './demo-client';
import type { DemoQuestion } from './types';

/**
 * What residents and judges have already done in the demo, so that every screen shows real
 * data on first look: submitted, flagged and in-progress attempts, a published round, judged
 * entries waiting for marks. Everything goes through the public API and each step first
 * looks for what a previous run left, so running the seed again adds nothing.
 */

interface StartedQuestion {
  id: string;
  type: string;
  stem: string;
  options?: { id: string; text: string }[];
}

/** A small deterministic generator: the demo looks the same on every machine. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fold = (s: string) => s.normalize('NFC').trim();

/** The answer a resident with this accuracy gives: the key (known from the demo bank) or a plausible slip. */
export function answerFor(q: StartedQuestion, bank: Map<string, DemoQuestion>, accuracy: number, rnd: () => number): Record<string, unknown> | null {
  const known = bank.get(fold(q.stem));
  const right = rnd() < accuracy;
  const options = q.options ?? [];
  if (q.type === 'single' || q.type === 'true_false' || q.type === 'multiple') {
    if (!options.length) return null;
    const isKey = (o: { text: string }) => !!known?.options?.find((k) => fold(k.text) === fold(o.text))?.correct;
    const keys = options.filter(isKey);
    const others = options.filter((o) => !isKey(o));
    if (right && keys.length) return { optionIds: keys.map((o) => o.id) };
    const slip = others.length ? others[Math.floor(rnd() * others.length)] : options[0];
    return { optionIds: [slip.id] };
  }
  if (q.type === 'numeric') {
    const value = known?.answer && 'value' in known.answer ? known.answer.value : 0;
    return { value: right ? value : value + 1 + Math.floor(rnd() * 5) };
  }
  if (q.type === 'short_text') {
    const accepted = known?.answer && 'accepted' in known.answer ? known.answer.accepted[0] : '';
    return { value: right ? accepted : 'Không nhớ' };
  }
  return null;
}

export interface Entrant {
  login: Login;
  /** Share of questions answered right. */
  accuracy: number;
  /** A phone id the client sends (x-device-id). */
  device: string;
}

export class DemoActivity {
  private readonly bank: Map<string, DemoQuestion>;

  constructor(
    private readonly api: DemoClient,
    questions: DemoQuestion[],
  ) {
    this.bank = new Map(questions.map((q) => [fold(q.stem), q]));
  }

  private async attemptsOf(who: Login, roundId: string): Promise<{ id: string; status: string }[]> {
    const r = await this.api.call('GET', `/rounds/${roundId}/my-attempts`, undefined, who.token);
    return (Array.isArray(r.body) ? r.body : r.body.items) as { id: string; status: string }[];
  }

  /**
   * One attempt: start, answer every question, then (unless `submit` is false) wait
   * `thinkMs` and submit with a prediction. Skipped when the resident already has one.
   */
  async attempt(e: Entrant, roundId: string, opts: { submit: boolean; thinkMs: number; prediction?: number; seed: number }): Promise<'taken' | 'had'> {
    if ((await this.attemptsOf(e.login, roundId)).length) return 'had';
    const rnd = random(opts.seed);
    const started = await this.api.call('POST', `/rounds/${roundId}/attempts`, {}, e.login.token, [201], { 'x-device-id': e.device });
    const questions = started.body.questions as StartedQuestion[];
    const answered = opts.submit ? questions : questions.slice(0, Math.ceil(questions.length / 2));
    for (const q of answered) {
      const body = answerFor(q, this.bank, e.accuracy, rnd);
      if (body) await this.api.call('PUT', `/attempts/${started.body.id}/answers/${q.id}`, body, e.login.token);
    }
    if (!opts.submit) return 'taken';
    if (opts.thinkMs) await sleep(opts.thinkMs);
    await this.api.call(
      'POST',
      `/attempts/${started.body.id}/submit`,
      opts.prediction === undefined ? {} : { prediction: opts.prediction },
      e.login.token,
      [200, 201],
      {
        'idempotency-key': `demo-${started.body.id}`,
      },
    );
    return 'taken';
  }

  /** A judged entry handed in as text, unless one is there already. */
  async handIn(who: Login, roundId: string, text: string): Promise<void> {
    const mine = await this.api.call('GET', `/rounds/${roundId}/my-entry`, undefined, who.token, [200, 404]);
    if (mine.status === 200) return;
    await this.api.call('POST', `/rounds/${roundId}/entries`, { text }, who.token, [200, 201]);
  }

  /** The organiser closes the round early and the judge publishes: once. */
  async closeAndPublish(organiser: Login, judge: Login, roundId: string): Promise<'published' | 'had'> {
    const res = await this.api.call('GET', `/rounds/${roundId}/results?limit=1`, undefined, judge.token, [200, 404, 409]);
    if (res.status === 200 && res.body.status === 'published') return 'had';
    if (!(res.status === 200 && res.body.status === 'provisional')) await this.api.call('POST', `/rounds/${roundId}/close`, { force: true }, organiser.token);
    await this.api.call('POST', `/rounds/${roundId}/results/publish`, {}, judge.token);
    return 'published';
  }

  /** The judge marks the first entry (if unmarked); the others wait on the judge's screen. */
  async markFirstEntry(judge: Login, roundId: string, scores: Record<string, number>, comment: string): Promise<void> {
    const list = await this.api.call('GET', `/rounds/${roundId}/entries?limit=50`, undefined, judge.token);
    const entries = list.body.items as { id: string; submittedAt: string }[];
    if (!entries.length) return;
    const first = [...entries].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))[0];
    const mine = await this.api.call('GET', `/entries/${first.id}/scores`, undefined, judge.token);
    if (mine.body.markedByMe) return;
    await this.api.call('POST', `/entries/${first.id}/scores`, { scores, comment }, judge.token);
  }

  async closesAt(staff: Login, roundId: string): Promise<Date> {
    const r = await this.api.call('GET', `/rounds/${roundId}`, undefined, staff.token);
    return new Date(r.body.closesAt as string);
  }

  /** Whether the round takes attempts now (a demo seeded by an older version may differ). */
  async window(staff: Login, roundId: string): Promise<'before' | 'open' | 'over'> {
    const r = await this.api.call('GET', `/rounds/${roundId}`, undefined, staff.token);
    const now = Date.now();
    if (r.body.status === 'closed' || r.body.status === 'published' || now >= new Date(r.body.closesAt as string).getTime()) return 'over';
    return now < new Date(r.body.opensAt as string).getTime() ? 'before' : 'open';
  }

  /** Waits (at most `maxMs`) until the server's clock is past `at`. */
  async until(at: Date, maxMs = 60_000): Promise<void> {
    const wait = at.getTime() - Date.now() + 1500;
    if (wait > 0) await sleep(Math.min(wait, maxMs));
  }
}
