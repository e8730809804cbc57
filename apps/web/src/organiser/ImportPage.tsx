import { useEffect, useRef, useState, type FormEvent } from 'react';
import { paths } from '../app/routes';
import { ApiError } from '../shared/api/errors';
import { downloadFile } from '../shared/download';
import { useDocumentTitle, useLoad } from '../shared/hooks';
import { Link } from '../shared/router';
import { SelectField } from '../shared/ui/Field';
import { Button, ErrorMessage, Notice, PageTitle } from '../shared/ui/Feedback';
import { guessFormat, IMPORT_FORMATS, organiserApi, type ImportFormat, type ImportReport } from './api';
import { columnsProblem, TEMPLATE_COLUMNS_VI, type ColumnsProblem } from './import-columns';
import { importProblemText, importRefText } from './import-problems';

/** A report as the page shows it: from the import's answer, or from a refusal's details (all or nothing). */
type ShownReport = Pick<ImportReport, 'imported' | 'skipped' | 'errors'> & Partial<Pick<ImportReport, 'duplicates' | 'warnings'>> & { dry: boolean };

/** A whole file refused (400 import_file_refused, 413 import_too_large): the server's reason, in Vietnamese. */
export function refusedFileText(x: unknown): string | null {
  if (!(x instanceof ApiError) || (x.code !== 'import_file_refused' && x.code !== 'import_too_large')) return null;
  return `Không nhập được tệp: ${importProblemText(x.message)}`;
}

/**
 * A new file's name decides the format when it can: an .xlsx chosen after a .csv must not
 * stay "CSV". A .txt may be GIFT or Aiken, so an Aiken choice stays.
 */
export function nextFormat(fileName: string, current: ImportFormat | ''): ImportFormat | '' {
  const guess = guessFormat(fileName);
  if (!guess || (guess === 'gift' && current === 'aiken')) return current;
  return guess;
}

/**
 * Import questions from a file. "Kiểm tra" runs the import as a dry run and shows every
 * problem row by row; nothing is half-imported, so a file with errors imports nothing.
 */
export function ImportPage({ bankId }: { bankId: string }) {
  const bank = useLoad(() => organiserApi.bank(bankId), [bankId]);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [report, setReport] = useState<ShownReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refused = refusedFileText(error);
  const columns = columnsProblem(error);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'dry' | 'real' | null>(null);
  useDocumentTitle('Nhập câu hỏi');

  const run = async (dry: boolean, e?: FormEvent) => {
    e?.preventDefault();
    setError(null);
    setFileError(null);
    if (!file) {
      setFileError('Chọn tệp câu hỏi.');
      document.getElementById('import-file')?.focus();
      return;
    }
    if (!format) {
      setFileError('Chọn định dạng tệp.');
      return;
    }
    setBusy(dry ? 'dry' : 'real');
    try {
      const r = await organiserApi.importQuestions(bankId, file, format, dry);
      setReport({ imported: r.imported ?? 0, skipped: r.skipped ?? [], errors: r.errors ?? [], duplicates: r.duplicates, warnings: r.warnings, dry });
    } catch (x) {
      // All or nothing: a file with problems is refused (400 import_invalid) with the full report.
      const d =
        x instanceof ApiError && x.code === 'import_invalid' && x.details && typeof x.details === 'object' ? (x.details as Partial<ImportReport>) : null;
      if (d && Array.isArray(d.errors)) {
        setReport({ imported: 0, skipped: d.skipped ?? [], errors: d.errors, duplicates: d.duplicates, warnings: d.warnings, dry });
      } else {
        setReport(null);
        setError(x);
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageTitle sub={bank.data?.name}>Nhập câu hỏi từ tệp</PageTitle>
      {columns && <ColumnsRefusal problem={columns} />}
      <p>
        Hỗ trợ Excel/CSV theo tệp mẫu, Moodle GIFT, Moodle XML và Aiken. Hãy bấm <strong>Kiểm tra</strong> trước: hệ thống báo lỗi từng dòng mà chưa lưu gì.
      </p>
      <TemplatePanel />
      <form className="panel" onSubmit={(e) => void run(true, e)} noValidate>
        <div className={`field${fileError && !file ? ' has-error' : ''}`}>
          <label htmlFor="import-file" className="field-label">
            Tệp câu hỏi{' '}
            <span aria-hidden="true" className="req">
              *
            </span>
          </label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv,.txt,.gift,.xml"
            aria-describedby={fileError ? 'import-file-error' : undefined}
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              setReport(null);
              if (f) setFormat(nextFormat(f.name, format));
            }}
          />
        </div>
        <SelectField
          name="format"
          label="Định dạng"
          required
          placeholder="— Chọn định dạng —"
          options={IMPORT_FORMATS.map((f) => ({ value: f.value, label: f.label }))}
          value={format}
          onChange={(e) => setFormat(e.target.value as ImportFormat)}
        />
        {fileError && (
          <p id="import-file-error" className="field-error" role="alert">
            ⚠ {fileError}
          </p>
        )}
        <div className="actions">
          <Button type="submit" kind="secondary" busy={busy === 'dry'} disabled={busy !== null}>
            Kiểm tra
          </Button>
          <Button busy={busy === 'real'} disabled={busy !== null || (report !== null && report.errors.length > 0)} onClick={() => void run(false)}>
            Nhập vào ngân hàng
          </Button>
        </div>
      </form>
      {columns ? null : refused ? (
        <Notice kind="error" live>
          {refused}
        </Notice>
      ) : (
        <ErrorMessage error={error} />
      )}
      {report && <ImportReportView report={report} bankId={bankId} />}
    </>
  );
}

