import type { BoardConcealment, LeaderboardRow, MyRank } from '../shared/api/types';
import { formatScore } from '../shared/format';

/** Why some figures are missing from the board (issue 14: the prediction must not be read off it). */
export function concealedNotice(c: BoardConcealment): string {
  const also = [c.hidden.includes('total') ? 'tổng số người dự thi' : null, c.hidden.includes('scores') ? 'điểm của người khác' : null].filter(Boolean);
  return `Vòng thi có câu hỏi dự đoán và đang mở: bảng xếp hạng chỉ hiện ${c.topN} người đứng đầu${also.length ? `, không hiện ${also.join(' và ')}` : ''}, để không ai đọc được đáp án. Đầy đủ sau khi vòng thi đóng.`;
}

/** The resident's own line: rank (out of the total when known), or why it is not shown. */
export function myRankText(me: Pick<MyRank, 'rank' | 'score'> & Partial<MyRank>, total: number | null, concealed: BoardConcealment | null): string | null {
  if (me.rank) return `Thứ hạng của bạn: ${me.rank}${total ? `/${total}` : ''} · ${formatScore(me.score)} điểm`;
  if (me.score !== null && me.score !== undefined && concealed)
    return `Bạn ngoài ${concealed.topN} người đứng đầu; thứ hạng được giữ kín đến khi vòng thi đóng · ${formatScore(me.score)} điểm`;
  return null;
}

/** The top rows a page holds, and the hash the server named them by (null: read over HTTP, or none yet). */
export interface HeldTop {
  rows: LeaderboardRow[] | null;
  topHash: string | null;
}

/**
 * Folds a leaderboard:update (or a join's answer) into the rows held. A push without `top` means
 * "the same rows as the room's previous push": they are kept when `topHash` says they are the ones
 * held. `null` when they are not (a push was missed, or the rows came over HTTP): join again,
 * whose answer brings the rows.
 */
export function foldTop(held: HeldTop, u: { top?: LeaderboardRow[]; topHash?: string }): HeldTop | null {
  if (Array.isArray(u.top)) return { rows: u.top, topHash: u.topHash ?? null };
  if (held.rows && (u.topHash === undefined || u.topHash === held.topHash)) return held;
  return null;
}
