import { randomInt } from 'node:crypto';
import { residentInput } from '../factories';
import { Balancer, Res } from './client';
import { ADMIN, sleep } from './cluster';
import { Ledger } from './ledger';

/**
 * The load a fault lands in: residents starting, autosaving (with sequence numbers) and
 * submitting (with an Idempotency-Key) in a loop until told to stop, and an organiser adding
 * questions. Each writes what the server acknowledged into the ledger. Every loop is bounded
 * by time and by count.
 */

export interface Session {
  token: string;
  user: { id: string };
}
export interface Resident extends Session {
  phone: string;
}
export interface QuestionView {
  id: string;
  type: string;
  options: { id: string; text: string }[];
}
export interface RoundRef {
  id: string;
  contestId: string;
}

const TYPES = ['single', 'multiple', 'true_false', 'numeric', 'short_text'] as const;

function must<T>(r: Res<T>, what: string, ok = [200, 201]): T {
  if (!ok.includes(r.status)) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

function questionBody(i: number, tag: string) {
  const type = TYPES[i % TYPES.length];
  const stem = `Câu hỏi ${tag}-${i} (${type}): theo Luật Bầu cử, điều nào đúng?`;
  const base = { type, stem, points: 1 + (i % 3), difficulty: 1 + (i % 3), topic: 'Luật Bầu cử/Chương I' };
  switch (type) {
    case 'single':
      return { ...base, options: [0, 1, 2, 3].map((k) => ({ text: `Phương án ${k + 1} câu ${tag}-${i}`, correct: k === i % 4 })) };
    case 'multiple':
      return { ...base, options: [0, 1, 2, 3].map((k) => ({ text: `Lựa chọn ${k + 1} câu ${tag}-${i}`, correct: k < 2 })) };
    case 'true_false':
      return {
        ...base,
        options: [
          { text: 'Đúng', correct: i % 2 === 0 },
          { text: 'Sai', correct: i % 2 === 1 },
        ],
      };
    case 'numeric':
      return { ...base, answer: { value: 18, tolerance: 1 } };
    case 'short_text':
      return { ...base, answer: { accepted: ['Hội đồng bầu cử quốc gia'] } };
  }
}

/** A random answer to a question as drawn: right or wrong by chance, so scores vary. */
function randomAnswer(q: QuestionView): { optionIds?: string[]; value?: string | number | null } {
  switch (q.type) {
    case 'single':
    case 'true_false':
      return { optionIds: [q.options[randomInt(q.options.length)].id] };
    case 'multiple': {
      const ids = q.options.map((o) => o.id).filter(() => randomInt(2) === 0);
      return { optionIds: ids.length ? ids : [q.options[0].id] };
    }
    case 'numeric':
      return { value: 16 + randomInt(5) };
    default:
      return { value: ['Hội đồng bầu cử quốc gia', 'hoi dong bau cu quoc gia', 'Quốc hội'][randomInt(3)] };
  }
}

export class World {
  admin!: Session;
  organiser!: Session;
  orgId = '';
  bankId = '';
  residents: Resident[] = [];
  private seq = 0;

  constructor(readonly lb: Balancer) {}

  /** An organisation, an organiser, a bank of mixed questions, and `n` residents. */
  async setup(residents: number): Promise<void> {
    const a = must(await this.lb.call('POST', '/auth/login', { body: { login: ADMIN.email, password: ADMIN.password } }), 'admin login');
    this.admin = { token: a.accessToken, user: a.user };
    const org = must(
      await this.lb.call('POST', '/organisations', {
        token: this.admin.token,
        body: { name: 'Sở Tư pháp (thử lỗi)', level: 'province', province: 'Quảng Ninh' },
      }),
      'organisation',
    );
    this.orgId = org.id;
    const email = 'organiser@faults.local';
    must(
      await this.lb.call('POST', '/users', {
        token: this.admin.token,
        body: { fullName: 'Cán bộ thử lỗi', email, password: 'staff-password-1', role: 'organiser', organisationId: org.id },
      }),
      'organiser',
    );
    const o = must(await this.lb.call('POST', '/auth/login', { body: { login: email, password: 'staff-password-1' } }), 'organiser login');
    this.organiser = { token: o.accessToken, user: o.user };
    const bank = must(await this.lb.call('POST', '/question-banks', { token: this.organiser.token, body: { name: 'Ngân hàng thử lỗi' } }), 'bank');
    this.bankId = bank.id;
    for (let i = 0; i < 15; i++)
      must(await this.lb.call('POST', `/question-banks/${bank.id}/questions`, { token: this.organiser.token, body: questionBody(i, 'pool') }), 'question');
    const made = await Promise.all(
      Array.from({ length: residents }, async (_, i) => {
        const input = residentInput();
        const r = must(await this.lb.call('POST', '/auth/register', { body: input, prefer: i }), 'register');
        return { token: r.accessToken, user: r.user, phone: input.phone } as Resident;
      }),
    );
    this.residents = made;
  }

  /** A published contest with one open quiz round, `entrants` registered for it. */
  async round(over: Record<string, unknown> = {}, entrants: Resident[] = this.residents): Promise<RoundRef> {
    const n = ++this.seq;
    const c = must(
      await this.lb.call('POST', '/contests', { token: this.organiser.token, body: { title: `Cuộc thi thử lỗi ${n} ${Date.now().toString(36)}` } }),
      'contest',
    );
    const body = {
      title: `Vòng ${n}`,
      kind: 'quiz',
      opensAt: new Date(Date.now() - 1000).toISOString(),
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
      durationSeconds: 600,
      maxAttempts: 50,
      attemptScoring: 'best',
      selection: [{ bankId: this.bankId, count: 5 }],
      ...over,
    };
    const r = must(await this.lb.call('POST', `/contests/${c.id}/rounds`, { token: this.organiser.token, body }), 'round');
    must(await this.lb.call('POST', `/contests/${c.id}/publish`, { token: this.organiser.token, body: {} }), 'publish');
    await Promise.all(
      entrants.map((res, i) =>
        this.lb.call('POST', `/contests/${c.id}/register`, { token: res.token, body: {}, prefer: i }).then((x) => must(x, 'register for contest')),
      ),
    );
    return { id: r.id, contestId: c.id };
  }

  questionBody(i: number, tag: string) {
    return questionBody(i, tag);
  }
}

export interface LoadOpts {
  round: RoundRef;
  residents: Resident[];
  ledger: Ledger;
  lb: Balancer;
  /** Stop starting new attempts after this (client clock). */
  stopAt: number;
  /** Pause between answers, ms (random in [0, 2×]). */
  thinkMs?: number;
  maxAttemptsEach?: number;
  /** Don't submit: leave attempts to the clock (the worker expires them). */
  noSubmit?: boolean;
  /** How long a client keeps retrying one request through an outage. */
  retryForMs?: number;
}

/** One resident's loop. Returns how many attempts it finished. */
async function residentLoop(o: LoadOpts, r: Resident, idx: number): Promise<number> {
  const { lb, ledger, round } = o;
  const call = (m: string, p: string, body?: unknown, headers?: Record<string, string>) =>
    lb.call(m, p, { token: r.token, body, headers, prefer: idx, retryForMs: o.retryForMs ?? 90_000 });
  let finished = 0;
  for (let n = 0; n < (o.maxAttemptsEach ?? 50) && Date.now() < o.stopAt; n++) {
    let s: Res;
    try {
      s = await call('POST', `/rounds/${round.id}/attempts`, {});
    } catch (e) {
      ledger.anomalies.push(`start gave no answer: ${(e as Error).message}`);
      return finished;
    }
    let attempt: { id: string; deadlineAt: string; questions: QuestionView[]; answers?: Record<string, { seq: number }> };
    if (s.status === 201) attempt = s.body;
    else if (s.status === 409 && s.body?.code === 'attempt_in_progress') {
      // A start whose answer was lost (instance killed) left an attempt: resume it over HTTP.
      const g = await call('GET', `/attempts/${s.body.details.attemptId}`);
      if (g.status !== 200) {
        ledger.anomalies.push(`resume ${s.body.details.attemptId}: ${g.status} ${JSON.stringify(g.body)}`);
        return finished;
      }
      attempt = g.body;
    } else if (s.status === 409 && ['round_not_open', 'attempt_limit_reached'].includes(s.body?.code)) return finished;
    else if (s.status === 429) {
      // Starts are limited per resident (30 a minute): wait as told, within the load's time.
      await sleep(Math.min(5000, 1000 * Number(s.headers.get('retry-after') ?? 1), Math.max(0, o.stopAt - Date.now())));
      continue;
    } else {
      ledger.anomalies.push(`start: ${s.status} ${JSON.stringify(s.body)}`);
      return finished;
    }
    ledger.attempts.set(attempt.id, { roundId: round.id, userId: r.user.id });
    let open = true;
    const seqs = new Map<string, number>(Object.entries(attempt.answers ?? {}).map(([k, v]) => [k, v.seq]));
    // Each question once, and one of them changed again: a later seq must win.
    const order = [...attempt.questions, attempt.questions[randomInt(attempt.questions.length)]];
    for (const q of order) {
      if (!open) break;
      await sleep(randomInt(2 * (o.thinkMs ?? 120) + 1));
      const seq = (seqs.get(q.id) ?? 0) + 1;
      seqs.set(q.id, seq);
      const body = { ...randomAnswer(q), seq };
      ledger.sent(attempt.id, q.id, seq);
      let a: Res;
      try {
        a = await call('PUT', `/attempts/${attempt.id}/answers/${q.id}`, body);
      } catch (e) {
        ledger.anomalies.push(`autosave gave no answer: ${(e as Error).message}`);
        open = false;
        break;
      }
      if (a.status === 200) ledger.autosave({ attemptId: attempt.id, questionId: q.id, seq: a.body.seq, body, at: Date.now(), viaRetry: false });
      else if (a.status === 409 && a.body?.code === 'stale_answer') {
        // Our own earlier try of this very request was applied (its answer was lost on the way).
        if (a.body.details?.seq === seq) ledger.autosave({ attemptId: attempt.id, questionId: q.id, seq, body, at: Date.now(), viaRetry: true });
      } else if (a.status === 409 && ['attempt_closed', 'deadline_passed'].includes(a.body?.code)) open = false;
      else if (a.status === 429) await sleep(1000);
      else ledger.anomalies.push(`autosave: ${a.status} ${JSON.stringify(a.body)}`);
    }
    if (o.noSubmit) {
      // The worker finalises it at the deadline: wait for that rather than resuming it.
      const deadline = Date.parse(attempt.deadlineAt) || Date.now();
      await sleep(Math.min(30_000, Math.max(0, deadline - Date.now() + 4000)));
      finished++;
      continue;
    }
    let sub: Res;
    try {
      sub = await call('POST', `/attempts/${attempt.id}/submit`, {}, { 'Idempotency-Key': `k-${attempt.id}` });
    } catch (e) {
      ledger.anomalies.push(`submit gave no answer: ${(e as Error).message}`);
      return finished;
    }
    const result = sub.status === 200 ? sub.body : sub.status === 409 && sub.body?.code === 'deadline_passed' ? sub.body.details?.result : undefined;
    if (result) {
      ledger.submission({
        attemptId: attempt.id,
        roundId: round.id,
        userId: r.user.id,
        status: result.status,
        score: result.score,
        maxScore: result.maxScore,
        at: Date.now(),
      });
      finished++;
    } else ledger.anomalies.push(`submit: ${sub.status} ${JSON.stringify(sub.body)}`);
  }
  return finished;
}

/** Every resident's loop at once; resolves when all have stopped. */
export async function residentsLoad(o: LoadOpts): Promise<number> {
  const done = await Promise.all(o.residents.map((r, i) => residentLoop(o, r, i)));
  return done.reduce((a, b) => a + b, 0);
}

/** The organiser adds questions (audited staff writes) until `stopAt`; a retry after a lost answer meets 409 duplicate. */
export async function staffLoad(world: World, ledger: Ledger, lb: Balancer, stopAt: number, tag: string, everyMs = 400): Promise<void> {
  for (let i = 0; i < 500 && Date.now() < stopAt; i++) {
    const body = world.questionBody(i, tag);
    ledger.sentStems.set(body.stem, world.bankId);
    let r: Res;
    try {
      r = await lb.call('POST', `/question-banks/${world.bankId}/questions`, { token: world.organiser.token, body, prefer: i, retryForMs: 90_000 });
    } catch (e) {
      ledger.anomalies.push(`question create gave no answer: ${(e as Error).message}`);
      return;
    }
    if (r.status === 201 || r.status === 200)
      ledger.staff.push({ kind: 'question.create', id: r.body.id, bankId: world.bankId, stem: body.stem, at: Date.now() });
    else if (r.status === 409 && r.body?.code === 'duplicate_question') {
      // Our first try committed but its answer was lost: the retry proves it, once.
      ledger.staff.push({ kind: 'question.create', id: r.body.details.existingQuestionId, bankId: world.bankId, stem: body.stem, at: Date.now() });
    } else ledger.anomalies.push(`question create: ${r.status} ${JSON.stringify(r.body)}`);
    await sleep(everyMs);
  }
}
