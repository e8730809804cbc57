import { useCallback, useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { paths } from '../app/routes';
import type { BoardConcealment, LeaderboardRow, MyRank } from '../shared/api/types';
import { formatDateTime, formatScore, formatTimeTaken } from '../shared/format';
import { useDocumentTitle, useLoad, useSession } from '../shared/hooks';
import { subscribeLive, type LiveState } from '../shared/live/live';
import { Link } from '../shared/router';
import { Button, ErrorMessage, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { residentApi } from './api';
import { concealedNotice, foldTop, type HeldTop, myRankText } from './leaderboard-model';

const PAGE = 20;

type JoinAck = {
  ok: boolean;
  top?: LeaderboardRow[];
  topHash?: string;
  total: number | null;
  frozen?: boolean;
  me?: MyRank | null;
  serverTime?: string;
  concealed?: BoardConcealment;
};
const POLL_MS = 20_000;
/** How long a push naming rows the page does not hold waits for the push that carries them, before joining again. */
const ROWS_GRACE_MS = 3000;

/**
 * The live board: the top N arrives over the socket at most once a second; the socket is only
 * a hint, so every (re)connection refetches over HTTP, and without a socket we poll. A push
 * leaves the rows out while they are unchanged (`foldTop`): the page keeps those it holds, and
 * joins again when they are not the ones the push names.
 */
export function LeaderboardPage({ roundId }: { roundId: string }) {
  const session = useSession();
  const round = useLoad(() => residentApi.round(roundId), [roundId]);
  const [rows, setRows] = useState<LeaderboardRow[] | null>(null);
  const [total, setTotal] = useState<number | null>(0);
  const [concealed, setConcealed] = useState<BoardConcealment | null>(null);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  // A rank:update event carries rank and score only; the rest arrives with the next full read.
  const [me, setMe] = useState<(Pick<MyRank, 'rank' | 'score'> & Partial<MyRank>) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState<LiveState>('connecting');
  const [extra, setExtra] = useState<LeaderboardRow[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [frozen, setFrozen] = useState(false);
  const resident = session?.user.role === 'resident';
  const liveRef = useRef(live);
  liveRef.current = live;
  // The rows shown and the hash the server named them by; read by the socket handlers without re-subscribing.
  const held = useRef<HeldTop>({ rows: null, topHash: null });
  // Rows the socket brought (with their hash); an HTTP read begun before them answers with older ones.
  const socketRows = useRef(0);
  const showTop = useCallback((next: HeldTop) => {
    held.current = next;
    if (next.topHash !== null) socketRows.current++;
    setRows(next.rows);
  }, []);
  useDocumentTitle('Bảng xếp hạng');

  /** Reads the board over HTTP; true when its rows are the ones shown now. */
  const fetchTop = useCallback(async (): Promise<boolean> => {
    const since = socketRows.current;
    let shown = false;
    try {
      const page = await residentApi.leaderboard(roundId, PAGE, 0);
      // The join's answer may land first (the socket was already open): its rows, named by a hash, stay.
      if (socketRows.current === since) {
        showTop({ rows: page.items, topHash: null });
        shown = true;
      }
      setTotal(page.total);
      setConcealed(page.concealed);
      setFrozen(page.frozen);
      setUpdatedAt(page.at ?? new Date().toISOString());
      setError(null);
    } catch (e) {
      setError(e);
    }
    if (resident) residentApi.myRank(roundId).then(setMe, () => undefined);
    return shown;
  }, [roundId, resident, showTop]);

  useEffect(() => {
    void fetchTop();
    if (!session) return;
    let socket: Socket | null = null;
    let joining = false;
    // Pushes from two api instances can arrive out of order: the rows a push names may be a moment behind it.
    let rejoin: number | undefined;
    let named: string | undefined;
    // The join's answer carries the board (with its hash) and my standing; the HTTP read covers a refusal.
    const join = (s: Socket, missing?: string) => {
      joining = true;
      s.emit('leaderboard:join', { roundId, patches: true }, (ack: JoinAck) => {
        joining = false;
        if (ack?.ok && Array.isArray(ack.top)) {
          showTop({ rows: ack.top, topHash: ack.topHash ?? null });
          setTotal(ack.total);
          setConcealed(ack.concealed ?? null);
          setFrozen(Boolean(ack.frozen));
          setUpdatedAt(ack.serverTime ?? new Date().toISOString());
          if (ack.me) setMe(ack.me);
        } else
          void fetchTop().then((shown) => {
            // Rows read over HTTP stand for the push that asked for them: no new join until the top changes.
            if (shown && missing && held.current.rows) held.current = { ...held.current, topHash: missing };
          });
      });
    };
    const off = subscribeLive({
      'leaderboard:update': (p) => {
        if (p.roundId !== roundId) return;
        named = p.topHash;
        const next = foldTop(held.current, p);
        if (next) showTop(next);
        else if (socket && !joining && rejoin === undefined) {
          const s = socket;
          // Wait for the push with those rows first; join again (spread over a second) only if it never comes.
          rejoin = window.setTimeout(
            () => {
              rejoin = undefined;
              if (named !== undefined && !foldTop(held.current, { topHash: named }) && !joining) join(s, named);
            },
            ROWS_GRACE_MS + Math.random() * 1000,
          );
        }
        setTotal(p.total);
        setConcealed(p.concealed ?? null);
        setUpdatedAt(p.at);
        if (typeof p.frozen === 'boolean') setFrozen(p.frozen);
      },
      'rank:update': (p) => {
        if (p.roundId === roundId) setMe((m) => ({ ...(m ?? {}), rank: p.rank, score: p.score, ...(p.total !== undefined ? { total: p.total } : {}) }));
      },
      onConnect: (s) => {
        socket = s;
        join(s);
      },
      onState: setLive,
    });
    return () => {
      off();
      if (rejoin !== undefined) window.clearTimeout(rejoin);
    };
  }, [roundId, session, fetchTop, showTop]);

  useEffect(() => {
    const t = window.setInterval(() => {
      if (liveRef.current !== 'connected' && document.visibilityState === 'visible') void fetchTop();
    }, POLL_MS);
    return () => window.clearInterval(t);
  }, [fetchTop]);

  const more = async () => {
    setLoadingMore(true);
    try {
      const page = await residentApi.leaderboard(roundId, PAGE, PAGE + extra.length);
      setExtra((x) => [...x, ...page.items]);
    } catch (e) {
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const all = [...(rows ?? []), ...extra.filter((x) => !(rows ?? []).some((r) => r.rank === x.rank))];
  const mine = me ? myRankText(me, total, concealed) : null;
  return (
    <>
      <PageTitle sub={round.data?.title}>Bảng xếp hạng</PageTitle>
      <p className="live-state">
        <span className={`dot dot-${live}`} aria-hidden="true" />{' '}
        {!session
          ? 'Đăng nhập để xem cập nhật trực tiếp.'
          : live === 'connected'
            ? 'Đang cập nhật trực tiếp'
            : live === 'connecting'
              ? 'Đang kết nối…'
              : 'Mất kết nối trực tiếp — tự làm mới mỗi 20 giây'}
        {updatedAt && ` · cập nhật ${formatDateTime(updatedAt)}`}
      </p>
      {frozen && <Notice>Bảng xếp hạng đã được đóng băng; thứ hạng cuối cùng sẽ công bố cùng kết quả.</Notice>}
      {concealed && <Notice>{concealedNotice(concealed)}</Notice>}
      {resident && me && (
        <p className="my-rank" role="status">
          {mine ?? 'Bạn chưa có kết quả trong vòng này.'}
        </p>
      )}
      <ErrorMessage error={error} onRetry={() => void fetchTop()} />
      {rows === null && !error && <Loading />}
      {rows && rows.length === 0 && <p>Chưa có người dự thi nộp bài.</p>}
      {all.length > 0 && (
        <div className="table-wrap">
          <table className="leaderboard">
            <caption className="visually-hidden">
              {total === null ? `Bảng xếp hạng, ${all.length} người đứng đầu` : `Bảng xếp hạng, ${total} người dự thi`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Hạng</th>
                <th scope="col">Người dự thi</th>
                <th scope="col">Điểm</th>
                <th scope="col">Thời gian</th>
              </tr>
            </thead>
            <tbody>
              {all.map((r) => (
                <tr key={`${r.rank}-${r.userId ?? r.displayName}`} className={session && r.userId === session.user.id ? 'me' : undefined}>
                  <td>{r.rank}</td>
                  <td>
                    {r.displayName}
                    {(r.unit || r.province) && <span className="sub">{[r.unit, r.province].filter(Boolean).join(' · ')}</span>}
                  </td>
                  {/* A pushed board carries no scores while they would answer the prediction; one's own is known. */}
                  <td>{formatScore(r.score ?? (session && r.userId === session.user.id ? me?.score : null))}</td>
                  <td>{formatTimeTaken(r.timeTakenMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows && total !== null && total > all.length && (
        <Button kind="secondary" busy={loadingMore} onClick={() => void more()}>
          Xem thêm
        </Button>
      )}
      <p>
        <Link to={paths.round(roundId)}>← Về vòng thi</Link>
      </p>
    </>
  );
}
