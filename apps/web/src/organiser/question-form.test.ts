import { describe, expect, it } from 'vitest';
import { guessFormat, type BankQuestion } from './api';
import { emptyQuestion, fromQuestion, questionBody, validateQuestion } from './question-form';

describe('question form', () => {
  it('builds a single-choice question without empty options', () => {
    const f = { ...emptyQuestion(), stem: 'Tuổi được bầu cử đại biểu Quốc hội?', topic: 'Luật Bầu cử 2015 — Chương I', tags: 'bầu cử, tuổi' };
    f.options = [
      { text: '18', correct: false },
      { text: '21', correct: true },
      { text: '', correct: false },
    ];
    expect(validateQuestion(f)).toEqual({});
    expect(questionBody(f)).toEqual({
      type: 'single',
      stem: 'Tuổi được bầu cử đại biểu Quốc hội?',
      difficulty: 1,
      points: 1,
      options: [
        { text: '18', correct: false },
        { text: '21', correct: true },
      ],
      topic: 'Luật Bầu cử 2015 — Chương I',
      tags: ['bầu cử', 'tuổi'],
    });
  });

  it('checks the answer key of each type', () => {
    const single = { ...emptyQuestion(), stem: 'x' };
    single.options = single.options.map((o) => ({ ...o, text: 'a', correct: true }));
    expect(validateQuestion(single).options).toBeDefined();
    expect(validateQuestion({ ...emptyQuestion(), type: 'numeric', stem: 'x', numericValue: 'mười' }).numericValue).toBeDefined();
    expect(validateQuestion({ ...emptyQuestion(), type: 'short_text', stem: 'x', accepted: ' \n ' }).accepted).toBeDefined();
    expect(validateQuestion({ ...emptyQuestion(), type: 'essay', stem: 'x' })).toEqual({});
  });

  it('writes numeric, short-text and true/false answers', () => {
    expect(questionBody({ ...emptyQuestion(), type: 'numeric', stem: 'x', numericValue: '5,5', tolerance: '0,5' }).answer).toEqual({
      value: 5.5,
      tolerance: 0.5,
    });
    expect(questionBody({ ...emptyQuestion(), type: 'short_text', stem: 'x', accepted: 'Quốc hội\n  \nQH' }).answer).toEqual({ accepted: ['Quốc hội', 'QH'] });
    expect(questionBody({ ...emptyQuestion(), type: 'true_false', stem: 'x', trueIsCorrect: false }).options).toEqual([
      { text: 'Đúng', correct: false },
      { text: 'Sai', correct: true },
    ]);
  });

  it('round-trips a stored question, keeping option ids', () => {
    const f = fromQuestion(
      stored({
        type: 'multiple',
        options: [
          { id: 'o1', text: 'A', correct: true },
          { id: 'o2', text: 'B', correct: false },
        ],
        difficulty: 2,
        points: 2,
      }),
    );
    expect(questionBody(f).options).toEqual([
      { id: 'o1', text: 'A', correct: true },
      { id: 'o2', text: 'B', correct: false },
    ]);
  });

  it('reads a stored numeric or short-text answer back into the form', () => {
    const n = fromQuestion(stored({ type: 'numeric', answer: { value: 12.5, tolerance: 0.5 } }));
    expect([n.numericValue, n.tolerance, n.accepted]).toEqual(['12.5', '0.5', '']);
    const t = fromQuestion(stored({ type: 'short_text', answer: { accepted: ['Quốc hội', 'QH'], caseSensitive: false, diacriticsSensitive: false } }));
    expect([t.numericValue, t.tolerance, t.accepted]).toEqual(['', '0', 'Quốc hội\nQH']);
  });

  it('guesses the import format from the file name', () => {
    expect(guessFormat('ngan-hang.XLSX')).toBe('xlsx');
    expect(guessFormat('gift-examples.txt')).toBe('gift');
    expect(guessFormat('quiz.xml')).toBe('moodle-xml');
    expect(guessFormat('readme')).toBeNull();
  });
});

/** A question as GET /banks/:id/questions sends it. */
function stored(over: Partial<BankQuestion>): BankQuestion {
  return {
    id: 'q',
    bankId: 'b',
    versionId: 'v',
    version: 1,
    locked: false,
    type: 'single',
    stem: 's',
    options: [],
    answer: null,
    points: 1,
    difficulty: 1,
    topic: null,
    topicId: null,
    legalReference: null,
    explanation: null,
    rubric: null,
    tags: [],
    archivedAt: null,
    createdAt: '2026-05-04T03:00:00.000Z',
    updatedAt: '2026-05-04T03:00:00.000Z',
    ...over,
  };
}
