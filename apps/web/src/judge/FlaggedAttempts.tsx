import { useEffect, useState, type FormEvent } from 'react';
import { describeError } from '../shared/api/errors';
import type { Page } from '../shared/api/types';
import { ATTEMPT_STATUS_LABEL, formatDateTime, formatScore, formatTimeTaken } from '../shared/format';
import { useLoad } from '../shared/hooks';
import { TextArea } from '../shared/ui/Field';
import { Pager } from '../shared/ui/Pager';
import { Button, ErrorMessage, Loading, Notice } from '../shared/ui/Feedback';
import { judgeApi, type StaffAttemptRow } from './api';
import { describeFlags } from './flags';

export const MIN_REASON = 5;

/** Void / reinstate / clear needs a reason: it goes to the audit log and to the person concerned. */
export function checkReason(reason: string): string | null {
  return reason.trim().length < MIN_REASON ? 'Ghi rõ lý do (ít nhất 5 ký tự). Lý do được lưu vào nhật ký kiểm tra.' : null;
}

export type ReviewAction = 'void' | 'reinstate' | 'clear';

const REVIEW_CALL: Record<ReviewAction, (id: string, reason: string) => Promise<unknown>> = {
  void: judgeApi.voidAttempt,
  reinstate: judgeApi.reinstate,
  clear: judgeApi.clearAttempt,
};
const REASON_LABEL: Record<ReviewAction, string> = {
  void: 'Lý do hủy kết quả',
  reinstate: 'Lý do khôi phục',
  clear: 'Lý do giữ kết quả (đã xem xét dấu hiệu bất thường)',
};
const CONFIRM_LABEL: Record<ReviewAction, string> = { void: 'Xác nhận hủy kết quả', reinstate: 'Xác nhận khôi phục', clear: 'Xác nhận giữ kết quả' };

export function ReasonForm({ attemptId, action, onDone, onCancel }: { attemptId: string; action: ReviewAction; onDone: () => void; onCancel: () => void }) {
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
      await REVIEW_CALL[action](attemptId, reason.trim());
      onDone();
    } catch (x) {
      setError(describeError(x));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextArea
        name={`reason-${action}-${attemptId}`}
        label={REASON_LABEL[action]}
        required
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={error ?? undefined}
        autoFocus
      />
      <div className="actions">
        <Button type="submit" kind={action === 'void' ? 'danger' : 'primary'} busy={busy}>
          {CONFIRM_LABEL[action]}
        </Button>
        <Button kind="secondary" onClick={onCancel}>
          Thôi
        </Button>
      </div>
    </form>
  );
}

/** Where the judges stand on an attempt's flags, in words. */
export function reviewText(e: Pick<StaffAttemptRow, 'review'>): { label: string; kind: 'warning' | 'success' } | null {
  switch (e.review.state) {
    case 'pending':
      return { label: 'Chưa xem xét', kind: 'warning' };
    case 'cleared':
      return { label: 'Đã xem xét, giữ kết quả', kind: 'success' };
    default:
      return null;
  }
}

