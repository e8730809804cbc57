import { paths } from '../app/routes';
import { formatScore, formatTimeTaken } from '../shared/format';
import { useDocumentTitle, useLoad, useSession } from '../shared/hooks';
import { Link } from '../shared/router';
import { ErrorMessage, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { residentApi } from './api';
import { isAnswered } from './attempt/attempt-model';
import { readResults } from './results-model';

export function ResultsTable({ rows, meId, showWhy }: { rows: ReturnType<typeof readResults>['rows']; meId?: string; showWhy?: boolean }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Bảng kết quả</caption>
        <thead>
          <tr>
            <th scope="col">Hạng</th>
            <th scope="col">Người dự thi</th>
            <th scope="col">Điểm</th>
            <th scope="col">Thời gian</th>
            <th scope="col">Dự đoán</th>
            <th scope="col">Giải</th>
            {showWhy && <th scope="col">Vì sao xếp hạng này</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.rank ?? i}-${r.userId ?? r.name}`} className={meId && r.userId === meId ? 'me' : undefined}>
              <td>{r.rank ?? '—'}</td>
              <td>
                {r.name}
                {(r.unit || r.province) && <span className="sub">{[r.unit, r.province].filter(Boolean).join(' · ')}</span>}
              </td>
              <td>{formatScore(r.score)}</td>
              <td>{formatTimeTaken(r.timeTakenMs)}</td>
              <td>{r.prediction ?? '—'}</td>
              <td>{r.award ?? ''}</td>
              {showWhy && <td>{r.why ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ResultsPage({ roundId }: { roundId: string }) {
  const session = useSession();
  const round = useLoad(() => residentApi.round(roundId), [roundId]);
  const res = useLoad(async () => readResults(await residentApi.results(roundId)), [roundId]);
  const mine = useLoad(async () => (session?.user.role === 'resident' ? residentApi.myAttempts(roundId) : []), [roundId, session?.user.id]);
  useDocumentTitle('Kết quả');
  return (
    <>
      <PageTitle sub={round.data?.title}>Kết quả vòng thi</PageTitle>
      {res.loading && <Loading />}
      <ErrorMessage error={res.error} onRetry={res.reload} />
      {res.data && !res.data.published && res.data.rows.length === 0 && <Notice>Kết quả chưa được công bố.</Notice>}
      {res.data && res.data.actual !== null && (
        <p>
          Đáp án câu hỏi dự đoán: <strong>{res.data.actual}</strong>
        </p>
      )}
      {res.data && res.data.awards.length > 0 && (
        <section aria-labelledby="awards">
          <h2 id="awards">Giải thưởng</h2>
          <ul>
            {res.data.awards.map((a) => (
              <li key={a.name}>
                <strong>{a.name}:</strong> {a.winners.join(', ') || '—'}
              </li>
            ))}
          </ul>
        </section>
      )}
      {res.data && res.data.rows.length > 0 && <ResultsTable rows={res.data.rows} meId={session?.user.id} showWhy />}
      {mine.data && mine.data.length > 0 && (
        <section aria-labelledby="review">
          <h2 id="review">Đáp án và bài làm của tôi</h2>
          <ul>
            {mine.data.map((a, i) => (
              <li key={a.id}>
                <Link to={paths.attemptReview(a.id)}>
                  Lượt {a.attemptNo ?? i + 1}: {formatScore(a.score, a.maxScore)} điểm
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <Link to={paths.round(roundId)}>← Về vòng thi</Link>
      </p>
    </>
  );
}

function answerText(q: { type: string; options: { id: string; text: string }[] }, a: { optionIds?: string[]; value?: string | number } | undefined): string {
  if (!isAnswered(a)) return 'Không trả lời';
  if (a?.optionIds?.length) return q.options.filter((o) => a.optionIds!.includes(o.id)).map((o) => o.text).join('; ') || a.optionIds.join(', ');
  return String(a?.value ?? '');
}

/** One attempt with the answer key and explanations, once the round's results are published. */
export function AttemptReviewPage({ attemptId }: { attemptId: string }) {
  const { data, error, loading, reload } = useLoad(async () => (await residentApi.getAttempt(attemptId)).attempt, [attemptId]);
  useDocumentTitle('Xem lại bài làm');
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage error={error} onRetry={reload} />;
  const hasKey = data.questions.some((q) => q.options.some((o) => o.correct !== undefined) || q.correctOptionIds || q.explanation || q.correctAnswer !== undefined);
  return (
    <>
      <PageTitle sub={`Điểm: ${formatScore(data.score, data.maxScore)} · ${formatTimeTaken(data.timeTakenMs)}`}>Xem lại bài làm</PageTitle>
      {!hasKey && <Notice>Đáp án và giải thích sẽ hiển thị sau khi ban tổ chức công bố kết quả vòng thi.</Notice>}
      <ol className="review-list">
        {data.questions.map((q) => {
          const a = data.answers[q.id];
          const correctIds = new Set(q.correctOptionIds ?? q.options.filter((o) => o.correct).map((o) => o.id));
          return (
            <li key={q.id} className="card">
              <p className="question-stem">{q.stem}</p>
              {q.options.length > 0 && (
                <ul className="review-options">
                  {q.options.map((o) => {
                    const chosen = a?.optionIds?.includes(o.id);
                    const right = correctIds.has(o.id);
                    return (
                      <li key={o.id} className={`${right ? 'is-correct' : ''}${chosen ? ' is-chosen' : ''}`}>
                        {o.text}
                        {chosen && <span className="tag">Bạn chọn</span>}
                        {right && <span className="tag tag-ok">Đáp án đúng</span>}
                      </li>
                    );
                  })}
                </ul>
              )}
              {q.options.length === 0 && (
                <p>
                  Câu trả lời của bạn: <strong>{answerText(q, a)}</strong>
                  {q.correctAnswer !== undefined && q.correctAnswer !== null && (
                    <>
                      {' '}
                      · Đáp án: <strong>{typeof q.correctAnswer === 'object' ? JSON.stringify(q.correctAnswer) : String(q.correctAnswer)}</strong>
                    </>
                  )}
                </p>
              )}
              {q.isCorrect !== null && q.isCorrect !== undefined && <p className={q.isCorrect ? 'ok-text' : 'bad-text'}>{q.isCorrect ? 'Đúng' : 'Chưa đúng'}</p>}
              {q.explanation && (
                <p className="explanation">
                  <strong>Giải thích:</strong> {q.explanation}
                </p>
              )}
              {q.legalReference && <p className="field-hint">Căn cứ: {q.legalReference}</p>}
            </li>
          );
        })}
      </ol>
      {data.roundId && (
        <p>
          <Link to={paths.round(data.roundId)}>← Về vòng thi</Link>
        </p>
      )}
    </>
  );
}
