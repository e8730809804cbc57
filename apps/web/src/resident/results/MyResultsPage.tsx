import { useState } from 'react';
import { paths } from '../../app/routes';
import { api, seg } from '../../shared/api/client';
import { ApiError } from '../../shared/api/errors';
import type { EntryMarks, PlaceExplanation, PublicResultRow, ResidentResults } from '../../shared/api/judging-types';
import type { Attempt } from '../../shared/api/types';
import { formatDateTime, formatScore, formatTimeTaken } from '../../shared/format';
import { useDocumentTitle, useLoad, useSession } from '../../shared/hooks';
import { Link } from '../../shared/router';
import { Button, ErrorMessage, Loading, Notice, PageTitle } from '../../shared/ui/Feedback';
import { residentApi } from '../api';
import { handInApi } from '../handin/api';
import { MyMarks } from '../handin/HandInParts';
import { AnswerKey, hasAnswerKey } from './AnswerKey';
import { resultKind } from '../../shared/round-kind';

export const resultsApi = {
  results: (roundId: string) => api.get<ResidentResults>(`/rounds/${seg(roundId)}/results`),
  explain: (roundId: string, userId: string) => api.get<PlaceExplanation>(`/rounds/${seg(roundId)}/results/explain/${seg(userId)}`),
};

