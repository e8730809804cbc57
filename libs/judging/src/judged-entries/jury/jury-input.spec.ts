import { DomainError } from '@lc/platform';
import { juryView, parseJuryInput } from './jury-input';

const rubric = [
  { key: 'content', label: 'Nội dung', maxPoints: 60 },
  { key: 'delivery', label: 'Trình bày', maxPoints: 40 },
];

describe('jury settings input', () => {
  it('defaults to the trimmed mean from 5 judges and maps keys onto the jury core', () => {
    const c = parseJuryInput({ rubric, reconciliationGap: 15, tieBreakCriteria: ['content'] });
    expect(c.policy).toMatchObject({ aggregate: 'trimmed-mean', trimFromJudges: 5, reconciliationGap: 15, penalties: [] });
    expect(c.rubric.criteria.map((x) => x.id)).toEqual(['content', 'delivery']);
    expect(juryView('r', c, false, null)).toMatchObject({ rubric, maxScore: 100, trimmedMeanThreshold: 5, headJudgeUserId: null });
  });

  it("names every problem by the organiser's field names", () => {
    try {
      parseJuryInput({ rubric: [{ id: 'a', label: 'A', maxPoints: 1 }], trimmedMeanThreshold: 2, headJudgeUserId: 'me', extra: 1 });
      throw new Error('expected a 400');
    } catch (e) {
      expect((e as DomainError).status).toBe(400);
      expect(((e as DomainError).details as { field: string }[]).map((d) => d.field).sort()).toEqual([
        'extra',
        'headJudgeUserId',
        'rubric[0].id',
        'rubric[0].key',
        'trimmedMeanThreshold',
      ]);
    }
  });

  it('checks tie-break criteria against the rubric', () => {
    expect(() => parseJuryInput({ rubric, tieBreakCriteria: ['content', 'style'] })).toThrow(/tieBreakCriteria\[1\]/);
  });
});
