import type { PoolQuestion } from '@lc/question-bank';
import type { DrawnQuestion } from '../draw/draw';
import { scoreAttempt, toNumber } from './scoring';

const version = (id: string, type: PoolQuestion['type'], extra: Partial<PoolQuestion> = {}): PoolQuestion => ({
  versionId: id,
  questionId: `q${id}`,
  type,
  stem: '?',
  options: [],
  answer: null,
  points: 2,
  difficulty: 1,
  topic: null,
  explanation: 'x',
  legalReference: null,
  ...extra,
});
const opts = (correct: boolean[]) => correct.map((c, i) => ({ id: `o${i}`, text: `t${i}`, correct: c }));
const drawn = (v: PoolQuestion, key: string): DrawnQuestion => ({
  key,
  versionId: v.versionId,
  ruleIndex: 0,
  type: v.type,
  points: v.points,
  options: v.options.map((o) => ({ id: `X${key}${o.id}`, ref: o.id })),
});

describe('scoring (server side only)', () => {
  const single = version('1', 'single', { options: opts([false, true, false, false]) });
  const multi = version('2', 'multiple', { options: opts([true, true, false, false]), points: 4 });
  const num = version('3', 'numeric', { answer: { value: 18, tolerance: 0.5 } });
  const text = version('4', 'short_text', { answer: { accepted: ['Hội đồng bầu cử quốc gia'] } });
  const essay = version('5', 'essay');
  const versions = new Map([single, multi, num, text, essay].map((v) => [v.versionId, v]));
  const draw = [drawn(single, 'a'), drawn(multi, 'b'), drawn(num, 'c'), drawn(text, 'd'), drawn(essay, 'e')];

  it('scores every type and leaves essays to judges', () => {
    const s = scoreAttempt(
      draw,
      {
        a: { optionIds: ['Xao1'] },
        b: { optionIds: ['Xbo1', 'Xbo0'] },
        c: { value: '18,4' },
        d: { value: '  hoi dong BAU CU quoc gia ' },
        e: { value: 'bài luận' },
      },
      versions,
      { partialCredit: false },
    );
    expect(s).toEqual(expect.objectContaining({ score: 10, maxScore: 10, correctCount: 4, answeredCount: 5 }));
    expect(s.items.find((i) => i.key === 'e')).toEqual(expect.objectContaining({ correct: null, max: 0 }));
  });

  it('gives nothing for wrong, foreign or missing answers', () => {
    const s = scoreAttempt(draw, { a: { optionIds: ['Xao0'] }, b: { optionIds: ['o0', 'o1'] }, c: { value: 19 }, d: { value: 'Quốc hội' } }, versions, {
      partialCredit: true,
    });
    expect(s.score).toBe(0);
    expect(scoreAttempt(draw, {}, versions, { partialCredit: false })).toEqual(expect.objectContaining({ score: 0, answeredCount: 0 }));
    // Two options on a single-choice question is never right.
    expect(scoreAttempt([draw[0]], { a: { optionIds: ['Xao1', 'Xao0'] } }, versions, { partialCredit: true }).score).toBe(0);
  });

  it('gives partial credit for multiple only when the round enables it', () => {
    const half = { b: { optionIds: ['Xbo0'] } };
    expect(scoreAttempt([draw[1]], half, versions, { partialCredit: false }).score).toBe(0);
    expect(scoreAttempt([draw[1]], half, versions, { partialCredit: true }).score).toBe(2);
    // A wrong choice takes a right one's share back, never below zero.
    expect(scoreAttempt([draw[1]], { b: { optionIds: ['Xbo0', 'Xbo2'] } }, versions, { partialCredit: true }).score).toBe(0);
    expect(scoreAttempt([draw[1]], { b: { optionIds: ['Xbo2', 'Xbo3'] } }, versions, { partialCredit: true }).score).toBe(0);
  });

  it('respects case- and diacritics-sensitive short answers', () => {
    const strict = version('6', 'short_text', { answer: { accepted: ['Điều 2'], caseSensitive: true, diacriticsSensitive: true } });
    const m = new Map([[strict.versionId, strict]]);
    const d = [drawn(strict, 'f')];
    expect(scoreAttempt(d, { f: { value: 'Điều 2' } }, m, { partialCredit: false }).score).toBe(2);
    expect(scoreAttempt(d, { f: { value: 'điều 2' } }, m, { partialCredit: false }).score).toBe(0);
    expect(scoreAttempt(d, { f: { value: 'Dieu 2' } }, m, { partialCredit: false }).score).toBe(0);
  });

  it('reads numbers as Vietnamese write them', () => {
    expect(toNumber('1.234,5')).toBe(1234.5);
    expect(toNumber('12,5')).toBe(12.5);
    expect(toNumber('1234.5')).toBe(1234.5);
    expect(toNumber('18')).toBe(18);
    expect(toNumber('mười tám')).toBeNull();
    expect(toNumber(Infinity)).toBeNull();
  });
});
