import type { BoardConcealment, LeaderboardRow, MyRank } from '../shared/api/types';
import { formatScore } from '../shared/format';
import type { PatchText, TopPatch } from '../shared/live/live';

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
 * held; `topPatch` builds the new rows from the held ones when it was made against them. `null`
 * when neither holds (a push was missed, or the rows came over HTTP): join again, whose answer
 * brings the rows.
 */
export function foldTop(held: HeldTop, u: { top?: LeaderboardRow[]; topPatch?: TopPatch; topHash?: string }): HeldTop | null {
  if (Array.isArray(u.top)) return { rows: u.top, topHash: u.topHash ?? null };
  if (u.topPatch) {
    const rows = held.rows && held.topHash === u.topPatch.base ? applyTopPatch(held.rows, u.topPatch.rows) : null;
    return rows ? { rows, topHash: u.topHash ?? null } : null;
  }
  if (held.rows && (u.topHash === undefined || u.topHash === held.topHash)) return held;
  return null;
}

/** The rows a patch names (libs/leaderboard `live/top-patch.ts` makes it); null when it points outside what is held. */
function applyTopPatch(prev: LeaderboardRow[], rows: TopPatch['rows']): LeaderboardRow[] | null {
  const out: LeaderboardRow[] = [];
  const text = (f: 'unit' | 'province', v: PatchText): string | null | undefined => (typeof v === 'number' ? (v >= 0 ? prev[v] : out[-v - 1])?.[f] : v);
  for (const r of rows) {
    if (typeof r === 'number' || (Array.isArray(r) && r.length === 2)) {
      const [place, rank] = typeof r === 'number' ? [r, undefined] : r;
      const held = prev[place];
      if (!held) return null;
      out.push(rank === undefined ? held : { ...held, rank });
    } else if (Array.isArray(r) && r.length === 7) {
      const [rank, userId, displayName, u, p, score, timeTakenMs] = r;
      const unit = text('unit', u);
      const province = text('province', p);
      if (unit === undefined || province === undefined) return null;
      out.push({ rank, userId: expandId(userId), displayName, unit, province, score, timeTakenMs });
    } else return null;
  }
  return out;
}

/** The UUID a 22-character base64url id stands for; anything else as it is. */
export function expandId(id: string): string {
  if (!/^[A-Za-z0-9_-]{22}$/.test(id)) return id;
  const bin = atob(id.replace(/-/g, '+').replace(/_/g, '/') + '==');
  const h = Array.from(bin, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
