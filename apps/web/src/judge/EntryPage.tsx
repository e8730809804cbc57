import { useState, type FormEvent } from 'react';
import { paths } from '../app/routes';
import type { EntryMarks, MarkingSummary, RubricCriterion } from '../shared/api/judging-types';
import { downloadFile } from '../shared/download';
import { useDocumentTitle, useLoad, useSession } from '../shared/hooks';
import { Link } from '../shared/router';
import { TextArea } from '../shared/ui/Field';
import { Button, ErrorMessage, ErrorSummary, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { judgeApi, judgeFiles } from './api';
import { EntryFactsForm } from './EntryFacts';
import { fixedRules } from './entry-facts-model';
import { EntrySubmission, MarksPanel, RubricFields } from './EntryParts';
import { residentApi } from '../resident/api';
import { markingWindow } from './marking-window';
import { checkMarks, checkReconcile, entryTitleSub, formatPoints, initialValues, MAX_COMMENT, staffRole } from './marking-model';

/** The judge's rubric form: every criterion, its maximum, the running total, a comment. */
export function RubricForm({
  entryId,
  rubric,
  own,
  onSaved,
  closedReason,
}: {
  entryId: string;
  rubric: RubricCriterion[];
  own?: { scores: Record<string, number>; comment: string | null };
  onSaved: (m: EntryMarks) => void;
  closedReason?: string;
}) {
  const [values, setValues] = useState(() => initialValues(rubric, own?.scores));
  const [comment, setComment] = useState(own?.comment ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const live = checkMarks(rubric, values, comment);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = checkMarks(rubric, values, comment);
    setErrors(c.errors);
    if (Object.keys(c.errors).length) return;
    setBusy(true);
    setServerError(null);
    try {
      onSaved(await judgeApi.submitMarks(entryId, c.scores, c.comment));
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };
  const labels = Object.fromEntries(rubric.map((c) => [`score-${c.key}`, c.label]));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="rubric">
      <h2 id="rubric">{own ? 'Sửa điểm của bạn' : 'Chấm điểm'}</h2>
      {closedReason && <Notice kind="info">{closedReason}</Notice>}
      <fieldset disabled={Boolean(closedReason)} className="group">
        <legend className="visually-hidden">Điểm theo tiêu chí</legend>
        <ErrorSummary
          errors={Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === 'comment' ? 'comment' : `score-${k}`, v]))}
          labels={{ ...labels, comment: 'Nhận xét' }}
          serverError={serverError}
        />
        <RubricFields
          rubric={rubric}
          values={values}
          errors={errors}
          onChange={(k, v) => {
            setValues({ ...values, [k]: v });
            if (errors[k]) setErrors({ ...errors, [k]: '' });
          }}
        />
        <p aria-live="polite">
          Tổng: <strong>{formatPoints(live.total)}</strong> / {formatPoints(rubric.reduce((s, c) => s + c.maxPoints, 0))} điểm
        </p>
        <TextArea
          name="comment"
          label="Nhận xét"
          hint={`Người dự thi đọc được nhận xét (không kèm tên giám khảo) sau khi công bố kết quả. Tối đa ${MAX_COMMENT} ký tự.`}
          rows={4}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={errors.comment}
        />
        <Button type="submit" busy={busy}>
          {own ? 'Lưu điểm mới' : 'Nộp điểm'}
        </Button>
      </fieldset>
    </form>
  );
}

/** The head judge settles an entry the judges disagree on: keep the aggregate, or give final marks. */
export function ReconcileForm({
  entryId,
  rubric,
  marking,
  onDone,
}: {
  entryId: string;
  rubric: RubricCriterion[];
  marking: MarkingSummary;
  onDone: () => void;
}) {
  const [mode, setMode] = useState<'accept' | 'marks'>('accept');
  const [reason, setReason] = useState('');
  const [values, setValues] = useState(() => initialValues(rubric, undefined));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = checkReconcile(rubric, mode, reason, values);
    setErrors(c.errors);
    if (!c.body) return;
    setBusy(true);
    setServerError(null);
    try {
      await judgeApi.reconcile(entryId, c.body);
      onDone();
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="reconcile" className="panel">
      <h2 id="reconcile">Thống nhất điểm (trưởng ban giám khảo)</h2>
      <p>
        Các giám khảo chênh nhau {formatPoints(marking.gap)} điểm. Điểm tổng hợp hiện tại: <strong>{formatPoints(marking.aggregate)}</strong>.
      </p>
      <fieldset>
        <legend>Cách thống nhất</legend>
        <label className="option">
          <input type="radio" name="reconcile-mode" checked={mode === 'accept'} onChange={() => setMode('accept')} /> Giữ điểm tổng hợp
        </label>
        <label className="option">
          <input type="radio" name="reconcile-mode" checked={mode === 'marks'} onChange={() => setMode('marks')} /> Cho điểm cuối theo từng tiêu chí
        </label>
      </fieldset>
      {mode === 'marks' && (
        <RubricFields rubric={rubric} values={values} errors={errors} prefix="final" onChange={(k, v) => setValues({ ...values, [k]: v })} />
      )}
      <TextArea
        name="reconcile-reason"
        label="Lý do"
        hint="Được ghi vào nhật ký cùng các điểm đã thống nhất."
        required
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason}
      />
      <ErrorMessage error={serverError} />
      <Button type="submit" busy={busy}>
        Xác nhận thống nhất
      </Button>
    </form>
  );
}

