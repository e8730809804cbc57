import { answerFor } from './demo-activity';
import type { DemoQuestion } from './types';

const single: DemoQuestion = {
  type: 'single',
  stem: 'Tuổi được bầu cử?',
  options: [
    { text: '16 tuổi', correct: false },
    { text: '18 tuổi', correct: true },
    { text: '21 tuổi', correct: false },
  ],
  topic: 't',
  legalReference: 'Điều 2',
  difficulty: 1,
  points: 1,
  explanation: 'e',
  tags: [],
};
const bank = new Map([[single.stem, single]]);
const served = {
  id: 'q1',
  type: 'single',
  stem: single.stem,
  options: [
    { id: 'o-a', text: '21 tuổi' },
    { id: 'o-b', text: '18 tuổi' },
    { id: 'o-c', text: '16 tuổi' },
  ],
};

describe('demo residents answer from the demo bank', () => {
  it('a resident who is always right picks the key by its text, whatever the served order and ids', () => {
    expect(answerFor(served, bank, 1, () => 0.5)).toEqual({ optionIds: ['o-b'] });
  });

  it('a resident who is always wrong never picks the key', () => {
    for (const r of [0, 0.3, 0.6, 0.99]) expect(answerFor(served, bank, 0, () => r)).not.toEqual({ optionIds: ['o-b'] });
  });

  it('numeric and short answers use the bank key when right, something else when wrong', () => {
    const numeric: DemoQuestion = { ...single, type: 'numeric', stem: 'Bao nhiêu?', options: undefined, answer: { value: 5 } };
    const b = new Map([[numeric.stem, numeric]]);
    const q = { id: 'q2', type: 'numeric', stem: numeric.stem };
    expect(answerFor(q, b, 1, () => 0.5)).toEqual({ value: 5 });
    expect(answerFor(q, b, 0, () => 0.5)).not.toEqual({ value: 5 });
  });
});
