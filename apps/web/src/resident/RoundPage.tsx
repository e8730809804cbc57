import { useState } from 'react';
import { paths } from '../app/routes';
import { ApiError, detailId } from '../shared/api/errors';
import { clockOffset } from '../shared/clock';
import { ATTEMPT_STATUS_LABEL, formatDateTime, formatScore, formatTimeTaken, roundPhase } from '../shared/format';
import { useDocumentTitle, useLoad, useSession } from '../shared/hooks';
import { Link, navigate } from '../shared/router';
import { storage } from '../shared/storage';
import { Button, ErrorMessage, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { residentApi } from './api';
import { attemptsLeft, representativeAttempt } from './attempt/attempt-model';
import { rememberAttempt, roundAttemptKey } from './attempt/useAttempt';
import { RoundFacts } from './ContestPages';

export function RoundPage({ roundId }: { roundId: string }) {
  const session = useSession();
  const resident = session?.user.role === 'resident';
  const round = useLoad(() => residentApi.round(roundId), [roundId]);
  const mine = useLoad(async () => (resident ? residentApi.myAttemptsInfo(roundId) : { items: [], remaining: null, inProgress: null }), [roundId, resident]);
  const rank = useLoad(async () => {
    if (!resident) return null;
    try {
      return await residentApi.myRank(roundId);
    } catch {
      return null;
    }
  }, [roundId, resident]);
  const [startError, setStartError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  useDocumentTitle(round.data?.title ?? 'Vòng thi');

  if (round.loading) return <Loading />;
  if (round.error || !round.data) return <ErrorMessage error={round.error} onRetry={round.reload} />;
  const r = round.data;
  const phase = roundPhase(r, Date.now());
  const attempts = mine.data?.items ?? [];
  const inProgress = attempts.find((a) => a.status === 'in_progress') ?? (mine.data?.inProgress ? { id: mine.data.inProgress } : undefined);
  const localInProgress = storage.getItem(roundAttemptKey(roundId));
  const localStale = attempts.some((a) => a.id === localInProgress && a.status !== 'in_progress');
  const resumeId = inProgress?.id ?? (localInProgress && !localStale ? localInProgress : null);
  const best = representativeAttempt(attempts, r.attemptScoring);
  const left = mine.data?.remaining ?? attemptsLeft(r.maxAttempts, attempts);

  const start = async () => {
    setStartError(null);
    setStarting(true);
    try {
      const { attempt, sentAt, receivedAt } = await residentApi.startAttempt(roundId);
      rememberAttempt({ ...attempt, roundId: attempt.roundId ?? roundId }, attempt.serverTime ? clockOffset(attempt.serverTime, receivedAt, sentAt) : 0);
      navigate(paths.attempt(attempt.id));
    } catch (e) {
      // One attempt in progress per round: the 409 names it, so resume it.
      const existing = detailId(e, 'attemptId', 'inProgressAttemptId', 'attempt', 'id');
      if (e instanceof ApiError && e.status === 409 && existing) navigate(paths.attempt(existing));
      else setStartError(e);
    } finally {
      setStarting(false);
    }
  };

  const notRegistered = startError instanceof ApiError && /regist/i.test(startError.code ?? '');
  return (
    <>
      <PageTitle>{r.title}</PageTitle>
      <RoundFacts round={r} />
      {!session && phase === 'open' && (
        <Notice>
          <Link to={paths.login(paths.round(roundId))}>Đăng nhập</Link> hoặc <Link to={paths.register(paths.round(roundId))}>đăng ký tài khoản</Link> để làm
          bài.
        </Notice>
      )}
      {resident && r.kind === 'quiz' && (
        <section aria-labelledby="take">
          <h2 id="take">Làm bài</h2>
          {phase === 'upcoming' && <p>Vòng thi mở lúc {formatDateTime(r.opensAt)}.</p>}
          {phase !== 'upcoming' && phase !== 'open' && <p>Vòng thi đã đóng.</p>}
          {phase === 'open' && resumeId && (
            <div className="actions">
              <Link className="btn btn-primary btn-large" to={paths.attempt(resumeId)}>
                Tiếp tục bài đang làm
              </Link>
            </div>
          )}
          {phase === 'open' && !resumeId && (left === null || left > 0) && (
            <>
              <p>
                Khi bấm bắt đầu, đồng hồ {r.durationSeconds ? 'đếm ngược' : ''} sẽ chạy theo giờ máy chủ. Câu trả lời được lưu tự động, kể cả khi mất mạng tạm
                thời.
                {left !== null && ` Bạn còn ${left} lượt thi.`}
              </p>
              <Button className="btn btn-primary btn-large" busy={starting} onClick={() => void start()}>
                Bắt đầu làm bài
              </Button>
            </>
          )}
          {phase === 'open' && !resumeId && left === 0 && <p>Bạn đã dùng hết số lượt thi của vòng này.</p>}
          {notRegistered ? (
            <Notice kind="warning" live>
              Bạn cần đăng ký tham gia cuộc thi trước khi làm bài. {r.contestId && <Link to={paths.join(r.contestId)}>Đăng ký tham gia</Link>}
            </Notice>
          ) : (
            <ErrorMessage error={startError} />
          )}
        </section>
      )}

      {resident && r.kind === 'live' && (
        <section aria-labelledby="live-link">
          <h2 id="live-link">Vòng chung kết trực tiếp</h2>
          <p>Mở trang này trên điện thoại khi chương trình bắt đầu: câu hỏi hiện theo người dẫn chương trình, bạn chạm vào đáp án trước khi hết giờ.</p>
          <Link className="btn btn-primary btn-large" to={paths.livePlay(roundId)}>
            Vào phòng thi trực tiếp
          </Link>
        </section>
      )}

      {resident && r.kind === 'judged' && (
        <section aria-labelledby="hand-in-link">
          <h2 id="hand-in-link">Bài dự thi</h2>
          <p>Vòng này nộp bài (nội dung, đường dẫn hoặc tệp) để ban giám khảo chấm. Hạn nộp: {formatDateTime(r.closesAt)}.</p>
          <Link className="btn btn-primary btn-large" to={paths.handIn(roundId)}>
            {phase === 'open' ? 'Nộp hoặc xem bài dự thi' : 'Xem bài dự thi và điểm'}
          </Link>
        </section>
      )}

      {resident && attempts.length > 0 && (
        <section aria-labelledby="mine">
          <h2 id="mine">Các lượt thi của tôi</h2>
          {best && (
            <p>
              Kết quả được tính: <strong>{formatScore(best.score, best.maxScore)}</strong> điểm, {formatTimeTaken(best.timeTakenMs)}
              {rank.data?.rank ? (
                <>
                  {' '}
                  — thứ hạng hiện tại <strong>{rank.data.rank}</strong>
                  {rank.data.total ? `/${rank.data.total}` : ''}
                </>
              ) : null}
              .
            </p>
          )}
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Các lượt thi của tôi</caption>
              <thead>
                <tr>
                  <th scope="col">Lượt</th>
                  <th scope="col">Trạng thái</th>
                  <th scope="col">Điểm</th>
                  <th scope="col">Thời gian</th>
                  <th scope="col">Nộp lúc</th>
                  <th scope="col">
                    <span className="visually-hidden">Xem</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((a, i) => (
                  <tr key={a.id}>
                    <td>{a.attemptNo ?? i + 1}</td>
                    <td>{ATTEMPT_STATUS_LABEL[a.status] ?? a.status}</td>
                    <td>{formatScore(a.score, a.maxScore)}</td>
                    <td>{formatTimeTaken(a.timeTakenMs)}</td>
                    <td>{formatDateTime(a.submittedAt)}</td>
                    <td>{a.status === 'in_progress' ? <Link to={paths.attempt(a.id)}>Tiếp tục</Link> : <Link to={paths.attemptReview(a.id)}>Xem lại</Link>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <ErrorMessage error={mine.error} onRetry={mine.reload} />

      <div className="actions">
        {r.leaderboard?.visibility !== 'hidden' && (
          <Link className="btn btn-secondary" to={paths.leaderboard(roundId)}>
            Bảng xếp hạng trực tiếp
          </Link>
        )}
        {phase === 'published' && (
          <Link className="btn btn-secondary" to={paths.results(roundId)}>
            Kết quả và đáp án
          </Link>
        )}
        {r.contestId && (
          <Link className="btn btn-link" to={paths.contest(r.contestId)}>
            ← Về cuộc thi
          </Link>
        )}
      </div>
    </>
  );
}