export function EntryPage({ entryId }: { entryId: string }) {
  const session = useSession();
  const entry = useLoad(() => judgeApi.entry(entryId), [entryId]);
  const roundId = entry.data?.roundId;
  const jury = useLoad(async () => (roundId ? judgeApi.jury(roundId) : undefined), [roundId]);
  const marks = useLoad(() => judgeApi.marks(entryId), [entryId]);
  const round = useLoad(async () => (roundId ? residentApi.round(roundId) : undefined), [roundId]);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useDocumentTitle('Chấm bài dự thi');

  if (entry.loading) return <Loading />;
  if (entry.error || !entry.data) return <ErrorMessage error={entry.error} onRetry={entry.reload} />;
  const e = entry.data;
  const me = session?.user.id ?? '';
  const role = staffRole(String(session?.user.role ?? ''), me, jury.data?.headJudgeUserId);
  const own = marks.data?.marks.find((m) => m.judgeUserId === me);
  const rubric = jury.data?.rubric ?? [];
  const marking = round.data ? markingWindow(round.data, Date.now()) : null;

  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadFile(judgeFiles.entryFile(e.id), {}, e.file?.name ?? 'bai-du-thi');
    } catch (x) {
      setDownloadError(x);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <PageTitle sub={entryTitleSub(e, role)}>Chấm bài dự thi</PageTitle>
      <EntrySubmission
        entry={e}
        onDownload={() => void download()}
        downloading={downloading}
        breachLabels={Object.fromEntries(fixedRules(jury.data?.penalties ?? []).map((r) => [r.code, r.label]))}
      />
      <ErrorMessage error={downloadError} />
      {saved && (
        <Notice kind="success" live>
          {saved}
        </Notice>
      )}
      {jury.loading && <Loading />}
      <ErrorMessage error={jury.error} onRetry={jury.reload} />
      {jury.data && rubric.length === 0 && <Notice kind="warning">Ban tổ chức chưa thiết lập tiêu chí chấm.</Notice>}
      {role !== 'organiser' && jury.data && rubric.length > 0 && marks.data && (
        <RubricForm
          key={own?.submittedAt ?? 'new'}
          entryId={e.id}
          rubric={rubric}
          own={own}
          closedReason={marking && !marking.open ? marking.reason : undefined}
          onSaved={(m) => {
            marks.setData(m);
            setSaved('Đã lưu điểm của bạn.');
          }}
        />
      )}
      {role === 'organiser' && jury.data && (
        <EntryFactsForm
          entry={e}
          rules={jury.data.penalties}
          penalties={marks.data?.marking?.penalties}
          published={round.data?.status === 'published'}
          onSaved={(saved) => {
            entry.setData(saved);
            marks.reload();
            setSaved('Đã lưu thời lượng trình bày và vi phạm. Điểm trừ đã được tính lại.');
          }}
        />
      )}
      {marks.loading && <Loading />}
      <ErrorMessage error={marks.error} onRetry={marks.reload} />
      {marks.data && jury.data && <MarksPanel marks={marks.data} rubric={rubric} role={role} meId={me} />}
      {role === 'head' && marks.data?.marking?.needsReconciliation && jury.data && (
        <ReconcileForm
          entryId={e.id}
          rubric={rubric}
          marking={marks.data.marking}
          onDone={() => {
            setSaved('Đã thống nhất điểm.');
            marks.reload();
          }}
        />
      )}
      <p>
        <Link to={paths.judgeRound(e.roundId)}>← Về danh sách bài của vòng thi</Link>
      </p>
    </>
  );
}
