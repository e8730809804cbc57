import { useState, type FormEvent } from 'react';
import { paths } from '../app/routes';
import { ApiError } from '../shared/api/errors';
import type { FlaggedWinner, StaffResults } from '../shared/api/judging-types';
import type { Round } from '../shared/api/types';
import { formatDateTime, ROUND_STATUS_LABEL } from '../shared/format';
import { useDocumentTitle, useLoad, useSession } from '../shared/hooks';
import { Link } from '../shared/router';
import { CheckboxField, TextField } from '../shared/ui/Field';
import { Button, ErrorMessage, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { residentApi } from '../resident/api';
import { judgeApi } from './api';
import { CorrectionsPanel } from './CorrectionsPanel';
import { ExportsPanel } from './ExportsPanel';
import { readPoints } from './marking-model';
import { DONE_MESSAGE, ReasonForm } from './FlaggedAttempts';
import { describeBlocker, pageInfo, publishBlockers } from './results-model';
import { StaffResultsTable } from './ResultsTable';
import { publishedMessage, WithheldKeysPreview } from './WithheldKeys';
import { resultKind } from '../shared/round-kind';

const LIMIT = 50;

const COUNTED_TARGET: Record<'perfect-score-entrants' | 'entrants', string> = {
  'perfect-score-entrants': 'số người trả lời đúng tất cả các câu',
  entrants: 'số người dự thi',
};

/** Close: attempts in progress end, the ranking and prizes are computed as a provisional result. */
export function ClosePanel({
  round,
  results,
  organiser,
  onClosed,
  defaultConfirming = false,
}: {
  round: Round;
  results: StaffResults | null;
  organiser: boolean;
  onClosed: (msg: string) => void;
  defaultConfirming?: boolean;
}) {
  const [confirming, setConfirming] = useState(defaultConfirming);
  const [force, setForce] = useState(false);
  const [actual, setActual] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const published = results?.status === 'published';
  const early = Date.now() < Date.parse(round.closesAt) && round.status !== 'closed';
  const hasPrediction = Boolean(round.predictionQuestion);
  // A counted target's value is the server's to count: a value typed in would be refused (prediction_actual_counted).
  const counted = round.prediction && round.prediction.target !== 'custom' ? COUNTED_TARGET[round.prediction.target] : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let predictionActual: number | undefined;
    if (actual.trim()) {
      const n = readPoints(actual);
      if (n === null) return setProblem('Đáp án câu dự đoán phải là một số.');
      predictionActual = n;
    }
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      const out = await judgeApi.closeRound(round.id, { ...(force ? { force: true } : {}), ...(predictionActual !== undefined ? { predictionActual } : {}) });
      setConfirming(false);
      onClosed(
        `Đã ${results ? 'tính lại' : 'đóng vòng và tính'} kết quả: ${out.rankedCount} người được xếp hạng, ${out.winnerCount} người đạt giải${out.finalisedAttempts ? `, ${out.finalisedAttempts} bài đang làm đã được chấm với câu trả lời đã lưu` : ''}.`,
      );
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };
  if (published) return null;
  return (
    <section aria-labelledby="close">
      <h2 id="close">{results ? 'Tính lại kết quả' : 'Đóng vòng thi'}</h2>
      <p>
        {results
          ? 'Sau khi hủy hoặc khôi phục lượt thi, hoặc chấm lại, hãy đóng vòng lại để tính lại xếp hạng và giải.'
          : 'Đóng vòng: không ai được bắt đầu hay nộp bài nữa; bài đang làm được chấm với câu trả lời đã lưu; bảng xếp hạng tạm thời được tính theo thể lệ.'}
      </p>
      {!confirming ? (
        <Button kind={results ? 'secondary' : 'danger'} onClick={() => setConfirming(true)}>
          {results ? 'Tính lại kết quả' : 'Đóng vòng thi'}
        </Button>
      ) : (
        <form className="alert alert-warning" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="close-confirm">
          <p id="close-confirm">
            <strong>{results ? 'Tính lại kết quả tạm thời?' : `Đóng vòng “${round.title}”?`}</strong>
          </p>
          {early && organiser && (
            <CheckboxField
              name="force"
              label="Đóng sớm trước giờ đóng"
              hint={`Giờ đóng theo lịch: ${formatDateTime(round.closesAt)}.`}
              checked={force}
              onChange={(e) => setForce(e.target.checked)}
            />
          )}
          {early && !organiser && <Notice kind="warning">Vòng thi đóng lúc {formatDateTime(round.closesAt)}. Chỉ ban tổ chức mới đóng sớm được.</Notice>}
          {hasPrediction && counted && <p className="field-hint">Đáp án câu hỏi dự đoán do hệ thống tự đếm khi đóng vòng: {counted}.</p>}
          {hasPrediction && !counted && (
            <TextField
              name="prediction-actual"
              label="Đáp án (giá trị thực tế) của câu hỏi dự đoán"
              hint={round.predictionQuestion?.prompt}
              inputMode="decimal"
              value={actual}
              onChange={(e) => setActual(e.target.value)}
              error={problem ?? undefined}
            />
          )}
          <ErrorMessage error={error} />
          <div className="actions">
            <Button type="submit" kind="danger" busy={busy} autoFocus>
              Đồng ý
            </Button>
            <Button kind="secondary" onClick={() => setConfirming(false)}>
              Thôi
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/**
 * Winners whose attempt is flagged and unreviewed: each can be voided or kept with a reason
 * right here, or looked at with its evidence on the flagged attempts page.
 */
export function FlaggedWinnersList({
  roundId,
  winners,
  onReviewed,
  defaultActing = null,
}: {
  roundId: string;
  winners: FlaggedWinner[];
  onReviewed: (msg: string, attemptId: string) => void;
  defaultActing?: { id: string; action: 'void' | 'clear' } | null;
}) {
  const [acting, setActing] = useState(defaultActing);
  return (
    <div className="flagged-winners">
      <p>
        <strong>Chưa công bố được: {winners.length} người đạt giải có lượt thi bị gắn cờ mà ban giám khảo chưa xem xét.</strong> Không trao giải cho lượt thi bị
        gắn cờ khi chưa xem xét: với từng người, hãy hủy kết quả hoặc giữ kết quả, có ghi lý do.
      </p>
      <ul className="card-list">
        {winners.map((w) => {
          const d = describeBlocker(w);
          return (
            <li key={w.attemptId} className="card">
              <p className="h5">
                {d.who} · {d.prize}
                {w.attemptNo ? ` · lượt ${w.attemptNo}` : ''}
              </p>
              <p>Dấu hiệu chưa xem xét: {d.flags}</p>
              {acting?.id === w.attemptId ? (
                <ReasonForm
                  attemptId={w.attemptId}
                  action={acting.action}
                  onCancel={() => setActing(null)}
                  onDone={() => {
                    setActing(null);
                    onReviewed(DONE_MESSAGE[acting.action], w.attemptId);
                  }}
                />
              ) : (
                <div className="actions">
                  <Button kind="secondary" onClick={() => setActing({ id: w.attemptId, action: 'clear' })}>
                    Giữ kết quả
                  </Button>
                  <Button kind="danger" onClick={() => setActing({ id: w.attemptId, action: 'void' })}>
                    Hủy kết quả
                  </Button>
                  <Link to={paths.judgeRound(roundId)}>Xem bằng chứng</Link>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Publish: irreversible but for audited corrections, so it asks first, and lists flagged winners no judge has reviewed. */
export function PublishPanel({
  roundId,
  kind = 'quiz',
  results,
  onPublished,
  onReviewed = () => undefined,
  defaultConfirming = false,
  defaultError = null,
}: {
  roundId: string;
  /** A judged round has no answer key: entrants see their marks and the jury's comments instead. */
  kind?: 'quiz' | 'judged';
  results: StaffResults;
  onPublished: (msg: string) => void;
  /** A winner was voided or kept: the results are to be read again (who still waits, stale or not). */
  onReviewed?: () => void;
  defaultConfirming?: boolean;
  defaultError?: unknown;
}) {
  const [confirming, setConfirming] = useState(defaultConfirming);
  const [error, setError] = useState<unknown>(defaultError);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [reviewed, setReviewed] = useState<ReadonlySet<string>>(new Set());
  if (results.status === 'published') return <Notice kind="success">Kết quả đã công bố lúc {formatDateTime(results.publishedAt)}.</Notice>;
  const blockers = publishBlockers(results, error, reviewed);
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const out = await judgeApi.publishResults(roundId);
      setConfirming(false);
      onPublished(publishedMessage(out.withheldKeys ?? [], kind));
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };
  const onWinnerReviewed = (msg: string, attemptId: string) => {
    setError(null); // the reloaded results say who is still waiting
    // Off the list at once: until the results come back, the card's buttons would act on a reviewed attempt.
    setReviewed((r) => new Set(r).add(attemptId));
    setNote(msg);
    onReviewed();
  };
  return (
    <section aria-labelledby="publish">
      <h2 id="publish">Công bố kết quả</h2>
      {results.stale && <Notice kind="warning">Có lượt thi đã bị hủy hoặc khôi phục sau khi đóng vòng: hãy tính lại kết quả trước khi công bố.</Notice>}
      {!confirming && blockers.length > 0 && (
        <Notice kind="warning">
          {blockers.length} người đạt giải có lượt thi bị gắn cờ chưa được xem xét: cần hủy hoặc giữ kết quả từng người trước khi công bố.
        </Notice>
      )}
      {!confirming ? (
        <Button onClick={() => setConfirming(true)}>Công bố kết quả…</Button>
      ) : (
        <div className="alert alert-warning" role="alertdialog" aria-labelledby="publish-text" aria-modal="false">
          <p id="publish-text">
            Công bố kết quả: bảng xếp hạng, giải thưởng,{' '}
            {kind === 'judged' ? 'điểm theo tiêu chí và nhận xét của ban giám khảo (không kèm tên giám khảo)' : 'đáp án và giải thích'} sẽ hiển thị cho người dự
            thi. Sau khi công bố, kết quả chỉ thay đổi được bằng đính chính có ghi lý do. Công bố {results.rankedCount} người được xếp hạng,{' '}
            {results.winnerCount} người đạt giải?
          </p>
          {blockers.length > 0 && <FlaggedWinnersList roundId={roundId} winners={blockers} onReviewed={onWinnerReviewed} />}
          {note && (
            <Notice kind="success" live>
              {note}
            </Notice>
          )}
          {kind === 'quiz' && <WithheldKeysPreview roundId={roundId} />}
          <ErrorMessage error={error} />
          <div className="actions">
            <Button busy={busy} autoFocus={blockers.length === 0} disabled={blockers.length > 0} onClick={() => void publish()}>
              Công bố
            </Button>
            <Button kind="secondary" onClick={() => setConfirming(false)}>
              Thôi
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}

export function JudgeResultsPage({ roundId }: { roundId: string }) {
  const session = useSession();
  const organiser = session?.user.role === 'organiser' || session?.user.role === 'admin';
  const round = useLoad(() => residentApi.round(roundId), [roundId]);
  const [offset, setOffset] = useState(0);
  const [winnersOnly, setWinnersOnly] = useState(false);
  const results = useLoad(async () => {
    try {
      return await judgeApi.results(roundId, LIMIT, offset, winnersOnly);
    } catch (e) {
      // Not closed yet: no results, which is a state of the page rather than an error.
      if (e instanceof ApiError && e.code === 'round_not_closed') return null;
      throw e;
    }
  }, [roundId, offset, winnersOnly]);
  const [message, setMessage] = useState<string | null>(null);
  useDocumentTitle('Kết quả vòng thi');

  if (round.loading) return <Loading />;
  if (round.error || !round.data) return <ErrorMessage error={round.error} onRetry={round.reload} />;
  const r = round.data;
  const res = results.data ?? null;
  const done = (msg: string) => {
    setMessage(msg);
    round.reload();
    results.reload();
  };
  const names = Object.fromEntries((res?.items ?? []).map((x) => [x.userId, x.fullName]));
  const info = res ? pageInfo(res.total, LIMIT, offset) : null;

  return (
    <>
      <PageTitle sub={`${ROUND_STATUS_LABEL[r.status ?? ''] ?? r.status ?? ''} · đóng lúc ${formatDateTime(r.closesAt)}`}>Kết quả: {r.title}</PageTitle>
      <p>
        <Link to={paths.judgeRound(roundId)}>← {r.kind === 'judged' ? 'Bài dự thi và chấm điểm' : 'Lượt thi bị gắn cờ'}</Link>
      </p>
      {session?.user.role === 'organiser' && res && res.winnerCount > 0 && (
        <p>
          <Link to={paths.winners(roundId)}>Xác minh người đoạt giải →</Link>
        </p>
      )}
      {message && (
        <Notice kind="success" live>
          {message}
        </Notice>
      )}
      <ClosePanel round={r} results={res} organiser={organiser} onClosed={done} />

      <section aria-labelledby="ranking">
        <h2 id="ranking">Xếp hạng{res ? (res.status === 'published' ? ' (đã công bố)' : ' (tạm thời)') : ''}</h2>
        {results.loading && <Loading />}
        <ErrorMessage error={results.error} onRetry={results.reload} />
        {!results.loading && !results.error && !res && <p>Chưa có kết quả: vòng thi cần được đóng trước.</p>}
        {res && (
          <>
            <p>
              {res.rankedCount} người được xếp hạng · {res.winnerCount} người đạt giải
              {res.predictionActual !== null ? ` · đáp án câu dự đoán: ${res.predictionActual}` : ''} · tính lúc {formatDateTime(res.closedAt)}
            </p>
            <label className="option inline">
              <input
                type="checkbox"
                checked={winnersOnly}
                onChange={(e) => {
                  setWinnersOnly(e.target.checked);
                  setOffset(0);
                }}
              />{' '}
              Chỉ hiện người đạt giải
            </label>
            {res.items.length === 0 ? (
              <p>Không có ai trong danh sách này.</p>
            ) : (
              <StaffResultsTable key={`${offset}-${winnersOnly}-${res.version}`} roundId={roundId} rows={res.items} kind={resultKind(r.kind)} />
            )}
            {info && info.pages > 1 && (
              <nav className="pager" aria-label="Phân trang bảng xếp hạng">
                <Button kind="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - LIMIT))}>
                  ← Trang trước
                </Button>
                <span>
                  {info.from}–{info.to} / {res.total} (trang {info.page + 1}/{info.pages})
                </span>
                <Button kind="secondary" disabled={info.page + 1 >= info.pages} onClick={() => setOffset(offset + LIMIT)}>
                  Trang sau →
                </Button>
              </nav>
            )}
          </>
        )}
      </section>

      {res && <PublishPanel roundId={roundId} kind={r.kind === 'judged' ? 'judged' : 'quiz'} results={res} onPublished={done} onReviewed={results.reload} />}
      <ExportsPanel roundId={roundId} hasResults={Boolean(res)} />
      {res?.status === 'published' && <CorrectionsPanel roundId={roundId} kind={resultKind(r.kind)} names={names} onCorrected={() => results.reload()} />}
    </>
  );
}