/** The resident's own place, prize and the "why this place" lines. */
export function MyPlace({ me, total, why, kind }: { me: PublicResultRow | null; total: number; why?: PlaceExplanation | null; kind: 'quiz' | 'judged' }) {
  if (!me)
    return (
      <section aria-labelledby="my-place" className="panel">
        <h2 id="my-place">Kết quả của bạn</h2>
        <p>Bạn không có trong bảng xếp hạng của vòng này (chưa có bài hợp lệ).</p>
      </section>
    );
  return (
    <section aria-labelledby="my-place" className="panel">
      <h2 id="my-place">Kết quả của bạn</h2>
      <dl className="result-card">
        <div>
          <dt>Hạng</dt>
          <dd>
            {me.rank}/{total}
          </dd>
        </div>
        <div>
          <dt>Điểm</dt>
          <dd>{formatScore(me.score, me.maxScore)}</dd>
        </div>
        {kind === 'quiz' && (
          <div>
            <dt>Thời gian</dt>
            <dd>{formatTimeTaken(me.timeTakenMs)}</dd>
          </div>
        )}
      </dl>
      {me.prize ? (
        <p>
          Chúc mừng! Bạn đạt <strong>{me.prize.name ?? 'giải'}</strong>
          {me.prize.group ? ` (${me.prize.group})` : ''}.
        </p>
      ) : (
        <p>Bạn chưa đạt giải ở vòng này.</p>
      )}
      {why && why.lines.length > 0 && (
        <>
          <h3 className="h4">Vì sao xếp hạng này?</h3>
          <ul>
            {why.lines.map((l) => (
              <li key={l.key}>{l.vi}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function WinnersTable({ winners, kind }: { winners: PublicResultRow[]; kind: 'quiz' | 'judged' }) {
  if (winners.length === 0) return <p>Vòng này không có người đạt giải.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Danh sách đạt giải</caption>
        <thead>
          <tr>
            <th scope="col">Hạng</th>
            <th scope="col">Người dự thi</th>
            <th scope="col">Điểm</th>
            {kind === 'quiz' && <th scope="col">Thời gian</th>}
            <th scope="col">Giải</th>
          </tr>
        </thead>
        <tbody>
          {winners.map((w, i) => (
            <tr key={`${w.rank}-${i}`}>
              <td>{w.rank}</td>
              <td>
                {w.displayName}
                {(w.unit || w.province) && <span className="sub">{[w.unit, w.province].filter(Boolean).join(' · ')}</span>}
              </td>
              <td>{formatScore(w.score)}</td>
              {kind === 'quiz' && <td>{formatTimeTaken(w.timeTakenMs)}</td>}
              <td>{w.prize?.name ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The counted attempt's answer key, loaded on the page (the other attempts are a link away). */
function CountedAttempt({ attemptId }: { attemptId: string }) {
  const a = useLoad<Attempt>(async () => (await residentApi.getAttempt(attemptId)).attempt, [attemptId]);
  if (a.loading) return <Loading />;
  if (a.error || !a.data) return <ErrorMessage error={a.error} onRetry={a.reload} />;
  if (!hasAnswerKey(a.data)) return <Notice>Đáp án sẽ hiển thị khi ban tổ chức công bố kết quả.</Notice>;
  return <AnswerKey attempt={a.data} />;
}

function JudgedMarks({ roundId }: { roundId: string }) {
  const m = useLoad<EntryMarks | null>(async () => {
    const e = await handInApi.myEntry(roundId);
    return e ? handInApi.marks(e.id) : null;
  }, [roundId]);
  if (m.loading) return <Loading />;
  if (m.error) return <ErrorMessage error={m.error} onRetry={m.reload} />;
  return m.data ? <MyMarks marks={m.data} /> : null;
}

/** Results of a round for a resident, once published: their place and why, the winners, the answer key or the jury's marks. */
export function MyResultsPage({ roundId }: { roundId: string }) {
  const session = useSession();
  const resident = session?.user.role === 'resident';
  const round = useLoad(() => residentApi.round(roundId), [roundId]);
  const res = useLoad(async () => (resident ? resultsApi.results(roundId) : null), [roundId, resident]);
  const why = useLoad(
    async () => (res.data?.me && session ? resultsApi.explain(roundId, session.user.id).catch(() => null) : null),
    [res.data?.me?.rank, session?.user.id],
  );
  const [showKey, setShowKey] = useState(true);
  useDocumentTitle('Kết quả');

  const kind = resultKind(round.data?.kind ?? 'quiz');
  const notPublished = res.error instanceof ApiError && res.error.code === 'results_not_published';
  return (
    <>
      <PageTitle sub={round.data?.title}>Kết quả vòng thi</PageTitle>
      {!session && (
        <Notice>
          <Link to={paths.login(paths.results(roundId))}>Đăng nhập</Link> để xem kết quả và đáp án của bạn.
        </Notice>
      )}
      {session && !resident && (
        <Notice>
          Ban tổ chức và giám khảo xem toàn bộ bảng xếp hạng ở <Link to={paths.judgeResults(roundId)}>trang kết quả quản trị</Link>.
        </Notice>
      )}
      {(res.loading || round.loading) && <Loading />}
      {notPublished ? <Notice>Kết quả chưa được công bố. Vui lòng quay lại sau.</Notice> : <ErrorMessage error={res.error} onRetry={res.reload} />}
      {res.data && (
        <>
          <p className="sub">Công bố lúc {formatDateTime(res.data.publishedAt)}</p>
          <MyPlace me={res.data.me} total={res.data.rankedCount} why={why.data} kind={kind} />
          {res.data.predictionActual !== null && (
            <p>
              Đáp án câu hỏi dự đoán: <strong>{res.data.predictionActual.toLocaleString('vi-VN')}</strong>
            </p>
          )}
          <section aria-labelledby="winners">
            <h2 id="winners">Danh sách đạt giải</h2>
            <WinnersTable winners={res.data.winners} kind={kind} />
          </section>
          {kind === 'quiz' && res.data.me?.attemptId && (
            <section aria-labelledby="answer-key">
              <h2 id="answer-key">Đáp án và giải thích (bài được tính)</h2>
              <Button kind="link" aria-expanded={showKey} onClick={() => setShowKey(!showKey)}>
                {showKey ? 'Ẩn đáp án' : 'Hiện đáp án'}
              </Button>
              {showKey && <CountedAttempt attemptId={res.data.me.attemptId} />}
              <p>
                <Link to={paths.round(roundId)}>Xem lại các lượt thi khác của bạn</Link>
              </p>
            </section>
          )}
          {kind === 'judged' && <JudgedMarks roundId={roundId} />}
        </>
      )}
      <p>
        <Link to={paths.round(roundId)}>← Về vòng thi</Link>
      </p>
    </>
  );
}
