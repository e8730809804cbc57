import { DomainError } from '@lc/platform';
import { aggregateEntry, parseJuryPolicy } from './aggregate';
import { computePenalties } from './penalties';
import { JudgeMarks } from './rubric';

const m = (judgeId: string, total: number, content = total): JudgeMarks => ({ judgeId, scores: { content, delivery: total - content }, total, comment: null });

describe('jury aggregate', () => {
  it('averages the judges and rounds half up to 2 decimals', () => {
    const a = aggregateEntry([m('j1', 80), m('j2', 85), m('j3', 86)], parseJuryPolicy({}));
    expect(a.method).toBe('mean');
    expect(a.aggregate).toBe(83.67);
    expect(a.final).toBe(83.67);
    expect(a.complete).toBe(true);
    expect(a.spread).toEqual({ gap: 6, highJudgeId: 'j3', lowJudgeId: 'j1' });
  });

  it('drops the highest and lowest only with at least 5 judges when trimming', () => {
    const policy = parseJuryPolicy({ aggregate: 'trimmed-mean' });
    const four = aggregateEntry([m('a', 50), m('b', 80), m('c', 82), m('d', 99)], policy);
    expect(four.method).toBe('mean');
    expect(four.aggregate).toBe(77.75);
    const five = aggregateEntry([m('a', 50), m('b', 80), m('c', 82), m('d', 99), m('e', 84)], policy);
    expect(five.method).toBe('trimmed-mean');
    expect(five.droppedJudgeIds).toEqual(['a', 'd']);
    expect(five.usedJudgeIds).toEqual(['b', 'c', 'e']);
    expect(five.aggregate).toBe(82);
  });

  it('drops the same judges whatever order the marks were submitted in', () => {
    const policy = parseJuryPolicy({ aggregate: 'trimmed-mean' });
    const marks = [m('e', 90), m('a', 90), m('c', 70), m('b', 70), m('d', 80)];
    const x = aggregateEntry(marks, policy);
    const y = aggregateEntry([...marks].reverse(), policy);
    expect(x.droppedJudgeIds).toEqual(['b', 'e']);
    expect(y.droppedJudgeIds).toEqual(x.droppedJudgeIds);
  });

  it('subtracts penalties per started minute over time, never below zero', () => {
    const policy = parseJuryPolicy({
      penalties: [
        { kind: 'overtime', limitSeconds: 900, points: 2, per: 'started-minute', maxPoints: 10 },
        { kind: 'fixed', code: 'notes', label: 'Đọc văn bản', points: 5 },
      ],
    });
    const a = aggregateEntry([m('j1', 80), m('j2', 81)], policy, { durationSeconds: 900 + 61, breaches: ['notes'] });
    expect(a.penalty.items.map((i) => [i.code, i.points])).toEqual([
      ['overtime', 4],
      ['notes', 5],
    ]);
    expect(a.aggregate).toBe(80.5);
    expect(a.final).toBe(71.5);
    expect(computePenalties(policy.penalties, { durationSeconds: 900 }).total).toBe(0);
    expect(computePenalties(policy.penalties, { durationSeconds: 900 + 3600 }).total).toBe(10); // capped
    expect(computePenalties([{ kind: 'overtime', limitSeconds: 60, points: 1, per: 'full-minute' }], { durationSeconds: 119 }).total).toBe(0);
    expect(aggregateEntry([m('j1', 3)], policy, { durationSeconds: 2000 }).final).toBe(0);
  });

  it('flags an entry for reconciliation when two judges differ by more than the gap', () => {
    const policy = parseJuryPolicy({ reconciliationGap: 10 });
    expect(aggregateEntry([m('j1', 70), m('j2', 80)], policy).needsReconciliation).toBe(false);
    expect(aggregateEntry([m('j1', 70), m('j2', 80.5), m('j3', 75)], policy).needsReconciliation).toBe(true);
    expect(aggregateEntry([m('j1', 0), m('j2', 100)], parseJuryPolicy({})).needsReconciliation).toBe(false); // no gap configured
  });

  it('reports an entry with missing or no marks as incomplete', () => {
    const policy = parseJuryPolicy({});
    expect(aggregateEntry([m('j1', 70)], policy, {}, 3).complete).toBe(false);
    const none = aggregateEntry([], policy, {}, 3);
    expect(none).toMatchObject({ complete: false, final: null, method: 'none' });
  });

  it('keeps per-criterion means of the judges used', () => {
    const a = aggregateEntry([m('j1', 80, 40), m('j2', 90, 45)], parseJuryPolicy({}));
    expect(a.criterionMeans).toEqual({ content: 42.5, delivery: 42.5 });
  });

  it('rejects a bad policy, naming each field', () => {
    try {
      parseJuryPolicy({
        aggregate: 'median',
        trimFromJudges: 3,
        reconciliationGap: -1,
        penalties: [{ kind: 'overtime', per: 'hour' }, { kind: 'bonus' }],
        decimals: 9,
      });
      throw new Error('expected a 400');
    } catch (e) {
      expect((e as DomainError).code).toBe('invalid_jury_policy');
      expect(((e as DomainError).details as { field: string }[]).map((d) => d.field).sort()).toEqual([
        'aggregate',
        'decimals',
        'penalties[0].limitSeconds',
        'penalties[0].per',
        'penalties[0].points',
        'penalties[1].kind',
        'reconciliationGap',
        'trimFromJudges',
      ]);
    }
  });
});
