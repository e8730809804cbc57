import type { BoardConcealment, MyRank } from '../shared/api/types';
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
