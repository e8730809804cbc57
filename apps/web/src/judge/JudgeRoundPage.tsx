import { useState, type FormEvent } from 'react';
import { paths } from '../app/routes';
import { describeError } from '../shared/api/errors';
import { downloadFile } from '../shared/download';
import { ATTEMPT_STATUS_LABEL, formatDateTime, formatScore, formatTimeTaken, ROUND_STATUS_LABEL } from '../shared/format';
import { useDocumentTitle, useLoad } from '../shared/hooks';
import { Link } from '../shared/router';
import { TextArea } from '../shared/ui/Field';
import { Button, ErrorMessage, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { residentApi } from '../resident/api';
import { ResultsTable } from '../resident/ResultsPages';
import { readResults } from '../resident/results-model';
import { judgeApi, type EntryRow } from './api';
import { describeFlags } from './flags';

function ReasonForm({ entry, action, onDone, onCancel }: { entry: EntryRow; action: 'void' | 'reinstate'; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attemptId = entry.attemptId ?? entry.id;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 5) {
      setError('Ghi rõ lý do (ít nhất 5 ký tự). Lý do được lưu vào nhật ký kiểm tra.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await (action === 'void' ? judgeApi.voidAttempt(attemptId, reason.trim()) : judgeApi.reinstate(attemptId, reason.trim()));
      onDone();
    } catch (x) {
      setError(describeError(x));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextArea name={`reason-${attemptId}`} label={action === 'void' ? 'Lý do hủy kết quả' : 'Lý do khôi phục'} required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={error ?? undefined} autoFocus />
      <div className="actions">
        <Button type="submit" kind={action === 'void' ? 'danger' : 'primary'} busy={busy}>
          {action === 'void' ? 'Xác nhận hủy kết quả' : 'Xác nhận khôi phục'}
        </Button>
        <Button kind="secondary" onClick={onCancel}>
          Thôi
        </Button>
      </div>
    </form>
  );
}

export function JudgeRoundPage({ roundId }: { roundId: string }) {
  const round = useLoad(() => residentApi.round(roundId), [roundId]);
  const [flaggedOnly, setFlaggedOnly] = useState(true);
  const entries = useLoad(() => judgeApi.entries(roundId, flaggedOnly), [roundId, flaggedOnly]);
  const results = useLoad(async () => readResults(await judgeApi.results(roundId)), [roundId]);
  const [acting, setActing] = useState<{ id: string; action: 'void' | 'reinstate' } | null>(null);
  const [op, setOp] = useState<{ busy?: string; error?: unknown; message?: string }>({});
  const [confirm, setConfirm] = useState<'close' | 'publish' | null>(null);
  useDocumentTitle('Chấm thi và kết quả');

  const run = async (name: string, fn: () => Promise<unknown>, message: string) => {
    setOp({ busy: name });
    setConfirm(null);
    try {
      await fn();
      setOp({ message });
      round.reload();
      results.reload();
    } catch (e) {
      setOp({ error: e });
    }
  };

  const exportAs = (format: 'xlsx' | 'csv') =>
    run(`export-${format}`, () => downloadFile(`/rounds/${encodeURIComponent(roundId)}/results/export`, { format }, `ket-qua.${format}`), 'Đã tải tệp kết quả.');

  const r = round.data;
  return (
    <>
      <PageTitle sub={r ? `Trạng thái: ${ROUND_STATUS_LABEL[r.status ?? ''] ?? r.status} · đóng lúc ${formatDateTime(r.closesAt)}` : undefined}>{r?.title ?? 'Vòng thi'}</PageTitle>
      <ErrorMessage error={round.error} onRetry={round.reload} />
      {op.message && (
        <Notice kind="success" live>
          {op.message}
        </Notice>
      )}
      <ErrorMessage error={op.error} />

      <section aria-labelledby="flagged">
        <h2 id="flagged">{flaggedOnly ? 'Lượt thi bị gắn cờ' : 'Tất cả lượt thi'}</h2>
        <label className="option inline">
          <input type="checkbox" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} /> Chỉ hiện lượt thi bị gắn cờ
        </label>
        {entries.loading && <Loading />}
        <ErrorMessage error={entries.error} onRetry={entries.reload} />
        {entries.data && entries.data.items.length === 0 && <p>Không có lượt thi nào{flaggedOnly ? ' bị gắn cờ' : ''}.</p>}
        {entries.data && entries.data.items.length > 0 && (
          <ul className="card-list">
            {entries.data.items.map((e) => {
              const id = e.attemptId ?? e.id;
              const flags = describeFlags(e.flags);
              const evidence = describeFlags(e.evidence);
              return (
                <li key={id} className="card">
                  <h3 className="h4">
                    {e.fullName ?? e.displayName ?? 'Người dự thi'} <span className={`badge badge-${e.status}`}>{ATTEMPT_STATUS_LABEL[e.status ?? ''] ?? e.status}</span>
                  </h3>
                  <p className="sub">{[e.unit, e.province].filter(Boolean).join(' · ')}</p>
                  <p>
                    Điểm {formatScore(e.score, e.maxScore)} · {formatTimeTaken(e.timeTakenMs)} · nộp {formatDateTime(e.submittedAt)}
                  </p>
                  {flags.length > 0 && (
                    <>
                      <p className="h5">Dấu hiệu</p>
                      <ul>
                        {flags.map((f, i) => (
                          <li key={i}>{f}</li>
                        ))}
                      </ul>
                    </>
                  )}
                  {evidence.length > 0 && (
                    <details>
                      <summary>Bằng chứng</summary>
                      <ul>
                        {evidence.map((f, i) => (
                          <li key={i}>{f}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                  {(e.ip || e.userAgent) && <p className="field-hint">{[e.ip, e.userAgent].filter(Boolean).join(' · ')}</p>}
                  {e.voidReason && <p>Lý do hủy: {e.voidReason}</p>}
                  {acting?.id === id ? (
                    <ReasonForm
                      entry={e}
                      action={acting.action}
                      onCancel={() => setActing(null)}
                      onDone={() => {
                        setActing(null);
                        setOp({ message: acting.action === 'void' ? 'Đã hủy kết quả lượt thi.' : 'Đã khôi phục lượt thi.' });
                        entries.reload();
                        results.reload();
                      }}
                    />
                  ) : e.status === 'void' ? (
                    <Button kind="secondary" onClick={() => setActing({ id, action: 'reinstate' })}>
                      Khôi phục
                    </Button>
                  ) : (
                    <Button kind="danger" onClick={() => setActing({ id, action: 'void' })}>
                      Hủy kết quả
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="manage">
        <h2 id="manage">Đóng vòng và công bố</h2>
        <div className="actions">
          <Button kind="secondary" busy={op.busy === 'close'} onClick={() => setConfirm('close')} disabled={r?.status === 'closed' || r?.status === 'published'}>
            Đóng vòng thi
          </Button>
          <Button busy={op.busy === 'publish'} onClick={() => setConfirm('publish')} disabled={r?.status === 'published'}>
            Công bố kết quả
          </Button>
          <Button kind="secondary" busy={op.busy === 'export-xlsx'} onClick={() => void exportAs('xlsx')}>
            Tải kết quả (Excel)
          </Button>
          <Button kind="secondary" busy={op.busy === 'export-csv'} onClick={() => void exportAs('csv')}>
            Tải kết quả (CSV)
          </Button>
        </div>
        {confirm && (
          <div className="alert alert-warning" role="alertdialog" aria-labelledby="confirm-text">
            <p id="confirm-text">
              {confirm === 'close'
                ? 'Đóng vòng thi: không ai được bắt đầu hoặc nộp bài nữa. Tiếp tục?'
                : 'Công bố kết quả: bảng kết quả, đáp án và giải thích sẽ hiển thị cho người dự thi và không sửa được nữa (trừ đính chính có ghi nhật ký). Tiếp tục?'}
            </p>
            <div className="actions">
              <Button
                kind={confirm === 'close' ? 'danger' : 'primary'}
                autoFocus
                onClick={() => void (confirm === 'close' ? run('close', () => judgeApi.closeRound(roundId), 'Đã đóng vòng thi.') : run('publish', () => judgeApi.publishResults(roundId), 'Đã công bố kết quả.'))}
              >
                Đồng ý
              </Button>
              <Button kind="secondary" onClick={() => setConfirm(null)}>
                Thôi
              </Button>
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="results">
        <h2 id="results">Xếp hạng</h2>
        {results.loading && <Loading />}
        <ErrorMessage error={results.error} onRetry={results.reload} />
        {results.data && results.data.rows.length === 0 && <p>Chưa có kết quả (vòng thi cần được đóng trước).</p>}
        {results.data && results.data.rows.length > 0 && <ResultsTable rows={results.data.rows} showWhy />}
      </section>
      {r?.contestId && (
        <p>
          <Link to={paths.contestEdit(r.contestId)}>← Về cuộc thi</Link>
        </p>
      )}
    </>
  );
}
