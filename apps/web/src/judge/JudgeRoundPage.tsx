import { paths } from '../app/routes';
import { formatDateTime, ROUND_STATUS_LABEL } from '../shared/format';
import { useDocumentTitle, useLoad, useSession } from '../shared/hooks';
import { Link } from '../shared/router';
import { ErrorMessage, Loading, PageTitle } from '../shared/ui/Feedback';
import { residentApi } from '../resident/api';
import { FlaggedAttempts } from './FlaggedAttempts';
import { JudgedEntries, RecuseForm } from './JudgedEntries';

/** A round for its judges and organisers: flagged attempts (quiz) or the entries to mark (judged). */
export function JudgeRoundPage({ roundId }: { roundId: string }) {
  const session = useSession();
  const round = useLoad(() => residentApi.round(roundId), [roundId]);
  useDocumentTitle('Chấm thi');
  if (round.loading) return <Loading />;
  if (round.error || !round.data) return <ErrorMessage error={round.error} onRetry={round.reload} />;
  const r = round.data;
  return (
    <>
      <PageTitle
        sub={`${r.kind === 'judged' ? 'Vòng chấm điểm' : r.kind === 'live' ? 'Vòng chung kết trực tiếp' : 'Vòng trắc nghiệm'} · ${ROUND_STATUS_LABEL[r.status ?? ''] ?? r.status ?? ''} · đóng lúc ${formatDateTime(r.closesAt)}`}
      >
        {r.title}
      </PageTitle>
      <div className="actions">
        {r.kind === 'live' && (
          <Link className="btn btn-primary" to={paths.liveHost(roundId)}>
            Điều khiển vòng chung kết
          </Link>
        )}
        <Link className="btn btn-primary" to={paths.judgeResults(roundId)}>
          Đóng vòng, xếp hạng và công bố →
        </Link>
      </div>
      {r.kind === 'judged' ? <JudgedEntries roundId={roundId} /> : <FlaggedAttempts roundId={roundId} published={r.status === 'published'} />}
      {r.kind === 'judged' && session?.user.role === 'judge' && r.status !== 'published' && <RecuseForm roundId={roundId} />}
      {r.contestId && session?.user.role !== 'judge' && (
        <p>
          <Link to={paths.contestEdit(r.contestId)}>← Về cuộc thi</Link>
        </p>
      )}
    </>
  );
}
