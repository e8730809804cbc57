import { describe, expect, it } from 'vitest';
import { roundsCounted, unitRow, type ContestAwardsView, type RankedUnitView } from './contest-awards-model';

const unit = (over: Partial<RankedUnitView>): RankedUnitView => ({
  unit: 'UBND xã Phú Mậu',
  entrants: 3,
  headcount: null,
  participation: 0,
  winnerPoints: 0,
  total: 3,
  eligible: true,
  ineligibleReason: null,
  rank: 1,
  prize: null,
  ...over,
});

describe('contest awards in words', () => {
  it('names the prize, a tie at its boundary, and why a unit is not ranked', () => {
    expect(unitRow(unit({ prize: { code: 'u1', name: 'Giải Nhất tập thể', boundaryTie: false } }))).toEqual({
      rank: '1',
      unit: 'UBND xã Phú Mậu',
      entrants: '3',
      total: '3',
      prize: 'Giải Nhất tập thể',
    });
    expect(unitRow(unit({ total: 2.5, prize: { code: 'u1', name: 'Giải Nhất tập thể', boundaryTie: true } })).prize).toBe(
      'Giải Nhất tập thể (đồng hạng ở ranh giới giải)',
    );
    expect(unitRow(unit({ total: 2.5 })).total).toBe('2,5');
    expect(unitRow(unit({ rank: 2 })).prize).toBe('—');
    expect(unitRow(unit({ eligible: false, rank: null, ineligibleReason: 'no_headcount' }))).toEqual(
      expect.objectContaining({ rank: '—', prize: 'Không xét giải: chưa nhập số người của đơn vị' }),
    );
    expect(unitRow(unit({ eligible: false, rank: null, ineligibleReason: 'too_few_entrants' })).prize).toBe(
      'Không xét giải: chưa đủ số người dự thi tối thiểu',
    );
  });

  it('says which rounds the figures come from', () => {
    const view: ContestAwardsView = { contestId: 'c', acrossRounds: 'highest-only', winners: [], units: null, rounds: [] };
    expect(roundsCounted(view)).toBe('Chưa có vòng thi nào có kết quả: giải thưởng toàn cuộc thi được tính khi vòng thi đã đóng.');
    const two: ContestAwardsView = {
      ...view,
      rounds: [
        { roundId: 'a', title: 'Tuần 1', seq: 1, status: 'published' },
        { roundId: 'b', title: 'Tuần 2', seq: 2, status: 'provisional' },
      ],
    };
    expect(roundsCounted(two)).toBe('Tính từ kết quả vòng 1: Tuần 1; vòng 2: Tuần 2 (kết quả tạm thời, chưa công bố).');
  });
});
