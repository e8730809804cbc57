import { useEffect, useState } from 'react';
import { paths } from '../app/routes';
import { ApiError, describeError } from '../shared/api/errors';
import { formatScore } from '../shared/format';
import { useDocumentTitle, useLoad } from '../shared/hooks';
import { Link } from '../shared/router';
import { ErrorMessage, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { residentApi } from '../resident/api';
import { answerCorrect, optionLetter, questionLabel, STATUS_LABEL, type LiveView } from './live-model';
import { ConnectionState, LiveCountdown, useTimeLeft } from './LiveParts';
import { useLiveRound } from './useLiveRound';

type Sent = { questionId: string; optionIds: string[]; state: 'sending' | 'received' | 'refused'; message?: string };

const TYPE_HINT: Record<string, string> = {
  single: 'Chạm vào một đáp án để gửi.',
  true_false: 'Chạm Đúng hoặc Sai để gửi.',
  multiple: 'Chọn tất cả đáp án đúng rồi bấm “Gửi câu trả lời”.',
};

/**
 * The player's phone: big answer buttons, the time left on the server's clock, "answer
 * received", then right or wrong with the player's own score and rank. A reload or a lost
 * connection rebuilds everything from GET …/live/state (the answer already given included).
 */
export default function PlayerPage({ roundId }: { roundId: string }) {
  useDocumentTitle('Vòng chung kết trực tiếp');
  const round = useLoad(() => residentApi.round(roundId), [roundId]);
  const { view, error, offset, socketState, answer } = useLiveRound(roundId, 'player');
  const ms = useTimeLeft(view, offset);
  const [sent, setSent] = useState<Sent | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const questionId = view?.question?.id ?? null;

  // A new question: nothing picked yet.
  useEffect(() => setPicked([]), [questionId]);

  const notStarted = error instanceof ApiError && error.code === 'live_not_started';

  // What the server already has for this question (after a reload) wins over what this page remembers.
  const serverAnswer = view?.me?.optionIds ?? null;
  const mine = serverAnswer ?? (sent && sent.questionId === questionId && sent.state !== 'refused' ? sent.optionIds : null);
  const received = !!serverAnswer || (sent?.questionId === questionId && sent?.state === 'received');

  const send = async (optionIds: string[]) => {
    if (!questionId || optionIds.length === 0) return;
    setSent({ questionId, optionIds, state: 'sending' });
    const ack = await answer(questionId, optionIds);
    if (ack.ok || ack.code === 'live_already_answered') setSent({ questionId, optionIds, state: 'received' });
    else setSent({ questionId, optionIds, state: 'refused', message: describeError(new ApiError(409, ack.code, ack.code)) });
  };

  return (
    <div className="live-player">
      <PageTitle sub={round.data?.title}>Vòng chung kết trực tiếp</PageTitle>
      <ConnectionState state={socketState} />
      {!view && !error && <Loading />}
      {!view && notStarted && (
        <Notice kind="info" live>
          Vòng chung kết chưa bắt đầu. Hãy giữ trang này mở: câu hỏi sẽ tự hiện khi người dẫn chương trình bắt đầu.
        </Notice>
      )}
      {!view && error && !notStarted ? <ErrorMessage error={error} /> : null}
      {view && (
        <>
          <p className="live-progress">
            <span>{questionLabel(view.index, view.total)}</span>
            <span className="badge">{STATUS_LABEL[view.status]}</span>
          </p>
          <MyStanding view={view} />
          {view.status === 'waiting' && (
            <Notice kind="info" live>
              Bạn đã vào phòng chờ. Câu hỏi sẽ hiện khi người dẫn chương trình bắt đầu.
            </Notice>
          )}
          {view.status === 'paused' && (
            <Notice kind="warning" live>
              Người dẫn chương trình đang tạm dừng. Thời gian trả lời cũng dừng lại.
            </Notice>
          )}
          {view.question && view.status !== 'waiting' && view.status !== 'ended' && (
            <section className="live-question" aria-labelledby="live-stem">
              <LiveCountdown ms={ms} paused={view.status === 'paused'} />
              <h2 id="live-stem" className="live-stem">
                {view.question.stem}
              </h2>
              {view.status === 'question' && !received && (ms ?? 1) > 0 && <p className="field-hint">{TYPE_HINT[view.question.type] ?? ''}</p>}
              <AnswerButtons
                view={view}
                mine={mine}
                picked={picked}
                setPicked={setPicked}
                locked={view.status !== 'question' || !!mine || sent?.state === 'sending' || (ms ?? 1) <= 0}
                onSend={(ids) => void send(ids)}
              />
              <div role="status" className="live-feedback">
                {view.status === 'question' && sent?.questionId === questionId && sent.state === 'sending' && <p>Đang gửi…</p>}
                {view.status === 'question' && received && <p className="live-received">✓ Đã nhận câu trả lời. Chờ công bố đáp án.</p>}
                {view.status === 'question' && !mine && (ms ?? 1) <= 0 && <p>Hết giờ trả lời câu này.</p>}
              </div>
              {sent?.questionId === questionId && sent.state === 'refused' && (
                <div className="alert alert-error" role="alert">
                  <p>{sent.message}</p>
                </div>
              )}
              {view.status === 'revealed' && <Verdict view={view} mine={mine} />}
            </section>
          )}
          {view.status === 'ended' && (
            <Notice kind="success" live>
              Vòng chung kết đã kết thúc. Cảm ơn bạn đã tham gia! Kết quả chính thức sẽ được công bố tại <Link to={paths.results(roundId)}>trang kết quả</Link>.
            </Notice>
          )}
        </>
      )}
    </div>
  );
}

function AnswerButtons({
  view,
  mine,
  picked,
  setPicked,
  locked,
  onSend,
}: {
  view: LiveView;
  mine: string[] | null;
  picked: string[];
  setPicked: (ids: string[]) => void;
  locked: boolean;
  onSend: (ids: string[]) => void;
}) {
  const q = view.question!;
  const multiple = q.type === 'multiple';
  const chosen = new Set(mine ?? picked);
  const key = view.reveal ? new Set(view.reveal.correctOptionIds) : null;
  return (
    <>
      <ul className="live-answers" aria-label="Các phương án">
        {q.options.map((o, i) => {
          const isChosen = chosen.has(o.id);
          const cls = ['live-answer', `live-answer-${i % 4}`, isChosen ? 'live-answer-chosen' : '', key?.has(o.id) ? 'live-answer-key' : '']
            .filter(Boolean)
            .join(' ');
          return (
            <li key={o.id}>
              <button
                type="button"
                className={cls}
                disabled={locked}
                aria-pressed={multiple || mine ? isChosen : undefined}
                onClick={() => {
                  if (multiple) setPicked(isChosen ? picked.filter((x) => x !== o.id) : [...picked, o.id]);
                  else onSend([o.id]);
                }}
              >
                <span className="live-answer-letter" aria-hidden="true">
                  {optionLetter(i)}
                </span>
                <span className="live-answer-text">
                  {o.text}
                  {(isChosen || key?.has(o.id)) && (
                    <span className="live-answer-mark">
                      {[key?.has(o.id) ? '✓ Đúng' : '', isChosen ? (mine ? 'bạn chọn' : 'đã chọn') : ''].filter(Boolean).join(', ')}
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {multiple && !mine && view.status === 'question' && (
        <button type="button" className="btn btn-primary btn-large live-send" disabled={locked || picked.length === 0} onClick={() => onSend(picked)}>
          Gửi câu trả lời
        </button>
      )}
    </>
  );
}

function Verdict({ view, mine }: { view: LiveView; mine: string[] | null }) {
  if (!view.reveal) return null;
  const ok = answerCorrect(mine, view.reveal);
  return (
    <div className={`live-verdict live-verdict-${ok === null ? 'none' : ok ? 'right' : 'wrong'}`} role="status">
      <p className="live-verdict-title">{ok === null ? 'Bạn chưa trả lời câu này' : ok ? '✓ Chính xác!' : '✗ Chưa chính xác'}</p>
      {view.reveal.explanation && <p>{view.reveal.explanation}</p>}
    </div>
  );
}

function MyStanding({ view }: { view: LiveView }) {
  const me = view.me;
  if (!me || (view.status !== 'revealed' && view.status !== 'ended' && me.score === 0 && me.rank === null)) return null;
  return (
    <p className="live-me">
      Điểm của bạn: <strong>{formatScore(me.score)}</strong>
      {me.rank !== null && (
        <>
          {' '}
          · Hạng <strong>{me.rank}</strong>
          {view.board ? `/${view.board.total}` : ''}
        </>
      )}
    </p>
  );
}