/** The template downloads, and the columns the importer reads (English names work too). */
export function TemplatePanel() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const get = async (format: 'xlsx' | 'csv', lang: 'vi' | 'en') => {
    setBusy(`${format}-${lang}`);
    setError(null);
    try {
      await downloadFile('/question-banks/import-template', { format, lang }, `${lang === 'vi' ? 'mau-nhap-cau-hoi' : 'question-template'}.${format}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="panel" aria-labelledby="template-title">
      <h2 id="template-title" className="h3">
        Tệp mẫu
      </h2>
      <p>
        Tệp mẫu có sẵn dòng tiêu đề và một câu ví dụ cho mỗi loại câu hỏi; tệp Excel có thêm trang “Hướng dẫn” giải thích từng cột. Thay các dòng ví dụ bằng câu
        hỏi của bạn rồi nhập.
      </p>
      <div className="actions">
        <Button kind="secondary" busy={busy === 'xlsx-vi'} onClick={() => void get('xlsx', 'vi')}>
          Tải tệp mẫu Excel
        </Button>
        <Button kind="secondary" busy={busy === 'csv-vi'} onClick={() => void get('csv', 'vi')}>
          Tải tệp mẫu CSV
        </Button>
      </div>
      <p className="field-hint">
        Cột bắt buộc: {TEMPLATE_COLUMNS_VI.required.join(', ')}. Cột khác: {TEMPLATE_COLUMNS_VI.optional.join(', ')}. Tên cột không phân biệt chữ hoa, dấu hay
        khoảng trắng; tên tiếng Anh như tệp xuất ngân hàng (type, question, option_a…, correct) cũng được nhận.
      </p>
      <p>
        <Button kind="link" busy={busy === 'xlsx-en'} onClick={() => void get('xlsx', 'en')}>
          Tải tệp mẫu với tên cột tiếng Anh
        </Button>
      </p>
      <ErrorMessage error={error} />
    </section>
  );
}

/** A file refused for its header: one message at the top of the page, focused so it is read first. */
export function ColumnsRefusal({ problem }: { problem: ColumnsProblem }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [problem]);
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref} id="import-columns-error">
      <p>{problem.summary}</p>
      {problem.accepted.length > 0 && (
        <details>
          <summary>Các tên cột được chấp nhận</summary>
          <p>{problem.accepted.join(', ')}</p>
        </details>
      )}
    </div>
  );
}

export function ImportReportView({ report, bankId }: { report: ShownReport; bankId: string }) {
  const ok = report.errors.length === 0;
  return (
    <section aria-labelledby="report-title" className="panel">
      <h2 id="report-title" tabIndex={-1}>
        {report.dry ? 'Kết quả kiểm tra' : 'Kết quả nhập'}
      </h2>
      <Notice kind={ok ? 'success' : 'error'} live>
        {report.dry
          ? ok
            ? `Tệp hợp lệ: có thể nhập ${report.imported} câu hỏi${report.skipped.length ? `, bỏ qua ${report.skipped.length}` : ''}.`
            : `Tệp có ${report.errors.length} lỗi. Sửa tệp rồi kiểm tra lại — chưa câu nào được nhập.`
          : ok
            ? `Đã nhập ${report.imported} câu hỏi${report.skipped.length ? `, bỏ qua ${report.skipped.length}` : ''}.`
            : `Không nhập câu nào: tệp có ${report.errors.length} lỗi.`}
      </Notice>
      {report.errors.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Lỗi theo dòng</caption>
            <thead>
              <tr>
                <th scope="col">Dòng</th>
                <th scope="col">Lỗi</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.row ?? e.line ?? '—'}</td>
                  <td>{importProblemText(e.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.duplicates ? <p>{report.duplicates} câu trùng nội dung với câu đã có trong ngân hàng hoặc trong tệp.</p> : null}
      {report.warnings && report.warnings.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Lưu ý</caption>
            <thead>
              <tr>
                <th scope="col">Câu</th>
                <th scope="col">Nội dung</th>
              </tr>
            </thead>
            <tbody>
              {report.warnings.map((w, i) => (
                <tr key={i}>
                  <td>{w.ref ? importRefText(w.ref) : i + 1}</td>
                  <td>{importProblemText(w.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.skipped.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Câu bị bỏ qua</caption>
            <thead>
              <tr>
                <th scope="col">Câu</th>
                <th scope="col">Lý do</th>
              </tr>
            </thead>
            <tbody>
              {report.skipped.map((s, i) => (
                <tr key={i}>
                  <td>{s.ref ? importRefText(s.ref) : i + 1}</td>
                  <td>{importProblemText(s.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!report.dry && ok && (
        <p>
          <Link to={paths.bank(bankId)}>Xem ngân hàng câu hỏi</Link>
        </p>
      )}
    </section>
  );
}
