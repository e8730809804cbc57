import { parseJuryPolicy } from '../../jury/aggregate';
import type { JudgeMarks } from '../../jury/rubric';
import { entryMarking, marksBasis } from './entry-standing';

const m = (judgeId: string, total: number): JudgeMarks => ({ judgeId, scores: { content: total }, total, comment: null });
const policy = parseJuryPolicy({
  aggregate: 'trimmed-mean',
  reconciliationGap: 10,
  penalties: [{ kind: 'overtime', limitSeconds: 0, points: 1, per: 'started-minute' }],
});
const base = { policy, durationSeconds: null, breaches: [], reconciliation: null };

describe('entry marking', () => {
  it('counts only the marks of active judges and says when some are missing', () => {
    const r = entryMarking({ ...base, marks: [m('a', 70), m('b', 90), m('c', 72)], activeJudgeIds: new Set(['a', 'c', 'd']) });
    expect(r.counted.map((x) => x.judgeId)).toEqual(['a', 'c']);
    expect(r.score).toBe(71);
    expect(r.incomplete).toBe(true);
    expect(r.needsReconciliation).toBe(false); // b's 90 no longer counts
  });

  it('flags a gap until the head judge reconciles exactly these marks', () => {
    const marks = [m('a', 60), m('b', 80)];
    const active = new Set(['a', 'b']);
    expect(entryMarking({ ...base, marks, activeJudgeIds: active }).needsReconciliation).toBe(true);
    const rec = { mode: 'accept-aggregate' as const, byUserId: 'h', at: '', reason: 'ok', basis: marksBasis(marks) };
    const settled = entryMarking({ ...base, marks, activeJudgeIds: active, reconciliation: rec });
    expect(settled).toMatchObject({ needsReconciliation: false, score: 70, final: 70, source: 'jury' });
    const remarked = entryMarking({ ...base, marks: [m('a', 55), m('b', 80)], activeJudgeIds: active, reconciliation: rec });
    expect(remarked.needsReconciliation).toBe(true);
    expect(remarked.reconciled).toBeNull();
  });

  it("takes the head judge's final marks, minus penalties", () => {
    const marks = [m('a', 60), m('b', 80)];
    const rec = { mode: 'head-judge-marks' as const, byUserId: 'h', at: '', reason: 'r', basis: marksBasis(marks), scores: { content: 75 }, total: 75 };
    const r = entryMarking({ ...base, marks, activeJudgeIds: new Set(['a', 'b']), reconciliation: rec, durationSeconds: 90 });
    expect(r).toMatchObject({ source: 'head-judge', score: 75, final: 73, needsReconciliation: false });
    expect(r.penalty.total).toBe(2);
  });

  it('has no score without marks', () => {
    expect(entryMarking({ ...base, marks: [], activeJudgeIds: new Set(['a']) })).toMatchObject({ score: null, final: null, source: 'none', incomplete: true });
  });
});
