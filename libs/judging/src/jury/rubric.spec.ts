import { DomainError } from '@lc/platform';
import { parseRubric, rubricMax, validateJudgeMarks } from './rubric';

const rubric = parseRubric({
  criteria: [
    { id: 'content', label: 'Nội dung', maxPoints: 50 },
    { id: 'delivery', label: 'Kỹ năng trình bày', maxPoints: 30 },
    { id: 'form', label: 'Hình thức, thời gian', maxPoints: 20 },
  ],
});

function fields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect((e as DomainError).status).toBe(400);
    return ((e as DomainError).details as { field: string }[]).map((d) => d.field).sort();
  }
  throw new Error('expected a 400');
}

describe('rubric', () => {
  it('parses criteria and sums their maxima', () => {
    expect(rubric.criteria.map((c) => c.id)).toEqual(['content', 'delivery', 'form']);
    expect(rubricMax(rubric)).toBe(100);
  });

  it('rejects bad criteria, naming each', () => {
    expect(
      fields(() =>
        parseRubric({
          criteria: [
            { id: 'a', label: 'A', maxPoints: 10 },
            { id: 'a', label: '', maxPoints: 0 },
            { id: 'Bad Id', label: 'B', maxPoints: 1.005, x: 1 },
          ],
        }),
      ),
    ).toEqual(['criteria[1].id', 'criteria[1].label', 'criteria[1].maxPoints', 'criteria[2].id', 'criteria[2].maxPoints', 'criteria[2].x']);
    expect(fields(() => parseRubric({ criteria: [] }))).toEqual(['criteria']);
  });

  it('accepts a complete set of marks and totals them', () => {
    const m = validateJudgeMarks(rubric, 'j1', { scores: { content: 45.5, delivery: 27.25, form: 20 }, comment: '  Tốt  ' });
    expect(m).toEqual({ judgeId: 'j1', scores: { content: 45.5, delivery: 27.25, form: 20 }, total: 92.75, comment: 'Tốt' });
  });

  it('names missing, unknown, out-of-range and over-precise marks', () => {
    expect(fields(() => validateJudgeMarks(rubric, 'j1', { scores: { content: 51, delivery: -1, extra: 3 } }))).toEqual([
      'scores.content',
      'scores.delivery',
      'scores.extra',
      'scores.form',
    ]);
    expect(fields(() => validateJudgeMarks(rubric, 'j1', { scores: { content: 10.001, delivery: '5', form: 1 } }))).toEqual([
      'scores.content',
      'scores.delivery',
    ]);
    expect(fields(() => validateJudgeMarks(rubric, 'j1', { scores: null, comment: 'x'.repeat(5001) }))).toEqual(['comment', 'scores']);
  });
});
