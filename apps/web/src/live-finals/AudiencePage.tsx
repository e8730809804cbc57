import { paths } from '../app/routes';
import { ApiError } from '../shared/api/errors';
import { useDocumentTitle, useLoad } from '../shared/hooks';
import { Link } from '../shared/router';
import { ErrorMessage, Loading } from '../shared/ui/Feedback';
import { organiserApi } from '../organiser/api';
import { optionLetter, questionLabel, STATUS_LABEL } from './live-model';
import { DistributionBars, LiveBoard, LiveCountdown, useTimeLeft } from './LiveParts';
import { useLiveRound } from './useLiveRound';

/**
 * The projector: the whole window (16:9), large type readable from the back of a hall —
 * the question and its options, the countdown, the answer distribution after the reveal,
 * the top 10. Nothing to press: the host drives it from the console.
 */
export default function AudiencePage({ roundId }: { roundId: string }) {
  useDocumentTitle('Màn hình trình chiếu');
  const round = useLoad(() => organiserApi.round(roundId), [roundId]);
  const { view, error, offset } = useLiveRound(roundId, 'audience');
  const ms = useTimeLeft(view, offset);
  const notStarted = error instanceof ApiError && error.code === 'live_not_started';
  const playerLink = `${window.location.origin}/#${paths.livePlay(roundId)}`;

  return (
    <section className="live-stage" aria-labelledby="stage-title">
      <header className="live-stage-head">
        <h1 id="stage-title">{round.data?.title ?? 'Vòng chung kết'}</h1>
        {view && (
          <p>
            {questionLabel(view.index, view.total)} · {STATUS_LABEL[view.status]}
          </p>
        )}
        <Link className="live-stage-exit" to={paths.liveHost(roundId)}>
          Thoát trình chiếu
        </Link>
      </header>
      {!view && !error && <Loading />}
      {!view && error && !notStarted ? <ErrorMessage error={error} /> : null}
      {(notStarted || view?.status === 'waiting') && (
        <div className="live-stage-welcome">
          <p className="live-stage-big">Sắp bắt đầu</p>
          <p>
            Mở trên điện thoại: <strong className="live-stage-link">{playerLink}</strong>
          </p>
        </div>
      )}
      {view && view.question && view.status !== 'waiting' && view.status !== 'ended' && (
        <div className="live-stage-body">
          <div className="live-stage-main">
            <div className="live-stage-qhead">
              <h2 className="live-stage-stem">{view.question.stem}</h2>
              <LiveCountdown ms={ms} paused={view.status === 'paused'} className="live-countdown-stage" />
            </div>
            {view.reveal ? (
              <DistributionBars view={view} large />
            ) : (
              <ol className="live-stage-options">
                {view.question.options.map((o, i) => (
                  <li key={o.id} className={`live-answer-${i % 4}`}>
                    <span className="live-answer-letter" aria-hidden="true">
                      {optionLetter(i)}
                    </span>{' '}
                    {o.text}
                  </li>
                ))}
              </ol>
            )}
            {view.status === 'paused' && <p className="live-stage-paused">Tạm dừng</p>}
          </div>
          <aside className="live-stage-board" aria-label="Bảng xếp hạng">
            <LiveBoard rows={view.board?.top ?? []} total={view.board?.total ?? 0} limit={10} caption="Top 10" />
          </aside>
        </div>
      )}
      {view?.status === 'ended' && (
        <div className="live-stage-final">
          <p className="live-stage-big">Kết thúc</p>
          <LiveBoard rows={view.board?.top ?? []} total={view.board?.total ?? 0} limit={10} caption="Top 10 chung cuộc" />
        </div>
      )}
    </section>
  );
}
