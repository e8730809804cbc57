import type { components } from '../../shared/api/schema';

/** GET /contests/:id/awards (libs/judging/src/results/awards/contest-awards.ts). */
export type ContestAwardsView = components['schemas']['ContestAwardsResponse'];

/** One unit of the unit-prize ranking, as libs/judging/src/awards/unit-prizes.ts ranks it. */
export type RankedUnitView = components['schemas']['RankedUnitResponse'];

const INELIGIBLE: Record<NonNullable<RankedUnitView['ineligibleReason']>, string> = {
  too_few_entrants: 'Không xét giải: chưa đủ số người dự thi tối thiểu',
  no_headcount: 'Không xét giải: chưa nhập số người của đơn vị',
};

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A unit's row in words: rank, entrants, points, and its prize or why it has none. */
export function unitRow(u: RankedUnitView): { rank: string; unit: string; entrants: string; total: string; prize: string } {
  const prize = u.prize
    ? `${u.prize.name}${u.prize.boundaryTie ? ' (đồng hạng ở ranh giới giải)' : ''}`
    : u.eligible
      ? '—'
      : INELIGIBLE[u.ineligibleReason ?? 'too_few_entrants'];
  return { rank: u.rank === null ? '—' : String(u.rank), unit: u.unit, entrants: number.format(u.entrants), total: number.format(u.total), prize };
}

/** Which rounds the figures come from, in words: published ones, and provisional ones marked so. */
export function roundsCounted(view: ContestAwardsView): string {
  if (!view.rounds.length) return 'Chưa có vòng thi nào có kết quả: giải thưởng toàn cuộc thi được tính khi vòng thi đã đóng.';
  const list = view.rounds.map((r) => `vòng ${r.seq}: ${r.title}${r.status === 'published' ? '' : ' (kết quả tạm thời, chưa công bố)'}`);
  return `Tính từ kết quả ${list.join('; ')}.`;
}
