import { useState } from 'react';
import type { ExportView } from '../shared/api/judging-types';
import { downloadFile } from '../shared/download';
import { useInterval } from '../shared/hooks';
import { SelectField } from '../shared/ui/Field';
import { Button, ErrorMessage, Notice } from '../shared/ui/Feedback';
import { judgeApi, judgeFiles } from './api';
import { exportPhase, exportProgressText } from './results-model';

const POLL_MS = 1500;

/** An export job as the API describes it, with what it holds in words (label). */
export type ExportJob = ExportView;

/** What a job holds, in words: the server's label, or one made from its scope and format. */
export const exportJobTitle = (job: ExportJob): string =>
  job.label || `${job.scope === 'winners' ? 'Người đạt giải' : 'Kết quả'} (${job.format.toUpperCase()})`;

/** A queued export's progress bar and, when done, its download button, both named for what the file holds. */
export function ExportJobView({ job, onDownload, busy }: { job: ExportJob; onDownload: () => void; busy?: boolean }) {
  const phase = exportPhase(job);
  const label = exportProgressText(job);
  const title = exportJobTitle(job);
  return (
    <div className="export-job" aria-live="polite">
      <p>
        <strong>{title}</strong>: {label}
      </p>
      {phase !== 'failed' && (
        <progress max={100} value={phase === 'waiting' ? undefined : (job.progress.percent ?? undefined)} aria-label={`Tiến độ xuất tệp: ${label}`}>
          {job.progress.percent ?? 0}%
        </progress>
      )}
      {phase === 'failed' && job.error && <p className="field-hint">Chi tiết: {job.error}</p>}
      {phase === 'done' && (
        <Button busy={busy} onClick={onDownload}>
          Tải về “{title}”
        </Button>
      )}
    </div>
  );
}

/**
 * Downloads: the ranking as XLSX / CSV straight from the API, the award decision and the
 * certificates as PDF, and for big rounds an export job the worker writes with progress.
 */
export function ExportsPanel({ roundId, hasResults }: { roundId: string; hasResults: boolean }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [scope, setScope] = useState<'ranking' | 'winners'>('ranking');
  const [job, setJob] = useState<ExportJob | null>(null);
  const [pollError, setPollError] = useState<unknown>(null);

  const fetchFile = async (name: string, path: string, query: Record<string, string>, fallback: string) => {
    setBusy(name);
    setError(null);
    try {
      await downloadFile(path, query, fallback);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const polling = job !== null && (exportPhase(job) === 'waiting' || exportPhase(job) === 'running');
  useInterval(
    () => {
      if (!job) return;
      judgeApi.exportStatus(job.id).then(
        (j) => {
          setJob(j);
          setPollError(null);
        },
        (e: unknown) => setPollError(e),
      );
    },
    polling ? POLL_MS : null,
  );

  const startJob = async () => {
    setBusy('job');
    setError(null);
    try {
      setJob(await judgeApi.requestExport(roundId, format, scope));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="downloads">
      <h2 id="downloads">Tải về</h2>
      {!hasResults && <Notice>Đóng vòng thi để có kết quả trước khi tải về.</Notice>}
      <div className="actions">
        <Button
          kind="secondary"
          disabled={!hasResults}
          busy={busy === 'xlsx'}
          onClick={() => void fetchFile('xlsx', judgeFiles.export(roundId), { format: 'xlsx' }, 'ket-qua.xlsx')}
        >
          Kết quả (Excel)
        </Button>
        <Button
          kind="secondary"
          disabled={!hasResults}
          busy={busy === 'csv'}
          onClick={() => void fetchFile('csv', judgeFiles.export(roundId), { format: 'csv' }, 'ket-qua.csv')}
        >
          Kết quả (CSV)
        </Button>
        <Button
          kind="secondary"
          disabled={!hasResults}
          busy={busy === 'decision'}
          onClick={() => void fetchFile('decision', judgeFiles.decision(roundId), {}, 'quyet-dinh-khen-thuong.pdf')}
        >
          Quyết định khen thưởng (PDF)
        </Button>
        <Button
          kind="secondary"
          disabled={!hasResults}
          busy={busy === 'certificates'}
          onClick={() => void fetchFile('certificates', judgeFiles.certificates(roundId), {}, 'giay-chung-nhan.pdf')}
        >
          Giấy chứng nhận (PDF)
        </Button>
      </div>
      <ErrorMessage error={error} />
      <h3 className="h4">Xuất tệp lớn</h3>
      <p className="field-hint">Với vòng thi đông người, máy chủ tạo tệp ở chế độ nền; bạn có thể theo dõi tiến độ và tải về khi xong.</p>
      <div className="row">
        <SelectField
          name="export-format"
          label="Định dạng"
          required
          value={format}
          onChange={(e) => setFormat(e.target.value as 'xlsx' | 'csv')}
          options={[
            { value: 'xlsx', label: 'Excel (XLSX)' },
            { value: 'csv', label: 'CSV' },
          ]}
        />
        <SelectField
          name="export-scope"
          label="Phạm vi"
          required
          value={scope}
          onChange={(e) => setScope(e.target.value as 'ranking' | 'winners')}
          options={[
            { value: 'ranking', label: 'Toàn bộ xếp hạng' },
            { value: 'winners', label: 'Người đạt giải' },
          ]}
        />
      </div>
      <Button kind="secondary" disabled={!hasResults || polling} busy={busy === 'job'} onClick={() => void startJob()}>
        Tạo tệp xuất
      </Button>
      {job && (
        <ExportJobView
          job={job}
          busy={busy === 'job-download'}
          onDownload={() => void fetchFile('job-download', judgeFiles.exportJob(job.id), {}, job.fileName ?? `ket-qua.${job.format}`)}
        />
      )}
      <ErrorMessage error={pollError} />
    </section>
  );
}
