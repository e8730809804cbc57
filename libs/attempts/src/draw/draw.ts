import { randomBytes, randomInt } from 'node:crypto';
import type { PoolQuestion, QuestionType } from '@lc/question-bank';

/** One drawn question as stored on the attempt: nothing here tells which option is right. */
export interface DrawnQuestion {
  /** Opaque per-attempt id the client uses for this question. */
  key: string;
  versionId: string;
  ruleIndex: number;
  type: QuestionType;
  points: number;
  /** In the order shown: the opaque id sent to the client and the bank's option id it stands for. */
  options: { id: string; ref: string }[];
}

export interface Rng {
  /** An integer in [0, n). */
  int(n: number): number;
  /** A fresh opaque id. */
  id(): string;
}

/** Cryptographic randomness: a draw must not be predictable from earlier ones. */
export function cryptoRng(): Rng {
  let buf = randomBytes(0);
  let at = 0;
  return {
    int: (n) => (n <= 1 ? 0 : randomInt(n)),
    id: () => {
      if (at + 6 > buf.length) {
        buf = randomBytes(6 * 64);
        at = 0;
      }
      at += 6;
      return buf.subarray(at - 6, at).toString('base64url');
    },
  };
}

export interface DrawSettings {
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
}

/**
 * This attempt's own questions: `count` per rule, each question at most once even when
 * rules overlap (the most constrained rules pick first), in shuffled or pool order, with
 * fresh opaque ids for every question and option.
 */
export function drawAttempt(rules: { count: number; questions: PoolQuestion[] }[], s: DrawSettings, rng: Rng): DrawnQuestion[] {
  const taken = new Set<string>();
  const picked: { ruleIndex: number; q: PoolQuestion; order: number }[] = [];
  const byConstraint = rules.map((r, i) => ({ r, i })).sort((a, b) => a.r.questions.length - a.r.count - (b.r.questions.length - b.r.count));
  for (const { r, i } of byConstraint) {
    const candidates = r.questions.map((q, order) => ({ q, order })).filter((c) => !taken.has(c.q.questionId));
    const n = Math.min(r.count, candidates.length);
    // Partial Fisher-Yates: the first n are a uniform sample.
    for (let k = 0; k < n; k++) {
      const j = k + rng.int(candidates.length - k);
      [candidates[k], candidates[j]] = [candidates[j], candidates[k]];
      taken.add(candidates[k].q.questionId);
      picked.push({ ruleIndex: i, q: candidates[k].q, order: candidates[k].order });
    }
  }
  if (s.shuffleQuestions) shuffle(picked, rng);
  else picked.sort((a, b) => a.ruleIndex - b.ruleIndex || a.order - b.order);
  return picked.map(({ ruleIndex, q }) => {
    const options = q.options.map((o) => ({ id: rng.id(), ref: o.id }));
    // True/false reads naturally only in its usual order.
    if (s.shuffleOptions && q.type !== 'true_false') shuffle(options, rng);
    return { key: rng.id(), versionId: q.versionId, ruleIndex, type: q.type, points: q.points, options };
  });
}

function shuffle<T>(a: T[], rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
}
