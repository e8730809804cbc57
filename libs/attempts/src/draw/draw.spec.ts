import type { PoolQuestion } from '@lc/question-bank';
import { cryptoRng, drawAttempt } from './draw';

const q = (id: string, type: PoolQuestion['type'] = 'single'): PoolQuestion => ({
  versionId: `v-${id}`,
  questionId: id,
  type,
  stem: `Câu ${id}`,
  options:
    type === 'true_false'
      ? [
          { id: 't', text: 'Đúng', correct: true },
          { id: 'f', text: 'Sai', correct: false },
        ]
      : ['a', 'b', 'c', 'd'].map((o, i) => ({ id: `${id}:${o}`, text: o, correct: i === 0 })),
  answer: null,
  points: 1,
  difficulty: 1,
  topic: null,
  explanation: null,
  legalReference: null,
});
const pool = (n: number, prefix = 'q') => Array.from({ length: n }, (_, i) => q(`${prefix}${i}`));

describe('drawing an attempt', () => {
  it('draws count per rule, each question once, with fresh opaque ids', () => {
    const shared = pool(6);
    const rules = [
      { count: 3, questions: shared },
      { count: 3, questions: shared.slice(0, 4) },
    ];
    for (let i = 0; i < 50; i++) {
      const d = drawAttempt(rules, { shuffleQuestions: true, shuffleOptions: true }, cryptoRng());
      expect(d).toHaveLength(6);
      expect(new Set(d.map((x) => x.versionId)).size).toBe(6);
      expect(d.filter((x) => x.ruleIndex === 1).every((x) => ['v-q0', 'v-q1', 'v-q2', 'v-q3'].includes(x.versionId))).toBe(true);
      const ids = d.flatMap((x) => [x.key, ...x.options.map((o) => o.id)]);
      expect(new Set(ids).size).toBe(ids.length);
      // Fresh base64url ids: bank option ids hold ':', so an id can never carry its ref (nor match one by chance).
      for (const x of d) for (const o of x.options) expect(o.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    }
  });

  it('gives attempts different draws, orders and ids', () => {
    const rules = [{ count: 5, questions: pool(30) }];
    const a = drawAttempt(rules, { shuffleQuestions: true, shuffleOptions: true }, cryptoRng());
    const b = drawAttempt(rules, { shuffleQuestions: true, shuffleOptions: true }, cryptoRng());
    expect(a.map((x) => x.versionId).join()).not.toBe(b.map((x) => x.versionId).join());
    expect(a.map((x) => x.key)).not.toEqual(expect.arrayContaining(b.map((x) => x.key)));
  });

  it('keeps pool order and option order when shuffling is off, and true/false unshuffled', () => {
    const rules = [
      { count: 2, questions: [q('x', 'true_false'), q('y', 'true_false')] },
      { count: 3, questions: pool(3, 'p') },
    ];
    const d = drawAttempt(rules, { shuffleQuestions: false, shuffleOptions: false }, cryptoRng());
    expect(d.map((x) => x.versionId)).toEqual(['v-x', 'v-y', 'v-p0', 'v-p1', 'v-p2']);
    expect(d[2].options.map((o) => o.ref)).toEqual(['p0:a', 'p0:b', 'p0:c', 'p0:d']);
    const shuffled = drawAttempt(rules, { shuffleQuestions: true, shuffleOptions: true }, cryptoRng());
    for (const x of shuffled.filter((s) => s.type === 'true_false')) expect(x.options.map((o) => o.ref)).toEqual(['t', 'f']);
  });

  it('shuffles options uniformly enough that the right one is not always first', () => {
    const rules = [{ count: 1, questions: [q('z')] }];
    const firsts = new Set(
      Array.from({ length: 40 }, () => drawAttempt(rules, { shuffleQuestions: true, shuffleOptions: true }, cryptoRng())[0].options[0].ref),
    );
    expect(firsts.size).toBeGreaterThan(1);
  });
});
