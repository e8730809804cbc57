import { useState, type FormEvent } from 'react';
import { describeError } from '../shared/api/errors';
import type { Page } from '../shared/api/types';
import { ATTEMPT_STATUS_LABEL, formatDateTime, formatScore, formatTimeTaken } from '../shared/format';
import { useLoad } from '../shared/hooks';
import { TextArea } from '../shared/ui/Field';
import { Pager } from '../shared/ui/Pager';
import { Button, ErrorMessage, Loading, Notice } from '../shared/ui/Feedback';
import { judgeApi, type EntryRow } from './api';
import { describeFlags } from './flags';

export const MIN_REASON = 5;

/** Void / reinstate needs a reason: it goes to the audit log and to the person concerned. */
export function checkReason(reason: string): string | null {
  return reason.trim().length < MIN_REASON ? 'Ghi rõ lý do (ít nhất 5 ký tự). Lý do được lưu vào nhật ký kiểm tra.' : null;
}

function ReasonForm({ attemptId, action, onDone, onCancel }: { attemptId: string; action: 'void' | 'reinstate'; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = checkReason(reason);
    if (problem) return setError(problem);
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

/** One attempt with its flags and evidence; the void / reinstate form opens in place. */
export function AttemptCard({ e, acting, onAct, onDone, onCancel }: { e: EntryRow; acting: 'void' | 'reinstate' | null; onAct: (a: 'void' | 'reinstate') => void; onDone: () => void; onCancel: () => void }) {
  const id = e.attemptId ?? e.id;
  const flags = describeFlags(e.flags);
  const evidence = describeFlags(e.evidence);
  return (
    <li className="card">
      <h3 className="h4">
        {e.fullName ?? e.displayName ?? 'Người dự thi'} <span className={`badge badge-${e.status}`}>{ATTEMPT_STATUS_LABEL[e.status ?? ''] ?? e.status}</span>
      </h3>
      {(e.unit || e.province) && <p className="sub">{[e.unit, e.province].filter(Boolean).join(' · ')}</p>}
      <p>
        Lượt {e.attemptNo ?? '—'} · điểm {formatScore(e.score, e.maxScore)} · {formatTimeTaken(e.timeTakenMs)} · nộp {formatDateTime(e.submittedAt)}
      </p>
      {flags.length > 0 && (
        <>
          <p className="h5">Dấu hiệu bất thường</p>
          <ul>
            {flags.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>Bằng chứng kỹ thuật</summary>
        <ul>
          {evidence.map((f, i) => (
            <li key={`e${i}`}>{f}</li>
          ))}
          <li>Địa chỉ IP: {e.ip ?? '—'}</li>
          <li>Thiết bị: {e.deviceId ?? '—'}</li>
          <li>Trình duyệt: {e.userAgent ?? '—'}</li>
          <li>Số sự kiện ghi nhận khi làm bài (rời màn hình…): {e.events ?? 0}</li>
        </ul>
      </details>
      {e.voidReason && <p>Lý do hủy: {e.voidReason}</p>}
      {acting ? (
        <ReasonForm attemptId={id} action={acting} onCancel={onCancel} onDone={onDone} />
      ) : e.status === 'void' ? (
        <Button kind="secondary" onClick={() => onAct('reinstate')}>
          Khôi phục
        </Button>
      ) : e.status === 'in_progress' ? null : (
        <Button kind="danger" onClick={() => onAct('void')}>
          Hủy kết quả
        </Button>
      )}
    </li>
  );
}

export function AttemptList({ page, flaggedOnly, acting, onAct, onDone, onCancel }: { page: Page<EntryRow>; flaggedOnly: boolean; acting: { id: string; action: 'void' | 'reinstate' } | null; onAct: (id: string, a: 'void' | 'reinstate') => void; onDone: () => void; onCancel: () => void }) {
  if (page.items.length === 0) return <p>Không có lượt thi nào{flaggedOnly ? ' bị gắn cờ' : ''}.</p>;
  return (
    <ul className="card-list">
      {page.items.map((e) => {
        const id = e.attemptId ?? e.id;
        return <AttemptCard key={id} e={e} acting={acting?.id === id ? acting.action : null} onAct={(a) => onAct(id, a)} onDone={onDone} onCancel={onCancel} />;
      })}
    </ul>
  );
}

/** Quiz round: flagged attempts with their evidence; void and reinstate with a reason (before publication). */
export function FlaggedAttempts({ roundId, published }: { roundId: string; published: boolean }) {
  const [flaggedOnly, setFlaggedOnly] = useState(true);
  const [offset, setOffset] = useState(0);
  const limit = 20;
  const entries = useLoad(() => judgeApi.entries(roundId, flaggedOnly, limit, offset), [roundId, flaggedOnly, offset]);
  const [acting, setActing] = useState<{ id: string; action: 'void' | 'reinstate' } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="flagged">
      <h2 id="flagged">{flaggedOnly ? 'Lượt thi bị gắn cờ' : 'Tất cả lượt thi'}</h2>
      {published && <Notice kind="info">Kết quả đã công bố: hủy hoặc khôi phục lượt thi bây giờ cần làm qua “Đính chính kết quả”.</Notice>}
      <label className="option inline">
        <input
          type="checkbox"
          checked={flaggedOnly}
          onChange={(e) => {
            setFlaggedOnly(e.target.checked);
            setOffset(0);
          }}
        />{' '}
        Chỉ hiện lượt thi bị gắn cờ
      </label>
      {message && (
        <Notice kind="success" live>
          {message}
        </Notice>
      )}
      {entries.loading && <Loading />}
      <ErrorMessage error={entries.error} onRetry={entries.reload} />
      {entries.data && (
        <AttemptList
          page={entries.data}
          flaggedOnly={flaggedOnly}
          acting={acting}
          onAct={(id, action) => setActing({ id, action })}
          onCancel={() => setActing(null)}
          onDone={() => {
            setMessage(acting?.action === 'void' ? 'Đã hủy kết quả lượt thi. Đóng vòng lại để tính lại xếp hạng.' : 'Đã khôi phục lượt thi. Đóng vòng lại để tính lại xếp hạng.');
            setActing(null);
            entries.reload();
          }}
        />
      )}
      {entries.data && <Pager offset={offset} limit={limit} total={entries.data.total} onOffset={setOffset} />}
    </section>
  );
}
