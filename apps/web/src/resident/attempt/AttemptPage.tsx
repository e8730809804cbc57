import { useEffect, useRef, useState } from 'react';
import { paths } from '../../app/routes';
import { describeError } from '../../shared/api/errors';
import type { SubmitResult } from '../../shared/api/types';
import { deadlineWarning } from '../../shared/clock';
import { formatScore, formatTimeTaken } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks';
import { Link } from '../../shared/router';
import { Button, ErrorMessage, Loading, Notice, PageTitle } from '../../shared/ui/Feedback';
import { isAnswered } from './attempt-model';
import { Countdown } from './Countdown';
import { QuestionView } from './QuestionView';
import { SaveStatus } from './SaveStatus';
import { useAttempt } from './useAttempt';

export function AttemptPage({ attemptId }: { attemptId: string }) {
  useDocumentTitle('Làm bài thi');
  const s = useAttempt(attemptId);
  const [index, setIndex] = useState(0);
  const [view, setView] = useState<'question' | 'overview' | 'submit'>('question');
  const [remaining, setRemaining] = useState(Infinity);
  const mainRef = useRef<HTMLDivElement>(null);

  // Move focus to the new question so keyboard and screen-reader users start at its stem.
  useEffect(() => {
    mainRef.current?.querySelector<HTMLElement>('legend, h2')?.focus();
  }, [index, view]);

  if (s.phase === 'loading') return <Loading label="Đang tải bài thi…" />;
  if (s.phase === 'failed' || !s.attempt) {
    return (
      <>
        <PageTitle>Không mở được bài thi</PageTitle>
        <ErrorMessage error={s.loadError} onRetry={() => void s.refresh()} />
      </>
    );
  }
  const a = s.attempt;
  if (s.result || s.phase === 'finished')
    return <Finished attemptId={a.id} roundId={a.roundId} result={s.result} attempt={s.result?.status ? { ...a, status: s.result.status } : a} />;

  const qs = a.questions;
  const q = qs[Math.min(index, qs.length - 1)];
  const answeredCount = qs.filter((x) => isAnswered(s.values[x.id])).length;
  const warning = deadlineWarning(remaining, s.online, s.pendingIds.size);
  const timeUp = s.phase === 'time_up';

  return (
    <div className="attempt" ref={mainRef}>
      <h1 className="visually-hidden">Làm bài thi</h1>
      <div className="attempt-bar" role="region" aria-label="Trạng thái bài thi">
        <Countdown deadlineAt={a.deadlineAt} offset={s.offset} onZero={() => void s.onTimeUp()} onTick={setRemaining} />
        <SaveStatus
          pending={s.pendingIds.size}
          sending={s.sending}
          online={s.online}
          lastSavedAt={s.lastSavedAt}
          rejected={s.rejected.size}
          answered={answeredCount}
        />
      </div>

      {warning === 'offline_soon' && (
        <Notice kind="error" live>
          <strong>Bạn đang mất mạng và sắp hết giờ.</strong> Các câu trả lời vẫn được giữ trên máy, nhưng chỉ được tính khi gửi tới máy chủ trước khi hết giờ.
          Hãy bật lại dữ liệu di động hoặc Wi‑Fi.
        </Notice>
      )}
      {warning === 'unsent_soon' && (
        <Notice kind="warning" live>
          Sắp hết giờ và còn {s.pendingIds.size} câu chưa gửi được. Kiểm tra kết nối mạng.
        </Notice>
      )}
      {warning === 'soon' && !timeUp && <Notice kind="warning">Sắp hết giờ. Hãy kiểm tra lại và nộp bài.</Notice>}
      {timeUp && (
        <Notice kind="warning" live>
          <strong>Đã hết thời gian làm bài.</strong> Bài thi được chấm với các câu trả lời đã lưu trên máy chủ. Đang lấy kết quả…
        </Notice>
      )}

      {view === 'question' && q && (
        <>
          <QuestionView q={q} index={index} total={qs.length} value={s.values[q.id]} disabled={timeUp} onChange={(v, o) => s.answer(q.id, v, o)} />
          {s.rejected.has(q.id) && <Notice kind="warning">Máy chủ không nhận câu trả lời này. Vui lòng chọn hoặc nhập lại.</Notice>}
          <p className="question-state" aria-live="off">
            {s.pendingIds.has(q.id) ? 'Câu này: đã lưu trên máy, đang chờ gửi' : isAnswered(s.values[q.id]) ? 'Câu này: đã lưu' : 'Câu này: chưa trả lời'}
          </p>
          <nav className="question-nav" aria-label="Chuyển câu hỏi">
            <Button kind="secondary" disabled={index === 0} onClick={() => setIndex(index - 1)}>
              ← Câu trước
            </Button>
            <Button kind="secondary" onClick={() => setView('overview')}>
              Danh sách câu ({answeredCount}/{qs.length})
            </Button>
            {index < qs.length - 1 ? (
              <Button onClick={() => setIndex(index + 1)}>Câu sau →</Button>
            ) : (
              <Button onClick={() => setView('submit')} disabled={timeUp}>
                Nộp bài
              </Button>
            )}
          </nav>
        </>
      )}

      {view === 'overview' && (
        <section aria-labelledby="overview-title">
          <h2 id="overview-title" tabIndex={-1}>
            Danh sách câu hỏi
          </h2>
          <p>
            Đã trả lời {answeredCount}/{qs.length} câu. Chọn một câu để xem lại.
          </p>
          <ol className="overview-grid">
            {qs.map((x, i) => {
              const answered = isAnswered(s.values[x.id]);
              const unsent = s.pendingIds.has(x.id);
              const label = `Câu ${i + 1}: ${answered ? 'đã trả lời' : 'chưa trả lời'}${unsent ? ', chờ gửi' : ''}`;
              return (
                <li key={x.id}>
                  <button
                    type="button"
                    className={`overview-cell${answered ? ' answered' : ''}${unsent ? ' unsent' : ''}`}
                    aria-label={label}
                    aria-current={i === index ? 'step' : undefined}
                    onClick={() => {
                      setIndex(i);
                      setView('question');
                    }}
                  >
                    {i + 1}
                    {unsent && <span aria-hidden="true">•</span>}
                  </button>
                </li>
              );
            })}
          </ol>
          <p className="legend-row">
            <span className="overview-cell answered small" aria-hidden="true" /> Đã trả lời <span className="overview-cell small" aria-hidden="true" /> Chưa trả
            lời
          </p>
          <div className="actions">
            <Button kind="secondary" onClick={() => setView('question')}>
              Quay lại câu {index + 1}
            </Button>
            <Button onClick={() => setView('submit')} disabled={timeUp}>
              Nộp bài
            </Button>
          </div>
        </section>
      )}

      {view === 'submit' && <SubmitPanel s={s} answered={answeredCount} total={qs.length} onBack={() => setView('overview')} />}
    </div>
  );
}

