import { describe, expect, it } from 'vitest';
import { answerBody, attemptsLeft, isAnswered, normaliseAttempt, representativeAttempt } from './attempt-model';
import type { MyAttempt } from '../../shared/api/types';

describe('normaliseAttempt', () => {
  it('reads the POST /rounds/:id/attempts contract', () => {
    const a = normaliseAttempt({
      id: 'a1',
      deadlineAt: '2025-07-01T00:20:00Z',
      serverTime: '2025-07-01T00:00:00Z',
      questions: [{ id: 'q1', type: 'single', stem: 'Tuổi bầu cử?', options: [{ id: 'o1', text: '18' }] }],
    });
    expect(a).toMatchObject({ id: 'a1', status: 'in_progress', answers: {}, questions: [{ id: 'q1', options: [{ id: 'o1', text: '18' }] }] });
  });

  it('takes saved answers as an array, a map, or inside questions', () => {
    expect(normaliseAttempt({ id: 'a', answers: [{ questionId: 'q1', optionIds: ['o1'], seq: 4 }] }).answers).toEqual({ q1: { optionIds: ['o1'], seq: 4 } });
    expect(normaliseAttempt({ id: 'a', answers: { q2: { value: 12 } } }).answers).toEqual({ q2: { value: 12 } });
    expect(normaliseAttempt({ id: 'a', questions: [{ id: 'q3', answer: { value: { optionIds: ['x'] }, seq: 2 } }] }).answers).toEqual({
      q3: { optionIds: ['x'], seq: 2 },
    });
  });

  it('keeps the answer key fields when the results are published', () => {
    const a = normaliseAttempt({
      id: 'a',
      status: 'submitted',
      score: '8',
      questions: [{ id: 'q1', type: 'single', stem: 's', options: [{ id: 'o1', text: 'A', correct: true }], explanation: 'Điều 2 Luật Bầu cử' }],
    });
    expect(a.score).toBe(8);
    expect(a.questions[0].options[0].correct).toBe(true);
    expect(a.questions[0].explanation).toBe('Điều 2 Luật Bầu cử');
  });
});

describe('review after publication', () => {
  it('folds the review list into the questions', () => {
    const a = normaliseAttempt({
      id: 'a',
      status: 'submitted',
      questions: [
        {
          id: 'q1',
          type: 'single',
          stem: 's',
          points: 1,
          options: [
            { id: 'x', text: 'A' },
            { id: 'y', text: 'B' },
          ],
        },
        { id: 'q2', type: 'numeric', stem: 'n', points: 1, options: [] },
      ],
      answers: { q1: { optionIds: ['x'], seq: 3, savedAt: '2026-05-04T01:00:00Z' } },
      review: [
        {
          questionId: 'q1',
          correct: false,
          earned: 0,
          correctOptionIds: ['y'],
          acceptedAnswers: null,
          correctValue: null,
          explanation: 'Vì…',
          legalReference: 'Điều 2',
        },
        {
          questionId: 'q2',
          correct: null,
          earned: 0,
          correctOptionIds: [],
          acceptedAnswers: null,
          correctValue: { value: 5, tolerance: 0 },
          explanation: null,
          legalReference: null,
        },
      ],
    });
    expect(a.questions[0]).toMatchObject({ isCorrect: false, awarded: 0, correctOptionIds: ['y'], explanation: 'Vì…', legalReference: 'Điều 2' });
    expect(a.questions[0].options.map((o) => o.correct)).toEqual([false, true]);
    expect(a.questions[1].correctAnswer).toBe('5');
    expect(a.answers.q1).toEqual({ optionIds: ['x'], seq: 3 });
  });
});

describe('answers', () => {
  it('knows what counts as answered', () => {
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered({ optionIds: [] })).toBe(false);
    expect(isAnswered({ value: '  ' })).toBe(false);
    expect(isAnswered({ value: 0 })).toBe(true);
  });

  it('builds the PUT body for each question type', () => {
    expect(answerBody('multiple', { optionIds: ['a', 'b'] }, 3)).toEqual({ optionIds: ['a', 'b'], seq: 3 });
    expect(answerBody('numeric', { value: '12,5' }, 1)).toEqual({ value: 12.5, seq: 1 });
    expect(answerBody('short_text', { value: 'Quốc hội' }, 2)).toEqual({ value: 'Quốc hội', seq: 2 });
  });
});

describe('representativeAttempt', () => {
  const at = (a: Pick<MyAttempt, 'id' | 'status' | 'score' | 'timeTakenMs' | 'submittedAt'>): MyAttempt => ({
    attemptNo: Number(a.id),
    startedAt: '2025-07-01T00:00:00Z',
    deadlineAt: '2025-07-01T09:00:00Z',
    maxScore: 10,
    ...a,
  });
  const list = [
    at({ id: '1', status: 'submitted' as const, score: 8, timeTakenMs: 300_000, submittedAt: '2025-07-01T01:00:00Z' }),
    at({ id: '2', status: 'submitted' as const, score: 9, timeTakenMs: 500_000, submittedAt: '2025-07-01T02:00:00Z' }),
    at({ id: '3', status: 'submitted' as const, score: 9, timeTakenMs: 400_000, submittedAt: '2025-07-01T03:00:00Z' }),
    at({ id: '4', status: 'void' as const, score: 10, timeTakenMs: 1000, submittedAt: '2025-07-01T04:00:00Z' }),
    at({ id: '5', status: 'expired' as const, score: 2, timeTakenMs: 600_000, submittedAt: '2025-07-01T05:00:00Z' }),
  ];
  it('picks the best by score then time, ignoring void attempts', () => {
    expect(representativeAttempt(list)?.id).toBe('3');
  });
  it('picks the last finished one with last scoring', () => {
    expect(representativeAttempt(list, 'last')?.id).toBe('5');
  });
  it('counts attempts left', () => {
    expect(attemptsLeft(3, list.slice(0, 2))).toBe(1);
    expect(attemptsLeft(undefined, list)).toBeNull();
  });
});
