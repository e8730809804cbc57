import { useState, type FormEvent } from 'react';
import { paths } from '../../app/routes';
import { ApiError } from '../../shared/api/errors';
import type { EntryView } from '../../shared/api/judging-types';
import { downloadFile } from '../../shared/download';
import { formatDateTime } from '../../shared/format';
import { useDocumentTitle, useLoad } from '../../shared/hooks';
import { Link } from '../../shared/router';
import { Button, ErrorMessage, ErrorSummary, Loading, Notice, PageTitle } from '../../shared/ui/Feedback';
import { residentApi } from '../api';
import { handInApi } from './api';
import { checkHandIn, DEFAULT_MAX_BYTES, formatSize, handInPhase } from './handin-model';
import { HandInFields, MyEntryCard, MyMarks, type HandInValues } from './HandInParts';
import { KIND_LABEL, RoundBrief, useBrief } from './RoundBrief';
import type { HandInKind } from '../../shared/api/jury-types';

const LABELS = { text: 'Nội dung', link: 'Đường dẫn', file: 'Tệp đính kèm', dropOldFile: 'Tệp đã nộp' };

/** The server's limit when a 413 names it. */
function limitFrom(e: unknown): number | null {
  if (!(e instanceof ApiError) || e.code !== 'file_too_large' || !e.details || typeof e.details !== 'object') return null;
  const n = (e.details as { maxBytes?: unknown }).maxBytes;
  return typeof n === 'number' ? n : null;
}

function HandInForm({
  roundId,
  existing,
  onSaved,
  kinds,
}: {
  roundId: string;
  existing: EntryView | null;
  onSaved: (e: EntryView, replaced: boolean) => void;
  kinds?: HandInKind[];
}) {
  const [values, setValues] = useState<HandInValues>({ text: existing?.text ?? '', link: existing?.link ?? '', file: null, dropOldFile: false });
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [maxBytes, setMaxBytes] = useState(DEFAULT_MAX_BYTES);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = checkHandIn(values, maxBytes);
    const errs = { ...c.errors };
    if (existing?.file && !values.file && !values.dropOldFile) errs.dropOldFile = 'Chọn lại tệp, hoặc đánh dấu ô này nếu muốn bỏ tệp đã nộp.';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setServerError(null);
    setProgress(file ? 0 : null);
    try {
      const saved = await handInApi.handIn(roundId, { text: c.text, link: c.link, file }, (f) => setProgress(f));
      onSaved(saved, Boolean(existing));
    } catch (x) {
      const limit = limitFrom(x);
      if (limit) {
        setMaxBytes(limit);
        setErrors({ file: `Tệp vượt giới hạn ${formatSize(limit)}.` });
      }
      setServerError(x);
    } finally {
      setProgress(null);
    }
  };
  const busy = progress !== null;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="hand-in" className="panel">
      <h2 id="hand-in">{existing ? 'Nộp lại (thay bài cũ)' : 'Nộp bài dự thi'}</h2>
      <p className="field-hint">
        Bài gồm {kinds ? kinds.map((k) => KIND_LABEL[k]).join(', ') : 'nội dung, đường dẫn hoặc tệp'} (một hoặc nhiều thứ). Mỗi lần nộp thay thế toàn bộ bài
        trước đó.
      </p>
      <p className="field-hint">Hạn nộp tính đến lúc bài tải lên xong: tệp lớn hãy nộp sớm.</p>
      <ErrorSummary errors={errors} labels={LABELS} serverError={serverError} />
      <HandInFields
        values={values}
        errors={errors}
        existing={existing}
        kinds={kinds}
        maxBytes={maxBytes}
        onText={(text) => setValues({ ...values, text })}
        onLink={(link) => setValues({ ...values, link })}
        onDropOldFile={(dropOldFile) => setValues({ ...values, dropOldFile })}
        onFile={(ev) => {
          const f = ev.target.files?.[0] ?? null;
          setFile(f);
          setValues({ ...values, file: f ? { name: f.name, size: f.size } : null });
          if (errors.file) setErrors({ ...errors, file: '' });
        }}
      />
      {progress !== null && file && (
        <p aria-live="polite">
          <label htmlFor="upload-progress">Đang tải lên {Math.round(progress * 100)}%</label> <progress id="upload-progress" max={1} value={progress} />
        </p>
      )}
      <Button type="submit" busy={busy}>
        {existing ? 'Nộp lại' : 'Nộp bài'}
      </Button>
    </form>
  );
}

