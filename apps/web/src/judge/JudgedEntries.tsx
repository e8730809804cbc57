import { useState, type FormEvent } from 'react';
import { paths } from '../app/routes';
import type { JudgedEntryRow } from '../shared/api/judging-types';
import type { Page } from '../shared/api/types';
import { formatDateTime } from '../shared/format';
import { useLoad } from '../shared/hooks';
import { Link } from '../shared/router';
import { TextArea } from '../shared/ui/Field';
import { Pager } from '../shared/ui/Pager';
import { Button, ErrorMessage, Loading, Notice } from '../shared/ui/Feedback';
import { judgeApi } from './api';
import { markingLabel } from './marking-model';

/** What the entry holds, in a few words: "văn bản · đường dẫn · tệp bai.pdf". */
export function contentLabel(e: Pick<JudgedEntryRow, 'hasText' | 'link' | 'file'>): string {
  return [e.hasText ? 'văn bản' : '', e.link ? 'đường dẫn' : '', e.file ? `tệp ${e.file.name}` : ''].filter(Boolean).join(' · ') || 'trống';
}

export function JudgedEntryList({ page, flaggedOnly }: { page: Page<JudgedEntryRow>; flaggedOnly: boolean }) {
  if (page.items.length === 0) return <p>{flaggedOnly ? 'Không có bài nào cần trưởng ban thống nhất điểm.' : 'Chưa có bài dự thi nào.'}</p>;
  return (
    <ul className="card-list">
      {page.items.map((e) => (
        <li key={e.id} className="card">
          <h3 className="h4">
            <Link to={paths.judgeEntry(e.id)}>{e.fullName || 'Bài dự thi'}</Link>{' '}
            {e.flagged ? (
              <span className="badge badge-void">Cần thống nhất điểm</span>
            ) : e.markedByMe ? (
              <span className="badge badge-open">Bạn đã chấm</span>
            ) : null}
          </h3>
          {e.unit && <p className="sub">{e.unit}</p>}
          <p>
            Nộp {formatDateTime(e.submittedAt)}
            {e.version > 1 ? ` (lần ${e.version})` : ''} · {contentLabel(e)}
          </p>
          <p>{markingLabel(e)}</p>
          <Link className="btn btn-secondary" to={paths.judgeEntry(e.id)}>
            {e.markedByMe ? 'Xem bài và điểm' : 'Xem bài và chấm'}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Judged round: the entries with their marking state, flagged ones (judges disagree) first. */
export function JudgedEntries({ roundId }: { roundId: string }) {
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [offset, setOffset] = useState(0);
  const limit = 20;
  const entries = useLoad(() => judgeApi.judgedEntries(roundId, flaggedOnly, limit, offset), [roundId, flaggedOnly, offset]);
  return (
    <section aria-labelledby="entries">
      <h2 id="entries">Bài dự thi</h2>
      <p className="field-hint">Chấm độc lập: bạn chỉ thấy điểm của giám khảo khác khi tất cả giám khảo đã nộp điểm bài đó.</p>
      <label className="option inline">
        <input
          type="checkbox"
          checked={flaggedOnly}
          onChange={(e) => {
            setFlaggedOnly(e.target.checked);
            setOffset(0);
          }}
        />{' '}
        Chỉ hiện bài cần trưởng ban thống nhất điểm
      </label>
      {entries.loading && <Loading />}
      <ErrorMessage error={entries.error} onRetry={entries.reload} />
      {entries.data && <JudgedEntryList page={entries.data} flaggedOnly={flaggedOnly} />}
      {entries.data && <Pager offset={offset} limit={limit} total={entries.data.total} onOffset={setOffset} />}
    </section>
  );
}

/** A judge with a conflict of interest steps back from the round (audited; their marks stop counting). */
export function RecuseForm({ roundId, onDone }: { roundId: string; onDone?: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return setProblem('Ghi lý do rút khỏi việc chấm (ít nhất 3 ký tự), ví dụ người dự thi là người thân của bạn.');
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      await judgeApi.recuse(roundId, reason.trim());
      setDone(true);
      onDone?.();
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };
  if (done)
    return (
      <Notice kind="success" live>
        Bạn đã rút khỏi việc chấm vòng thi này. Điểm bạn đã cho không còn được tính.
      </Notice>
    );
  return (
    <section aria-labelledby="recuse">
      <h2 id="recuse">Xung đột lợi ích</h2>
      {!open ? (
        <Button kind="secondary" onClick={() => setOpen(true)}>
          Xin rút khỏi việc chấm vòng này
        </Button>
      ) : (
        <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
          <TextArea
            name="recuse-reason"
            label="Lý do rút khỏi việc chấm"
            hint="Được ghi vào nhật ký. Điểm bạn đã cho sẽ không còn được tính và bạn không xem được bài của vòng này nữa."
            required
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={problem ?? undefined}
            autoFocus
          />
          <ErrorMessage error={error} />
          <div className="actions">
            <Button type="submit" kind="danger" busy={busy}>
              Xác nhận rút
            </Button>
            <Button kind="secondary" onClick={() => setOpen(false)}>
              Thôi
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
