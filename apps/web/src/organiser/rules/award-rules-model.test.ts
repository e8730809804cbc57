import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import type { AwardRulesView } from '../../shared/api/rules-types';
import { addUnitTier, awardBody, awardSaveProblems, fromAwardRules, prizeChoices, unitsWithoutHeadcount, validateAward } from './award-rules-model';

const blank: AwardRulesView = {
  contestId: 'c1',
  configured: false,
  locked: false,
  acrossRounds: 'highest-only',
  unitPrizes: null,
  headcounts: {},
  documents: {},
};
const units = ['Sở Tư pháp', 'UBND xã A'];

describe('contest award rules form', () => {
  it('starts with one prize per person, no unit prizes, a headcount row per listed unit, and sends that', () => {
    const f = fromAwardRules(blank, units);
    expect(f.headcounts).toEqual([
      { unit: 'Sở Tư pháp', count: '', listed: true },
      { unit: 'UBND xã A', count: '', listed: true },
    ]);
    expect(validateAward(f)).toEqual({});
    expect(awardBody(f)).toEqual({ acrossRounds: 'highest-only', unitPrizes: null, headcounts: {}, documents: {} });
  });

  it('maps unit prizes, headcounts and document settings both ways; empty document settings are left out', () => {
    let f = fromAwardRules(blank, units);
    f = addUnitTier(addUnitTier({ ...f, unitEnabled: true }));
    f = {
      ...f,
      acrossRounds: 'each-round',
      countBy: 'attempts',
      points: '0,5',
      perHeadcount: true,
      minEntrants: '3',
      winnerPoints: { p1: '5', p2: '' },
      unitTiers: [
        { ...f.unitTiers[0], name: 'Giải Nhất tập thể' },
        { ...f.unitTiers[1], name: 'Giải Nhì tập thể', count: '2' },
      ],
      headcounts: [{ ...f.headcounts[0], count: '40' }, f.headcounts[1], { unit: ' Phòng Tư pháp  ', count: '12', listed: false }],
      documents: { ...f.documents, issuerName: ' Sở Tư pháp ', signerName: 'Nguyễn Văn A', place: '' },
    };
    expect(validateAward(f)).toEqual({});
    const body = awardBody(f);
    expect(body).toEqual({
      acrossRounds: 'each-round',
      unitPrizes: {
        countBy: 'attempts',
        points: 0.5,
        perHeadcount: true,
        minEntrants: 3,
        winnerPoints: { p1: 5 },
        tiers: [
          { code: 'u1', name: 'Giải Nhất tập thể', count: 1 },
          { code: 'u2', name: 'Giải Nhì tập thể', count: 2 },
        ],
      },
      headcounts: { 'Sở Tư pháp': 40, 'Phòng Tư pháp': 12 },
      documents: { issuerName: 'Sở Tư pháp', signerName: 'Nguyễn Văn A' },
    });
    expect(unitsWithoutHeadcount(f)).toEqual(['UBND xã A']);
    const back = fromAwardRules({ ...blank, configured: true, ...body, unitPrizes: body.unitPrizes }, units);
    expect(back).toMatchObject({
      acrossRounds: 'each-round',
      unitEnabled: true,
      countBy: 'attempts',
      points: '0.5',
      perHeadcount: true,
      minEntrants: '3',
      winnerPoints: { p1: '5' },
    });
    expect(back.headcounts).toEqual([
      { unit: 'Sở Tư pháp', count: '40', listed: true },
      { unit: 'UBND xã A', count: '', listed: true },
      { unit: 'Phòng Tư pháp', count: '12', listed: false },
    ]);
    expect(back.documents.signerName).toBe('Nguyễn Văn A');
  });

  it('matches saved headcounts to the unit list whatever the spacing and case', () => {
    expect(fromAwardRules({ ...blank, headcounts: { 'ubnd  XÃ a': 7 } }, units).headcounts[1]).toEqual({ unit: 'UBND xã A', count: '7', listed: true });
  });

  it('mirrors the server: headcounts are whole numbers of at least 1, points and counts not negative, names required, documents at most 300 characters', () => {
    const f = {
      ...fromAwardRules(blank, units),
      unitEnabled: true,
      points: '-1',
      minEntrants: '1.5',
      winnerPoints: { p1: 'x' },
      unitTiers: [{ code: 'u1', name: '', count: '-1' }],
    };
    f.headcounts = [
      { ...f.headcounts[0], count: '0' },
      f.headcounts[1],
      { unit: '', count: '3', listed: false },
      { unit: 'sở tư pháp', count: '2', listed: false },
    ];
    f.documents = { ...f.documents, signerName: 'x'.repeat(301) };
    expect(validateAward(f)).toEqual({
      points: 'Điểm cho mỗi người dự thi là một số từ 0 trở lên.',
      minEntrants: 'Số người dự thi tối thiểu là số nguyên từ 0 trở lên.',
      'winnerPoints.p1': 'Điểm cộng là một số từ 0 trở lên.',
      'unitTiers.0.name': 'Nhập tên giải tập thể 1.',
      'unitTiers.0.count': 'Giải tập thể 1: số lượng là số nguyên từ 0 trở lên.',
      'headcounts.0.count': 'Sở Tư pháp: số người là số nguyên từ 1 trở lên.',
      'headcounts.2.unit': 'Nhập tên đơn vị.',
      'headcounts.3.unit': 'Đơn vị “sở tư pháp” bị lặp.',
      'documents.signerName': 'Họ tên người ký: tối đa 300 ký tự.',
    });
  });

  it("lists the rounds' individual prizes by code for winner points", () => {
    expect(
      prizeChoices([
        [{ code: 'p1', name: 'Giải Nhất' }],
        null,
        [
          { code: 'p1', name: 'Giải Nhất vòng 2' },
          { code: 'p2', name: 'Giải Nhì' },
        ],
      ]),
    ).toEqual([
      { code: 'p1', names: ['Giải Nhất', 'Giải Nhất vòng 2'] },
      { code: 'p2', names: ['Giải Nhì'] },
    ]);
  });

  it("puts the server's problems on the right fields and explains a 409", () => {
    const f = fromAwardRules(blank, units);
    const bad = new ApiError(400, 'invalid_award_rules', 'Invalid award rules', [
      { field: 'headcounts.UBND xã A', problems: ['must be a whole number of at least 1'] },
      { field: 'documents.place', problems: ['must be text of at most 300 characters'] },
    ]);
    expect(Object.keys(awardSaveProblems(bad, f).fields)).toEqual(['headcounts.1.count', 'documents.place']);
    const unit = new ApiError(400, 'invalid_unit_prizes', 'Invalid unit prize formula', [
      { field: 'tiers[0].count', problems: ['must be a whole number of at least 0'] },
      { field: 'points', problems: ['x'] },
    ]);
    expect(Object.keys(awardSaveProblems(unit, f).fields)).toEqual(['unitTiers.0.count', 'points']);
    expect(awardSaveProblems(new ApiError(409, 'rules_locked', 'x'), f).form).toMatch(/đã công bố kết quả/);
  });
});