/** One attempt with its flags and evidence; the void / reinstate / clear form opens in place. */
export function AttemptCard({
  e,
  acting,
  onAct,
  onDone,
  onCancel,
  updating = false,
}: {
  e: StaffAttemptRow;
  acting: ReviewAction | null;
  onAct: (a: ReviewAction) => void;
  onDone: () => void;
  onCancel: () => void;
  /** Reviewed a moment ago and not read back yet: its buttons would act on the state before. */
  updating?: boolean;
}) {
  const id = e.id;
  const flags = describeFlags(e.flags);
  const review = reviewText(e);
  const voidReason = e.status === 'void' ? e.review.reason : null;
  return (
    <li className="card">
      <h3 className="h4">
        {e.fullName} <span className={`badge badge-${e.status}`}>{ATTEMPT_STATUS_LABEL[e.status] ?? e.status}</span>
        {review && (
          <>
            {' '}
            <span className={`badge badge-${review.kind}`}>{review.label}</span>
          </>
        )}
      </h3>
      {(e.unit || e.province) && <p className="sub">{[e.unit, e.province].filter(Boolean).join(' · ')}</p>}
      <p>
        Lượt {e.attemptNo} · điểm {formatScore(e.score, e.maxScore)} · {formatTimeTaken(e.timeTakenMs)} · nộp {formatDateTime(e.submittedAt)}
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
          <li>Địa chỉ IP: {e.ip ?? '—'}</li>
          <li>Thiết bị: {e.deviceId ?? '—'}</li>
          <li>Trình duyệt: {e.userAgent ?? '—'}</li>
          <li>Số sự kiện ghi nhận khi làm bài (rời màn hình…): {e.events}</li>
        </ul>
      </details>
      {voidReason && <p>Lý do hủy: {voidReason}</p>}
      {e.review.state === 'cleared' && e.review.reason && (
        <p>
          Lý do giữ kết quả: {e.review.reason}
          {e.review.clearedAt ? ` (${formatDateTime(e.review.clearedAt)})` : ''}
        </p>
      )}
      {acting ? (
        <ReasonForm attemptId={id} action={acting} onCancel={onCancel} onDone={onDone} />
      ) : updating ? (
        <p className="sub">Đang cập nhật…</p>
      ) : e.status === 'void' ? (
        <Button kind="secondary" onClick={() => onAct('reinstate')}>
          Khôi phục
        </Button>
      ) : e.status === 'in_progress' ? null : (
        <div className="actions">
          {e.review.state === 'pending' && (
            <Button kind="secondary" onClick={() => onAct('clear')}>
              Giữ kết quả
            </Button>
          )}
          <Button kind="danger" onClick={() => onAct('void')}>
            Hủy kết quả
          </Button>
        </div>
      )}
    </li>
  );
}

export function AttemptList({
  page,
  flaggedOnly,
  acting,
  onAct,
  onDone,
  onCancel,
  updating = new Set(),
}: {
  page: Page<StaffAttemptRow>;
  flaggedOnly: boolean;
  acting: { id: string; action: ReviewAction } | null;
  onAct: (id: string, a: ReviewAction) => void;
  onDone: () => void;
  onCancel: () => void;
  updating?: ReadonlySet<string>;
}) {
  if (page.items.length === 0) return <p>Không có lượt thi nào{flaggedOnly ? ' bị gắn cờ' : ''}.</p>;
  return (
    <ul className="card-list">
      {page.items.map((e) => {
        const id = e.id;
        return (
          <AttemptCard
            key={id}
            e={e}
            acting={acting?.id === id ? acting.action : null}
            onAct={(a) => onAct(id, a)}
            onDone={onDone}
            onCancel={onCancel}
            updating={updating.has(id)}
          />
        );
      })}
    </ul>
  );
}

export const DONE_MESSAGE: Record<ReviewAction, string> = {
  void: 'Đã hủy kết quả lượt thi. Đóng vòng lại để tính lại xếp hạng.',
  reinstate: 'Đã khôi phục lượt thi. Đóng vòng lại để tính lại xếp hạng.',
  clear: 'Đã ghi nhận: giữ kết quả lượt thi. Xếp hạng không đổi.',
};

/** Quiz round: flagged attempts with their evidence; void, reinstate (before publication) or keep them, with a reason. */
export function FlaggedAttempts({ roundId, published }: { roundId: string; published: boolean }) {
  const [flaggedOnly, setFlaggedOnly] = useState(true);
  const [offset, setOffset] = useState(0);
  const limit = 20;
  const entries = useLoad(() => judgeApi.entries(roundId, flaggedOnly, limit, offset), [roundId, flaggedOnly, offset]);
  const [acting, setActing] = useState<{ id: string; action: ReviewAction } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [updating, setUpdating] = useState<ReadonlySet<string>>(new Set());
  // The list read back says each reviewed attempt's new state.
  useEffect(() => setUpdating(new Set()), [entries.data]);
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
            setMessage(DONE_MESSAGE[acting?.action ?? 'void']);
            if (acting) setUpdating((u) => new Set(u).add(acting.id));
            setActing(null);
            entries.reload();
          }}
          updating={updating}
        />
      )}
      {entries.data && <Pager offset={offset} limit={limit} total={entries.data.total} onOffset={setOffset} />}
    </section>
  );
}
