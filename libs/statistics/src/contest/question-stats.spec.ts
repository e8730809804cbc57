import type { PoolQuestion } from '@lc/question-bank';
import { type AnswerGroup, flagsOf, questionStats } from './question-stats';

const single: PoolQuestion = {
  versionId: 'v1',
  questionId: 'q1',
  type: 'single',
  stem: 'Tuổi được bầu cử?',
  options: [
    { id: 'a', text: '18', correct: true },
    { id: 'b', text: '21', correct: false },
    { id: 'c', text: '16', correct: false },
  ],
  answer: null,
  points: 1,
  difficulty: 1,
  topic: null,
  explanation: null,
  legalReference: null,
};
const text: PoolQuestion = {
  ...single,
  versionId: 'v2',
  questionId: 'q2',
  type: 'short_text',
  options: [],
  answer: { accepted: ['Hội đồng bầu cử quốc gia'] },
};
const essay: PoolQuestion = { ...single, versionId: 'v3', questionId: 'q3', type: 'essay', options: [] };
const versions = new Map([single, text, essay].map((q) => [q.versionId, q]));
const g = (versionId: string, answer: AnswerGroup['answer'], count: number, timeSumMs = 0, timeCount = 0): AnswerGroup => ({
  roundId: 'r',
  versionId,
  answer,
  count,
  timeSumMs,
  timeCount,
});

describe('questionStats', () => {
  it('counts draws, answers and correct answers per question, scoring each distinct answer once', () => {
    const [s] = questionStats([g('v1', ['a'], 6, 60_000, 6), g('v1', ['b'], 3, 30_000, 3), g('v1', [], 1), g('v1', null, 2)], versions);
    expect(s).toMatchObject({ questionId: 'q1', drawn: 12, answered: 9, correct: 6, correctPercent: 50, averageTimeMs: 10_000, flags: [] });
    expect(s.choices).toEqual([
      { optionId: 'a', text: '18', correct: true, count: 6 },
      { optionId: 'b', text: '21', correct: false, count: 3 },
      { optionId: 'c', text: '16', correct: false, count: 0 },
    ]);
  });
  it('scores text answers as submissions do (case and diacritics folded)', () => {
    const [s] = questionStats([g('v2', 'hoi dong bau cu quoc gia', 4), g('v2', 'Quốc hội', 1)], versions);
    expect(s).toMatchObject({ drawn: 5, answered: 5, correct: 4, correctPercent: 80, choices: null, averageTimeMs: null });
  });
  it('gives essays no correct rate and no flag', () => {
    const [s] = questionStats([g('v3', 'bài luận', 20)], versions);
    expect(s).toMatchObject({ correctPercent: null, flags: [] });
  });
  it('keeps rounds apart and skips versions it cannot find', () => {
    const out = questionStats([g('v1', ['a'], 1), { ...g('v1', ['b'], 1), roundId: 'r2' }, g('nope', ['a'], 1)], versions);
    expect(out.map((s) => `${s.roundId}:${s.correct}`)).toEqual(['r:1', 'r2:0']);
  });
});

describe('flagsOf', () => {
  const t = { lowCorrectPercent: 20, highCorrectPercent: 95, minDrawn: 10 };
  const choices = (right: number, wrong: number) => [
    { optionId: 'a', text: 'a', correct: true, count: right },
    { optionId: 'b', text: 'b', correct: false, count: wrong },
  ];
  it('flags questions almost nobody or almost everybody gets right', () => {
    expect(flagsOf({ type: 'numeric', drawn: 100, correctPercent: 10, choices: null }, t)).toEqual(['too_hard']);
    expect(flagsOf({ type: 'numeric', drawn: 100, correctPercent: 99, choices: null }, t)).toEqual(['too_easy']);
    expect(flagsOf({ type: 'numeric', drawn: 100, correctPercent: 50, choices: null }, t)).toEqual([]);
  });
  it('flags a wrong option chosen more than the key', () => {
    expect(flagsOf({ type: 'single', drawn: 100, correctPercent: 30, choices: choices(30, 60) }, t)).toEqual(['key_suspect']);
    expect(flagsOf({ type: 'single', drawn: 100, correctPercent: 60, choices: choices(60, 30) }, t)).toEqual([]);
  });
  it('says nothing on too few draws', () => {
    expect(flagsOf({ type: 'single', drawn: 9, correctPercent: 0, choices: choices(0, 9) }, t)).toEqual([]);
  });
});
