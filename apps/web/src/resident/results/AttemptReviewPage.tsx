import { paths } from '../../app/routes';
import type { Attempt } from '../../shared/api/types';
import { formatScore, formatTimeTaken } from '../../shared/format';
import { useDocumentTitle, useLoad } from '../../shared/hooks';
import { Link } from '../../shared/router';
import { ErrorMessage, Loading, Notice, PageTitle } from '../../shared/ui/Feedback';
import { residentApi } from '../api';
import { AnswerKey, hasAnswerKey } from './AnswerKey';

/** The review's body: the score and the entrant's answers, with the key once published (until then, a notice why not). */
export function AttemptReview({ attempt }: { attempt: Attempt }) {
  return (
    <>
      <PageTitle sub={`Điểm: ${formatScore(attempt.score, attempt.maxScore)} · ${formatTimeTaken(attempt.timeTakenMs)}`}>Xem lại bài làm</PageTitle>
      {!hasAnswerKey(attempt) && <Notice>Đáp án và giải thích sẽ hiển thị sau khi ban tổ chức công bố kết quả vòng thi.</Notice>}
      <AnswerKey attempt={attempt} />
      {attempt.roundId && (
        <p>
          <Link to={paths.round(attempt.roundId)}>← Về vòng thi</Link>
        </p>
      )}
    </>
  );
}

/** One attempt with the answer key and explanations, once the round's results are published. */
export function AttemptReviewPage({ attemptId }: { attemptId: string }) {
  const { data, error, loading, reload } = useLoad(async () => (await residentApi.getAttempt(attemptId)).attempt, [attemptId]);
  useDocumentTitle('Xem lại bài làm');
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage error={error} onRetry={reload} />;
  return <AttemptReview attempt={data} />;
}
