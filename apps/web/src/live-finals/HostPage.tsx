import { useState } from 'react';
import { paths } from '../app/routes';
import { useDocumentTitle, useLoad } from '../shared/hooks';
import { Link } from '../shared/router';
import { ConfirmAction } from '../shared/ui/ConfirmAction';
import { Button, ErrorMessage, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { organiserApi } from '../organiser/api';
import { fromState, hostMoves, optionLetter, questionLabel, STATUS_LABEL } from './live-model';
import { ConnectionState, DistributionBars, LiveBoard, LiveCountdown, useTimeLeft } from './LiveParts';
import { liveApi, useLiveRound, type HostMove } from './useLiveRound';

/**
 * The host's console for a live final (organisers and judges of the round): start, show the
 * next question, reveal, pause, resume, end; the question showing with its countdown, how
 * many have answered, the distribution after the reveal and the top of the board.
 * `next` and `reveal` name the index the host sees, so a double press (or a second console)
 * is refused by the server instead of skipping a question.
 */
export default function HostPage({ roundId }: { roundId: string }) {
  useDocumentTitle('Điều khiển vòng chung kết');
  const round = useLoad(() => organiserApi.round(roundId), [roundId]);
  const { view, setView, error, offset, socketState, reread } = useLiveRound(roundId, 'host');
  const ms = useTimeLeft(view, offset);
  const [busy, setBusy] = useState<HostMove | null>(null);
  const [moveError, setMoveError] = useState<unknown>(null);
  const can = hostMoves(view);

  const [opened, setOpened] = useState(false);

  const move = async (m: HostMove) => {
    setBusy(m);
    setMoveError(null);
    try {
      // Before the first question the state reads "waiting" whether or not the room was opened: open it first (idempotent).
      if (m === 'next' && view && view.index < 0 && !opened) await liveApi.move(roundId, 'start');
      const s = await liveApi.move(roundId, m, m === 'next' || m === 'reveal' ? view?.index : undefined);
      if (m === 'start') setOpened(true);
      if (s && typeof s === 'object' && 'status' in s) setView(fromState(s));
      await reread();
    } catch (e) {
      setMoveError(e);
      void reread();
    } finally {
      setBusy(null);
    }
  };

  const title = round.data?.title;
  if (round.loading && !view) return <Loading />;
  if (round.data && round.data.kind !== 'live')
    return (
      <>
        <PageTitle sub={title}>Điều khiển vòng chung kết</PageTitle>
        <Notice kind="warning">Vòng này không phải vòng chung kết trực tiếp.</Notice>
      </>
    );

  return (
    <div className="live-host">
      <PageTitle sub={title}>Điều khiển vòng chung kết</PageTitle>
      <p className="actions">
        <a className="btn btn-secondary" href={`#${paths.liveStage(roundId)}`} target="_blank" rel="noopener">
          Mở màn hình trình chiếu (thẻ mới)
        </a>
        {round.data?.contestId && <Link to={paths.contestEdit(round.data.contestId)}>← Về cuộc thi</Link>}
      </p>
      <p className="field-hint">
        Người chơi mở trên điện thoại: <code>{`${window.location.origin}/#${paths.livePlay(roundId)}`}</code>
      </p>
      <ConnectionState state={socketState} />
      {!view && !error && <Loading />}
      {error && !view ? <ErrorMessage error={error} onRetry={() => void reread()} /> : null}

      <div className="live-controls" role="group" aria-label="Điều khiển">
        {view && can.start && (
          <Button kind={opened ? 'secondary' : 'primary'} busy={busy === 'start'} disabled={opened || !!busy} onClick={() => void move('start')}>
            {opened ? 'Phòng chờ đã mở' : 'Mở phòng chờ'}
          </Button>
        )}
        {view && (
          <>
            <Button busy={busy === 'next'} disabled={!can.next || !!busy} onClick={() => void move('next')}>
              {view.index < 0 ? 'Hiện câu hỏi đầu tiên' : `Hiện câu ${view.index + 2}`}
            </Button>
            <Button busy={busy === 'reveal'} disabled={!can.reveal || !!busy} onClick={() => void move('reveal')}>
              Công bố đáp án
            </Button>
            {can.resume ? (
              <Button kind="secondary" busy={busy === 'resume'} disabled={!!busy} onClick={() => void move('resume')}>
                Tiếp tục
              </Button>
            ) : (
              <Button kind="secondary" busy={busy === 'pause'} disabled={!can.pause || !!busy} onClick={() => void move('pause')}>
                Tạm dừng
              </Button>
            )}
            {can.end && (
              <ConfirmAction
                label="Kết thúc vòng"
                kind="danger"
                question="Kết thúc vòng chung kết? Người chơi không trả lời được nữa và điểm hiện tại thành kết quả của vòng."
                confirmLabel="Kết thúc"
                run={() => move('end')}
              />
            )}
          </>
        )}
      </div>
      <ErrorMessage error={moveError} />

      {view && (
        <div className="live-host-grid">
          <section className="panel" aria-labelledby="host-q">
            <h2 id="host-q" className="h3">
              {questionLabel(view.index, view.total)} · <span className="badge">{STATUS_LABEL[view.status]}</span>
            </h2>
            {view.status === 'waiting' && <p>Phòng chờ đã mở. Bấm “Hiện câu hỏi đầu tiên” khi người chơi đã sẵn sàng.</p>}
            {view.status === 'ended' && <p>Vòng chung kết đã kết thúc. Kết quả được xếp hạng, xét giải và công bố như mọi vòng thi.</p>}
            {view.question && view.status !== 'waiting' && (
              <>
                <LiveCountdown ms={ms} paused={view.status === 'paused'} />
                <p className="live-host-stem">{view.question.stem}</p>
                {!view.reveal && (
                  <ul className="live-host-options">
                    {view.question.options.map((o, i) => (
                      <li key={o.id}>
                        <strong>{optionLetter(i)}.</strong> {o.text}
                      </li>
                    ))}
                  </ul>
                )}
                <p className="live-answered" role="status">
                  Đã trả lời: <strong>{view.answered ?? 0}</strong> người
                </p>
                <DistributionBars view={view} />
                {view.reveal?.explanation && <p>Giải thích: {view.reveal.explanation}</p>}
              </>
            )}
          </section>
          <section aria-label="Bảng xếp hạng">
            <LiveBoard rows={view.board?.top ?? []} total={view.board?.total ?? 0} caption="Bảng xếp hạng" />
          </section>
        </div>
      )}
    </div>
  );
}
