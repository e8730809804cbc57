import { describe, expect, it } from 'vitest';
import type { JuryView } from '../shared/api/judging-types';
import {
  addCriterion,
  criterionKey,
  emptyJury,
  juryBody,
  juryToForm,
  moveCriterion,
  removeCriterion,
  rubricTotal,
  validateJury,
  type JuryForm,
} from './jury-form';

const three = (): JuryForm => {
  let f = emptyJury();
  f = addCriterion(addCriterion(f));
  const [a, b, c] = f.criteria;
  return {
    ...f,
    criteria: [
      { ...a, label: 'Nội dung pháp lý chính xác', maxPoints: '50' },
      { ...b, label: 'Kỹ năng trình bày', maxPoints: '30' },
      { ...c, label: 'Hình thức, thời gian', maxPoints: '19,5' },
    ],
  };
};

describe('rubric builder', () => {
  it('adds, reorders and removes criteria, with the total shown', () => {
    let f = three();
    expect(rubricTotal(f.criteria)).toBe(99.5);
    const [a, , c] = f.criteria;
    f = moveCriterion(f, c.rowId, -1);
    expect(f.criteria.map((x) => x.label)).toEqual(['Nội dung pháp lý chính xác', 'Hình thức, thời gian', 'Kỹ năng trình bày']);
    expect(moveCriterion(f, a.rowId, -1)).toBe(f);
    f = { ...f, tieBreak: [c.rowId] };
    f = removeCriterion(f, c.rowId);
    expect(f.criteria).toHaveLength(2);
    expect(f.tieBreak).toEqual([]);
  });

  it('names each problem in Vietnamese', () => {
    const f = three();
    const [a, b] = f.criteria;
    const bad = {
      ...f,
      criteria: [
        { ...a, label: ' ' },
        { ...b, maxPoints: '0' },
        { ...f.criteria[2], maxPoints: '1,234' },
      ],
      trimmedMeanThreshold: '3',
      overtime: true,
      overtimeLimitMinutes: '',
      reconciliationGap: '-1',
    };
    const e = validateJury(bad);
    expect(Object.keys(e).sort()).toEqual(
      [`label-${a.rowId}`, `max-${b.rowId}`, `max-${f.criteria[2].rowId}`, 'overtimeLimitMinutes', 'reconciliationGap', 'trimmedMeanThreshold'].sort(),
    );
    expect(e[`label-${a.rowId}`]).toBe('Nhập tên tiêu chí.');
    expect(validateJury({ ...f, criteria: [] }).criteria).toMatch(/ít nhất một tiêu chí/);
    expect(validateJury({ ...f, criteria: [f.criteria[0], { ...f.criteria[1], label: 'nội dung pháp lý chính xác' }] })[`label-${f.criteria[1].rowId}`]).toBe(
      'Tên tiêu chí bị trùng.',
    );
    expect(validateJury(three())).toEqual({});
  });

  it('sends keys from labels, the penalties, the head judge and tie-breaks in rubric order', () => {
    const f = three();
    const [a, , c] = f.criteria;
    const body = juryBody({
      ...f,
      tieBreak: [c.rowId, a.rowId],
      overtime: true,
      overtimeLimitMinutes: '15',
      overtimePoints: '1',
      overtimeMax: '10',
      reconciliationGap: '15',
      headJudgeUserId: 'u-1',
    });
    expect(body).toEqual({
      rubric: [
        { key: 'noi-dung-phap-ly-chinh-xac', label: 'Nội dung pháp lý chính xác', maxPoints: 50 },
        { key: 'ky-nang-trinh-bay', label: 'Kỹ năng trình bày', maxPoints: 30 },
        { key: 'hinh-thuc-thoi-gian', label: 'Hình thức, thời gian', maxPoints: 19.5 },
      ],
      aggregate: 'trimmed-mean',
      trimmedMeanThreshold: 5,
      penalties: [{ kind: 'overtime', limitSeconds: 900, points: 1, per: 'started-minute', maxPoints: 10 }],
      reconciliationGap: 15,
      headJudgeUserId: 'u-1',
      tieBreakCriteria: ['noi-dung-phap-ly-chinh-xac', 'hinh-thuc-thoi-gian'],
    });
    expect(criterionKey('Đánh giá', new Set(['danh-gia']))).toBe('danh-gia-2');
    expect(criterionKey('!!!', new Set())).toBe('tieu-chi');
  });

  it('keeps saved keys and fixed penalties when a saved jury is edited', () => {
    const saved: JuryView = {
      roundId: 'r',
      rubric: [
        { key: 'content', label: 'Nội dung', maxPoints: 60 },
        { key: 'delivery', label: 'Trình bày', maxPoints: 40 },
      ],
      maxScore: 100,
      aggregate: 'mean',
      trimmedMeanThreshold: 5,
      penalties: [
        { kind: 'fixed', code: 'notes', label: 'Đọc tài liệu', points: 2 },
        { kind: 'overtime', limitSeconds: 600, points: 0.5, per: 'started-minute' },
      ],
      reconciliationGap: null,
      decimals: 2,
      tieBreakCriteria: ['delivery'],
      headJudgeUserId: null,
      locked: false,
      updatedAt: null,
    };
    const f = juryToForm(saved);
    expect([f.overtimeLimitMinutes, f.overtimePoints, f.tieBreak.length]).toEqual(['10', '0,5', 1]);
    const renamed = { ...f, criteria: [{ ...f.criteria[0], label: 'Nội dung pháp lý' }, f.criteria[1]] };
    const body = juryBody(renamed);
    expect(body.rubric.map((r) => r.key)).toEqual(['content', 'delivery']);
    expect(body.tieBreakCriteria).toEqual(['delivery']);
    expect(body.penalties).toEqual([
      { kind: 'overtime', limitSeconds: 600, points: 0.5, per: 'started-minute' },
      { kind: 'fixed', code: 'notes', label: 'Đọc tài liệu', points: 2 },
    ]);
    expect(body).not.toHaveProperty('trimmedMeanThreshold');
  });
});
