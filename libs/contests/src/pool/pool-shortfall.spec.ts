import { poolShortfall } from './round-pool.service';

const qs = (...ids: string[]) => ids.map((questionId) => ({ questionId }));

describe('pool shortfall', () => {
  it('needs enough candidates per rule', () => {
    expect(poolShortfall([{ count: 3, questions: qs('a', 'b') }])).toMatch(/rule 1 needs 3 .* only 2/);
    expect(poolShortfall([{ count: 2, questions: qs('a', 'b') }])).toBeNull();
  });
  it('needs enough distinct questions when rules overlap', () => {
    expect(
      poolShortfall([
        { count: 2, questions: qs('a', 'b') },
        { count: 1, questions: qs('a', 'b') },
      ]),
    ).toMatch(/3 questions but only 2 distinct/);
    expect(
      poolShortfall([
        { count: 2, questions: qs('a', 'b') },
        { count: 1, questions: qs('b', 'c') },
      ]),
    ).toBeNull();
  });
});
