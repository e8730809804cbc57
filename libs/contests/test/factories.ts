import { Http } from '../../../test/harness';
import { newOrganisation, newResident, newStaff, ok, Session } from '../../../test/factories';

/** A question as the test knows it (with its key), to answer right or wrong on purpose. */
export interface KnownQuestion {
  id: string;
  type: 'single' | 'multiple' | 'true_false' | 'numeric' | 'short_text';
  stem: string;
  correctTexts: string[];
  wrongTexts: string[];
  value?: number;
  accepted?: string[];
  explanation: string;
  /** The bank's own option ids: must never reach an entrant. */
  bankOptionIds: string[];
}

/** Markers that must never reach a resident before results are published. */
export const SECRET = { explanation: 'GIAI-THICH-BI-MAT', accepted: 'Hội đồng bầu cử quốc gia' };

let n = 0;

/** The SPEC question shape; `i` makes stems unique (banks refuse duplicates). */
export function questionInput(i: number, type: KnownQuestion['type'] = 'single', topic = 'Luật Bầu cử 2015/Chương I') {
  const stem = `Câu ${i} (${type}) ${Date.now().toString(36)}-${++n}: theo Luật Bầu cử, điều nào đúng?`;
  const base = { type, stem, points: 1, difficulty: 1 + (i % 3), topic, explanation: `${SECRET.explanation} ${i}`, legalReference: `Điều ${i}` };
  switch (type) {
    case 'single':
      return { ...base, options: [0, 1, 2, 3].map((k) => ({ text: `Phương án ${k + 1} của câu ${i}`, correct: k === i % 4 })) };
    case 'multiple':
      return { ...base, options: [0, 1, 2, 3].map((k) => ({ text: `Lựa chọn ${k + 1} của câu ${i}`, correct: k < 2 })) };
    case 'true_false':
      return {
        ...base,
        options: [
          { text: 'Đúng', correct: i % 2 === 0 },
          { text: 'Sai', correct: i % 2 === 1 },
        ],
      };
    case 'numeric':
      return { ...base, answer: { value: 18, tolerance: 0 } };
    case 'short_text':
      return { ...base, answer: { accepted: [SECRET.accepted] } };
  }
}

type QuestionInput = ReturnType<typeof questionInput> & { options?: { text: string; correct: boolean }[]; answer?: { value?: number; accepted?: string[] } };

export function known(body: { id: string; options?: { id: string }[] }, input: QuestionInput): KnownQuestion {
  const options = input.options ?? [];
  return {
    id: body.id,
    type: input.type,
    stem: input.stem,
    correctTexts: options.filter((o) => o.correct).map((o) => o.text),
    wrongTexts: options.filter((o) => !o.correct).map((o) => o.text),
    value: input.answer?.value,
    accepted: input.answer?.accepted,
    explanation: input.explanation,
    bankOptionIds: (body.options ?? []).map((o: { id: string }) => o.id),
  };
}

export interface OrgSetup {
  org: { id: string; name: string };
  organiser: Session;
  bankId: string;
  questions: KnownQuestion[];
}

/** An organisation with an organiser and a bank of `count` questions (types cycle through `types`). */
export async function orgWithBank(http: Http, admin: Session, count = 10, types: KnownQuestion['type'][] = ['single']): Promise<OrgSetup> {
  const org = await newOrganisation(http, admin);
  const organiser = await newStaff(http, admin, 'organiser', org.id);
  const bank = await ok(http.post('/question-banks', { name: `Ngân hàng ${org.name}` }, organiser.token), 'create bank');
  const questions: KnownQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const input = questionInput(i, types[i % types.length]);
    const body = await ok(http.post(`/question-banks/${bank.id}/questions`, input, organiser.token), 'create question');
    questions.push(known(body, input));
  }
  return { org, organiser, bankId: bank.id, questions };
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** A quiz round's body; by default open from a second ago for an hour. */
export function quizRound(bankId: string, over: Record<string, unknown> = {}) {
  return {
    title: 'Tuần 1',
    kind: 'quiz',
    opensAt: iso(Date.now() - 1000),
    closesAt: iso(Date.now() + 3600_000),
    durationSeconds: 600,
    maxAttempts: 1,
    attemptScoring: 'best',
    selection: [{ bankId, count: 5 }],
    ...over,
  };
}

export async function newContest(http: Http, organiser: Session, over: Record<string, unknown> = {}) {
  return ok(http.post('/contests', { title: `Cuộc thi tìm hiểu pháp luật ${Date.now().toString(36)}-${++n}`, ...over }, organiser.token), 'create contest');
}

/** A published contest with one quiz round (open now unless `round` says otherwise). */
export async function liveQuiz(http: Http, setup: OrgSetup, round: Record<string, unknown> = {}, contest: Record<string, unknown> = {}) {
  const c = await newContest(http, setup.organiser, contest);
  const r = await ok(http.post(`/contests/${c.id}/rounds`, quizRound(setup.bankId, round), setup.organiser.token), 'create round');
  await ok(http.post(`/contests/${c.id}/publish`, {}, setup.organiser.token), 'publish');
  return { contest: c, round: r };
}

/** A resident registered for the contest. */
export async function entrant(http: Http, contestId: string, body: Record<string, unknown> = {}, over: Record<string, unknown> = {}) {
  const r = await newResident(http, over);
  await ok(http.post(`/contests/${contestId}/register`, body, r.token), 'register');
  return r;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs: number, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}
