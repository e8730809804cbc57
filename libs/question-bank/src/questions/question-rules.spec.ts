import { normaliseQuestion, sameContent, truthOf } from './question-rules';

let n = 0;
const ids = () => `id${++n}`;

describe('normaliseQuestion', () => {
  it('brings a question to its one stored form', () => {
    const r = normaliseQuestion(
      {
        type: ' Single ',
        stem: '  Ngày bầu cử\r\nlà ngày nào?  '.normalize('NFD'),
        options: [
          { text: ' Thứ Bảy ', correct: false },
          { id: 'keep-me', text: 'Chủ nhật', correct: true },
        ],
        topic: ' Luật Bầu cử / / Chương V ',
        tags: ['bầu cử', ' bầu cử ', ''],
        points: 1.25,
      },
      ids,
    );
    expect(r.content).toEqual({
      type: 'single',
      stem: 'Ngày bầu cử\nlà ngày nào?',
      options: [
        { id: expect.stringMatching(/^id\d+$/), text: 'Thứ Bảy', correct: false },
        { id: 'keep-me', text: 'Chủ nhật', correct: true },
      ],
      answer: null,
      points: 1.25,
      difficulty: 1,
      topic: 'Luật Bầu cử/Chương V',
      legalReference: null,
      explanation: null,
      rubric: null,
      tags: ['bầu cử'],
    });
  });

  it('stores true/false as Đúng then Sai whatever words and order were given', () => {
    const r = normaliseQuestion(
      {
        type: 'true_false',
        stem: 'S?',
        options: [
          { text: 'False', correct: true },
          { text: 'TRUE', correct: false },
        ],
      },
      ids,
    );
    expect(r.content?.options.map((o) => [o.text, o.correct])).toEqual([
      ['Đúng', false],
      ['Sai', true],
    ]);
  });

  it('lists every problem at once', () => {
    const r = normaliseQuestion(
      {
        type: 'multiple',
        stem: '',
        options: [
          { text: 'a', correct: false },
          { text: 'A', correct: false },
        ],
        points: 0.125,
        difficulty: 0,
        tags: ['a,b'],
      },
      ids,
    );
    expect(r.problems).toEqual([
      'the question text is empty',
      'difficulty must be 1, 2 or 3',
      'points must be a number above 0 and at most 1000, with at most 2 decimals',
      'tag "a,b" may not contain , ; or |',
      'option B repeats another option ("A")',
      'a multiple-choice question needs at least one correct option',
    ]);
  });

  it('checks answers by type', () => {
    expect(normaliseQuestion({ type: 'numeric', stem: 'x', answer: { value: 1, tolerance: -1 } }).problems).toEqual([
      'answer.tolerance must be a number of at least 0',
    ]);
    expect(normaliseQuestion({ type: 'short_text', stem: 'x', answer: { accepted: ['a|b'] } }).problems?.[0]).toMatch(/may not contain \|/);
    expect(normaliseQuestion({ type: 'short_text', stem: 'x', answer: { accepted: ['Hà  Nội', 'Hà Nội'] } }).content?.answer).toEqual({
      accepted: ['Hà Nội'],
      caseSensitive: false,
      diacriticsSensitive: false,
    });
    expect(normaliseQuestion({ type: 'essay', stem: 'x', answer: { value: 1 } }).problems?.[0]).toMatch(/no options or answer/);
    expect(normaliseQuestion({ type: 'matching', stem: 'x' }).problems?.[0]).toMatch(/type must be one of/);
  });

  it('compares contents field by field', () => {
    const a = normaliseQuestion({ type: 'essay', stem: 'x', tags: ['a'] }).content!;
    expect(sameContent(a, { ...a })).toBe(true);
    expect(sameContent(a, { ...a, tags: ['b'] })).toBe(false);
  });
});

describe('truthOf', () => {
  it('reads Vietnamese and English truth words', () => {
    expect(['Đúng', 'dung', 'TRUE', 'T', 'Có'].map(truthOf)).toEqual([true, true, true, true, true]);
    expect(['Sai', 'false', 'F', 'Không'].map(truthOf)).toEqual([false, false, false, false]);
    expect(truthOf('Có lẽ')).toBeNull();
  });
});
