import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import type { RoundRulesView } from '../../shared/api/rules-types';
import {
  addGroup,
  addStep,
  addTier,
  fromRules,
  moveStep,
  removeGroup,
  removeStep,
  rulesBody,
  rulesSaveProblems,
  validateChain,
  validateRules,
} from './round-rules-model';

/** What GET /rounds/:id/rules answers for a round whose prizes were set in the round form. */
const derived: RoundRulesView = {
  roundId: 'r1',
  configured: false,
  locked: false,
  rankingRules: {
    chain: ['score', 'prediction', 'time-taken', 'submitted-at'],
    attemptScoring: 'best',
    prediction: { target: 'perfect-score-entrants', countBy: 'people' },
  },
  prizes: {
    tiers: [
      { code: 'p1', name: 'Giải Nhất', level: 1, count: 1 },
      { code: 'p2', name: 'Giải Nhì', level: 2, count: 2 },
    ],
  },
  groupField: null,
};

describe('round rules form', () => {
  it('round-trips the rules the server derived from the round, prediction target included', () => {
    const f = fromRules(derived);
    expect(f).toMatchObject({ chain: ['score', 'prediction', 'time-taken', 'submitted-at'], grouped: false, minScore: '', groupField: '' });
    expect(validateRules(f, 'quiz')).toEqual({});
    expect(rulesBody(f)).toEqual({
      rankingRules: {
        chain: ['score', 'prediction', 'time-taken', 'submitted-at'],
        attemptScoring: 'best',
        prediction: { target: 'perfect-score-entrants', countBy: 'people' },
      },
      prizes: {
        tiers: [
          { code: 'p1', name: 'Giải Nhất', level: 1, count: 1 },
          { code: 'p2', name: 'Giải Nhì', level: 2, count: 2 },
        ],
      },
      groupField: null,
    });
  });

  it('reorders, adds and removes steps', () => {
    const c = ['score', 'prediction', 'time-taken'] as const;
    expect(moveStep(c, 2, -1)).toEqual(['score', 'time-taken', 'prediction']);
    expect(moveStep(c, 0, -1)).toEqual([...c]);
    expect(moveStep(c, 2, 1)).toEqual([...c]);
    expect(addStep(c, 'under-before-over')).toEqual(['score', 'prediction', 'time-taken', 'under-before-over']);
    expect(addStep(c, 'score')).toEqual([...c]);
    expect(removeStep(c, 1)).toEqual(['score', 'time-taken']);
  });

  it('refuses "under before over" before prediction or without it, repeats, an empty chain and steps a judged round cannot use', () => {
    expect(validateChain(['score', 'under-before-over', 'prediction'], 'quiz')).toEqual({
      'chain.1': expect.stringMatching(/đặt tiêu chí này sau tiêu chí dự đoán/),
    });
    expect(validateChain(['score', 'under-before-over'], 'quiz')['chain.1']).toBeDefined();
    expect(validateChain(['score', 'prediction', 'under-before-over'], 'quiz')).toEqual({});
    expect(validateChain(['score', 'score'], 'quiz')).toEqual({ 'chain.1': 'Tiêu chí “Điểm cao hơn” bị lặp.' });
    expect(validateChain([], 'quiz')).toEqual({ chain: 'Thêm ít nhất một tiêu chí xếp hạng.' });
    expect(validateChain(['score', 'time-taken'], 'judged')['chain.1']).toMatch(/Vòng chấm điểm không dùng/);
  });

  it('maps prizes per group to perGroup quotas with the group field, best first with levels', () => {
    let f = fromRules({ ...derived, prizes: null });
    f = addTier(addTier(f));
    f = addGroup(addGroup(f));
    f = { ...f, grouped: true, groupField: 'capBaoCaoVien', minScore: '8,5', groups: ['Cấp tỉnh', 'Cấp xã'] };
    f.tiers = [
      { ...f.tiers[0], name: 'Giải Nhất', perGroup: ['1', '2'] },
      { ...f.tiers[1], name: 'Giải Nhì', perGroup: ['2', '0'] },
    ];
    expect(validateRules(f, 'quiz')).toEqual({});
    expect(rulesBody(f).prizes).toEqual({
      tiers: [
        { code: 'p1', name: 'Giải Nhất', level: 1, perGroup: { 'Cấp tỉnh': 1, 'Cấp xã': 2 } },
        { code: 'p2', name: 'Giải Nhì', level: 2, perGroup: { 'Cấp tỉnh': 2, 'Cấp xã': 0 } },
      ],
      minScore: 8.5,
    });
    expect(rulesBody(f).groupField).toBe('capBaoCaoVien');
    // Back from the server: the same groups and quotas.
    const back = fromRules({ ...derived, configured: true, prizes: rulesBody(f).prizes, groupField: 'capBaoCaoVien' });
    expect(back).toMatchObject({ grouped: true, groups: ['Cấp tỉnh', 'Cấp xã'], groupField: 'capBaoCaoVien', minScore: '8.5' });
    expect(back.tiers.map((t) => t.perGroup)).toEqual([
      ['1', '2'],
      ['2', '0'],
    ]);
    expect(removeGroup(back, 0).tiers.map((t) => t.perGroup)).toEqual([['2'], ['0']]);
  });

  it('keeps saved tier codes and levels and gives a new tier the next free code below the last', () => {
    const f = addTier(fromRules({ ...derived, prizes: { tiers: [{ code: 'p2', name: 'Giải Nhì', level: 2, count: 2 }] } }));
    expect(f.tiers.map((t) => t.code)).toEqual(['p2', 'p3']);
    expect(rulesBody({ ...f, tiers: [f.tiers[0], { ...f.tiers[1], name: 'Khuyến khích' }] }).prizes?.tiers.map((t) => t.level)).toEqual([2, 3]);
    expect(rulesBody({ ...f, tiers: [] }).prizes).toBeNull();
  });

  it('mirrors the server on quotas, minimum score, groups and the group field', () => {
    const f = fromRules(derived);
    expect(validateRules({ ...f, tiers: [{ ...f.tiers[0], name: ' ', count: '1.5' }], minScore: '-1' }, 'quiz')).toEqual({
      'tiers.0.name': 'Nhập tên giải 1.',
      'tiers.0.count': 'Giải 1: số lượng là số nguyên từ 0 đến 100.000.',
      minScore: 'Điểm tối thiểu là một số từ 0 trở lên.',
    });
    expect(validateRules({ ...f, tiers: [{ ...f.tiers[0], count: '100001' }] }, 'quiz')['tiers.0.count']).toBeDefined();
    const g = { ...f, grouped: true, groups: ['A', 'A', ''], groupField: '', tiers: f.tiers.map((t) => ({ ...t, perGroup: ['1', 'x', '1'] })) };
    expect(validateRules(g, 'quiz')).toMatchObject({
      'groups.1': 'Nhóm “A” bị lặp.',
      'groups.2': 'Nhập tên nhóm 3.',
      groupField: expect.stringMatching(/Chọn trường đăng ký/),
      'tiers.0.perGroup.1': expect.stringMatching(/nhóm A: số lượng/),
    });
    expect(validateRules({ ...g, groups: ['A'], groupField: 'đơn vị', tiers: [] }, 'quiz').groupField).toMatch(/chữ không dấu/);
    expect(validateRules({ ...f, grouped: true, groups: [], groupField: 'g' }, 'quiz').groups).toBeDefined();
  });

  it("puts the server's 400 problems on the right fields, and explains a 409", () => {
    const f = { ...fromRules(derived), grouped: true, groups: ['Cấp tỉnh'] };
    const ranking = new ApiError(400, 'invalid_ranking_rules', 'Invalid ranking rules: chain[1]', [
      { field: 'chain[1]', problems: ['under-before-over only separates equal prediction distances: put it after prediction'] },
    ]);
    expect(rulesSaveProblems(ranking, f).fields).toEqual({ 'chain.1': '“Dưới trước trên” phải đặt sau tiêu chí dự đoán.' });
    const plan = new ApiError(400, 'invalid_prize_plan', 'Invalid prize plan', [
      { field: 'tiers[1].count', problems: ['must be a whole number 0-100000'] },
      { field: 'tiers[0].perGroup.Cấp tỉnh', problems: ['must be a whole number 0-100000'] },
      { field: 'minScore', problems: ['must be a number of at least 0'] },
    ]);
    expect(rulesSaveProblems(plan, f).fields).toEqual({
      'tiers.1.count': 'Số lượng là số nguyên từ 0 đến 100.000.',
      'tiers.0.perGroup.0': 'Số lượng là số nguyên từ 0 đến 100.000.',
      minScore: 'Nhập một số từ 0 trở lên.',
    });
    expect(rulesSaveProblems(new ApiError(400, 'group_field_required', 'x'), f).fields.groupField).toMatch(/trường đăng ký/);
    const locked = rulesSaveProblems(new ApiError(409, 'rules_locked', 'x'), f);
    expect(locked.form).toMatch(/đã công bố nên thể lệ không đổi được nữa/);
    expect(rulesSaveProblems(new Error('x'), f)).toEqual({ fields: {}, form: null });
  });
});
