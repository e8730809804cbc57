import { DomainError } from '@lc/platform';
import { allocateUnitPrizes, parseUnitPrizeFormula, scoreUnits, UnitTally } from './unit-prizes';

describe('unit (collective) prizes', () => {
  const tally = new UnitTally();
  const add = (unit: string | null, personId: string, status = 'submitted') => tally.add({ unit, personId, status });
  ['p1', 'p2', 'p3', 'p1'].forEach((p) => add('Xã Hòa Bình', p));
  add('xã  hòa bình ', 'p4'); // same unit, typed differently
  ['q1', 'q2'].forEach((p) => add('Sở Tư pháp', p));
  add('Sở Tư pháp', 'q3', 'void');
  add('Trường THPT Lê Lợi', 'r1');
  add(null, 'z1');

  it('counts distinct entrants and attempts per unit, folding spelling variants, ignoring void attempts', () => {
    const rows = tally.rows({ 'sở tư pháp': 40, 'Xã Hòa Bình': 2000 });
    expect(rows).toEqual([
      { unit: 'Xã Hòa Bình', people: 4, attempts: 5, headcount: 2000 },
      { unit: 'Sở Tư pháp', people: 2, attempts: 2, headcount: 40 },
      { unit: 'Trường THPT Lê Lợi', people: 1, attempts: 1, headcount: null },
    ]);
  });

  it('ranks units by entrants plus their winners’ points and allocates the prizes', () => {
    const f = parseUnitPrizeFormula({
      winnerPoints: { nhat: 5, nhi: 3 },
      tiers: [
        { code: 'nhat', name: 'Giải Nhất tập thể', count: 1 },
        { code: 'nhi', name: 'Giải Nhì tập thể', count: 1 },
      ],
    });
    const winners = [
      { unit: 'Sở Tư pháp', tierCode: 'nhat' },
      { unit: 'sở tư pháp', tierCode: 'nhi' },
      { unit: null, tierCode: 'nhat' },
    ];
    const r = allocateUnitPrizes(tally.rows(), winners, f);
    expect(r.map((u) => [u.unit, u.total, u.rank, u.prize?.code ?? null])).toEqual([
      ['Sở Tư pháp', 10, 1, 'nhat'],
      ['Xã Hòa Bình', 4, 2, 'nhi'],
      ['Trường THPT Lê Lợi', 1, 3, null],
    ]);
  });

  it('can score by turnout per headcount, leaving units without a headcount out', () => {
    const f = parseUnitPrizeFormula({ points: 100, perHeadcount: true, tiers: [{ code: 'nhat', name: 'Nhất', count: 1 }] });
    const scored = scoreUnits(tally.rows({ 'Sở Tư pháp': 40, 'Xã Hòa Bình': 2000 }), [], f);
    expect(scored.map((u) => [u.unit, u.participation, u.eligible, u.ineligibleReason])).toEqual([
      ['Xã Hòa Bình', 0.2, true, null],
      ['Sở Tư pháp', 5, true, null],
      ['Trường THPT Lê Lợi', 0, false, 'no_headcount'],
    ]);
    const r = allocateUnitPrizes(tally.rows({ 'Sở Tư pháp': 40, 'Xã Hòa Bình': 2000 }), [], f);
    expect(r[0]).toMatchObject({ unit: 'Sở Tư pháp', prize: { code: 'nhat' } });
    expect(r[2]).toMatchObject({ unit: 'Trường THPT Lê Lợi', rank: null, prize: null });
  });

  it('shares a unit prize on a full tie and excludes units under the minimum', () => {
    const rows = [
      { unit: 'A', people: 5, attempts: 5 },
      { unit: 'B', people: 5, attempts: 9 },
      { unit: 'C', people: 2, attempts: 2 },
    ];
    const f = parseUnitPrizeFormula({ minEntrants: 3, tiers: [{ code: 'nhat', name: 'Nhất', count: 1 }] });
    const r = allocateUnitPrizes(rows, [], f);
    expect(r.map((u) => [u.unit, u.rank, u.prize ? `${u.prize.code}${u.prize.boundaryTie ? '*' : ''}` : null, u.ineligibleReason])).toEqual([
      ['A', 1, 'nhat*', null],
      ['B', 1, 'nhat*', null],
      ['C', null, null, 'too_few_entrants'],
    ]);
  });

  it('rejects a bad formula', () => {
    expect(() => parseUnitPrizeFormula({ countBy: 'votes', points: -1, tiers: [{ code: '', name: 'x', count: 1.5 }] })).toThrow(DomainError);
    expect(() => parseUnitPrizeFormula({ tiers: [] })).not.toThrow();
  });
});
