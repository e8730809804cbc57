import type { DrawnQuestion } from '../draw/draw';
import { answerPattern, tooFast } from './integrity';

const d = (key: string, v: string): DrawnQuestion => ({
  key,
  versionId: v,
  ruleIndex: 0,
  type: 'single',
  points: 1,
  options: [
    { id: `${key}1`, ref: 'r1' },
    { id: `${key}2`, ref: 'r2' },
  ],
});

describe('integrity signals', () => {
  it('flags answers faster than the configured seconds per question', () => {
    expect(tooFast(9_000, 5, 2)).toBe(true);
    expect(tooFast(10_000, 5, 2)).toBe(false);
    expect(tooFast(100, 0, 2)).toBe(false);
    expect(tooFast(100, 5, 0)).toBe(false);
  });

  it('fingerprints answers independently of each attempt order and opaque ids', () => {
    const a = [d('a', 'v1'), d('b', 'v2'), d('c', 'v3')];
    const b = [d('x', 'v3'), d('y', 'v1'), d('z', 'v2')];
    const scored = (wrong: boolean) => ['k1', 'k2', 'k3'].map((key, i) => ({ key, earned: 0, max: 1, correct: wrong && i < 2 ? false : true, answered: true }));
    const pa = answerPattern(a, { a: { optionIds: ['a1'] }, b: { optionIds: ['b2'] }, c: { optionIds: ['c1'] } }, scored(true));
    const pb = answerPattern(b, { y: { optionIds: ['y1'] }, z: { optionIds: ['z2'] }, x: { optionIds: ['x1'] } }, scored(true));
    expect(pa).toBe(pb);
    expect(pa).not.toBe(answerPattern(b, { y: { optionIds: ['y2'] }, z: { optionIds: ['z2'] }, x: { optionIds: ['x1'] } }, scored(true)));
    // All right, or too few answers: a match would mean nothing.
    expect(answerPattern(a, { a: { optionIds: ['a1'] }, b: { optionIds: ['b2'] }, c: { optionIds: ['c1'] } }, scored(false))).toBeNull();
    expect(answerPattern(a, { a: { optionIds: ['a1'] } }, scored(true).slice(0, 1))).toBeNull();
  });

  it('does not fingerprint attempts with a single wrong answer: the same trap is no sign of copying', () => {
    const draw = Array.from({ length: 20 }, (_, i) => d(`q${i}`, `v${i}`));
    const answers = Object.fromEntries(draw.map((q) => [q.key, { optionIds: [`${q.key}1`] }]));
    const scored = (wrongs: number) => draw.map((q, i) => ({ key: q.key, earned: i < wrongs ? 0 : 1, max: 1, correct: i >= wrongs, answered: true }));
    expect(answerPattern(draw, answers, scored(1))).toBeNull();
    expect(answerPattern(draw, answers, scored(2))).toMatch(/^[0-9a-f]{64}$/);
  });
});