/** The rapporteur's page for a judged round: hand in, replace until the deadline, then the marks. */
export function HandInPage({ roundId }: { roundId: string }) {
  const round = useLoad(() => residentApi.round(roundId), [roundId]);
  const entry = useLoad(() => handInApi.myEntry(roundId), [roundId]);
  const brief = useBrief(roundId);
  const published = round.data?.status === 'published';
  const marks = useLoad(async () => (published && entry.data ? handInApi.marks(entry.data.id) : null), [published, entry.data?.id]);
  const [saved, setSaved] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  useDocumentTitle('Nộp bài dự thi');

  if (round.loading || entry.loading) return <Loading />;
  if (round.error || !round.data) return <ErrorMessage error={round.error} onRetry={round.reload} />;
  const r = round.data;
  if (r.kind !== 'judged')
    return (
      <Notice>
        Vòng thi này là trắc nghiệm. <Link to={paths.round(roundId)}>Về trang vòng thi</Link>
      </Notice>
    );
  const phase = handInPhase(r, Date.now());
  const mine = entry.data ?? null;
  const download = async () => {
    if (!mine) return;
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadFile(handInApi.fileUrl(mine.id), {}, mine.file?.name ?? 'bai-du-thi');
    } catch (x) {
      setDownloadError(x);
    } finally {
      setDownloading(false);
    }
  };
  const notEntrant = entry.error instanceof ApiError && (entry.error.code === 'not_registered' || entry.error.code === 'not_enrolled');

  return (
    <>
      <PageTitle sub={`Hạn nộp: ${formatDateTime(r.closesAt)} (giờ Việt Nam)`}>{r.title}</PageTitle>
      {saved && (
        <Notice kind="success" live>
          {saved}
        </Notice>
      )}
      {!notEntrant && <ErrorMessage error={entry.error} onRetry={entry.reload} />}
      {brief.data && <RoundBrief brief={brief.data} />}
      {mine && <MyEntryCard entry={mine} onDownload={() => void download()} downloading={downloading} />}
      <ErrorMessage error={downloadError} />
      {phase === 'upcoming' && <Notice>Vòng thi nhận bài từ {formatDateTime(r.opensAt)}.</Notice>}
      {phase === 'closed' && !published && (
        <Notice>{mine ? 'Đã hết hạn nộp bài. Ban giám khảo đang chấm.' : 'Đã hết hạn nộp bài. Bạn chưa nộp bài cho vòng này.'}</Notice>
      )}
      {phase === 'open' && !entry.error && (
        <HandInForm
          key={mine?.version ?? 0}
          roundId={roundId}
          existing={mine}
          kinds={brief.data?.handInKinds}
          onSaved={(e, replaced) => {
            entry.setData(e);
            setSaved(replaced ? 'Đã nộp lại. Bài mới đã thay bài cũ.' : 'Đã nộp bài. Bạn có thể nộp lại để thay bài cho đến hạn nộp.');
          }}
        />
      )}
      {phase === 'open' && entry.error instanceof ApiError && entry.error.code === 'not_registered' && r.contestId && (
        <Notice kind="warning">
          Bạn cần đăng ký tham gia cuộc thi trước khi nộp bài. <Link to={paths.join(r.contestId)}>Đăng ký tham gia</Link>
        </Notice>
      )}
      {published && marks.data && <MyMarks marks={marks.data} />}
      <ErrorMessage error={marks.error} onRetry={marks.reload} />
      {published && (
        <p>
          <Link className="btn btn-secondary" to={paths.results(roundId)}>
            Kết quả vòng thi
          </Link>
        </p>
      )}
      <p>
        <Link to={paths.round(roundId)}>← Về vòng thi</Link>
      </p>
    </>
  );
}