function SubmitPanel({ s, answered, total, onBack }: { s: ReturnType<typeof useAttempt>; answered: number; total: number; onBack: () => void }) {
  const [prediction, setPrediction] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pq = s.predictionQuestion;

  const go = async () => {
    setError(null);
    let p: number | undefined;
    if (pq) {
      const n = Number(prediction.replace(/\s/g, '').replace(',', '.'));
      if (!prediction.trim() || !Number.isFinite(n) || n < 0) {
        setError('Vui lòng nhập số dự đoán (một số không âm).');
        document.getElementById('prediction')?.focus();
        return;
      }
      p = n;
    }
    setBusy(true);
    try {
      await s.submit(p);
    } catch (e) {
      const code = (e as { code?: string }).code;
      setError(
        code === 'unsent_answers'
          ? 'Còn câu trả lời chưa gửi được tới máy chủ. Khi có mạng trở lại, hãy bấm Nộp bài lần nữa — các câu trả lời vẫn được giữ trên máy.'
          : `${describeError(e)} Bạn có thể bấm Nộp bài lần nữa; bài sẽ không bị tính hai lần.`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="submit-title">
      <h2 id="submit-title" tabIndex={-1}>
        Nộp bài
      </h2>
      <p>
        Bạn đã trả lời <strong>{answered}</strong>/{total} câu.
        {answered < total && ` Còn ${total - answered} câu chưa trả lời.`}
      </p>
      {pq && (
        <div className="field">
          <label htmlFor="prediction" className="field-label">
            Câu hỏi dự đoán: {pq.prompt}
          </label>
          <p className="field-hint" id="prediction-hint">
            Dùng để phân định thứ hạng khi bằng điểm.
          </p>
          <input
            id="prediction"
            inputMode="numeric"
            autoComplete="off"
            value={prediction}
            aria-describedby="prediction-hint"
            onChange={(e) => setPrediction(e.target.value)}
          />
        </div>
      )}
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <p>Sau khi nộp, bạn không thể sửa câu trả lời.</p>
      <div className="actions">
        <Button kind="secondary" onClick={onBack} disabled={busy}>
          Xem lại bài
        </Button>
        <Button onClick={() => void go()} busy={busy}>
          Xác nhận nộp bài
        </Button>
      </div>
    </section>
  );
}

function Finished({
  attemptId,
  roundId,
  result,
  attempt,
}: {
  attemptId: string;
  roundId?: string;
  result: SubmitResult | null;
  attempt: { status: string; score?: number | null; maxScore?: number | null; timeTakenMs?: number | null };
}) {
  const score = result?.score ?? attempt.score;
  const max = result?.maxScore ?? attempt.maxScore;
  const time = result?.timeTakenMs ?? attempt.timeTakenMs;
  return (
    <section>
      <PageTitle>
        {attempt.status === 'expired'
          ? 'Đã hết giờ — bài thi đã được chấm'
          : attempt.status === 'void'
            ? 'Lượt thi đã bị hủy kết quả'
            : 'Đã nộp bài thành công'}
      </PageTitle>
      <dl className="result-card">
        <div>
          <dt>Điểm</dt>
          <dd>{formatScore(score, max)}</dd>
        </div>
        <div>
          <dt>Thời gian làm bài</dt>
          <dd>{formatTimeTaken(time)}</dd>
        </div>
        {result?.rank ? (
          <div>
            <dt>Thứ hạng hiện tại</dt>
            <dd>{result.rank}</dd>
          </div>
        ) : null}
      </dl>
      <p className="field-hint">Đáp án và giải thích sẽ được công bố sau khi vòng thi kết thúc.</p>
      <div className="actions">
        {roundId && (
          <Link className="btn btn-primary" to={paths.leaderboard(roundId)}>
            Xem bảng xếp hạng
          </Link>
        )}
        {roundId && (
          <Link className="btn btn-secondary" to={paths.round(roundId)}>
            Về vòng thi
          </Link>
        )}
        <Link className="btn btn-secondary" to={paths.attemptReview(attemptId)}>
          Xem lại bài làm
        </Link>
      </div>
    </section>
  );
}
