import { useState, type FormEvent } from 'react';
import type { StaffImportReport } from '../shared/api/admin-types';
import { ApiError } from '../shared/api/errors';
import { useDocumentTitle } from '../shared/hooks';
import { Button, ErrorMessage, Notice, PageTitle } from '../shared/ui/Feedback';
import { adminApi } from './api';
import { AdminNav } from './AdminNav';
import { ROLE_LABEL, staffProblemText, staffReasonText } from './admin-model';

/**
 * Admin: create many staff accounts from the XLSX/CSV template. "Kiểm tra" is a dry run that
 * reports every problem by row and column; the import is all or nothing, and each created
 * account's temporary password is shown once.
 */
export function StaffImportPage() {
  useDocumentTitle('Nhập cán bộ từ tệp');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<StaffImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'dry' | 'real' | null>(null);
  const [templateError, setTemplateError] = useState<unknown>(null);

  const run = async (dry: boolean, e?: FormEvent) => {
    e?.preventDefault();
    setError(null);
    if (!file) {
      setFileError('Chọn tệp danh sách cán bộ (.xlsx hoặc .csv).');
      document.getElementById('staff-file')?.focus();
      return;
    }
    setFileError(null);
    setBusy(dry ? 'dry' : 'real');
    try {
      setReport(await adminApi.importStaff(file, dry));
    } catch (x) {
      const d =
        x instanceof ApiError && x.code === 'import_invalid' && x.details && typeof x.details === 'object' ? (x.details as Partial<StaffImportReport>) : null;
      if (d && Array.isArray(d.errors)) setReport({ created: [], errors: d.errors, warnings: d.warnings ?? [], dryRun: dry });
      else {
        setReport(null);
        setError(x);
      }
    } finally {
      setBusy(null);
    }
  };

  const download = (format: 'xlsx' | 'csv') => {
    setTemplateError(null);
    adminApi.downloadTemplate(format).catch(setTemplateError);
  };

  return (
    <>
      <AdminNav current="import" />
      <PageTitle sub="Tạo nhiều tài khoản ban tổ chức, giám khảo, quản trị cùng lúc.">Nhập cán bộ từ tệp</PageTitle>
      <p>
        Điền danh sách vào tệp mẫu: <strong>Họ và tên</strong>, <strong>Email</strong>, <strong>Số điện thoại</strong> (không bắt buộc),{' '}
        <strong>Vai trò</strong> (ban tổ chức, giám khảo hoặc quản trị) và <strong>Đơn vị</strong> (tên hoặc mã đơn vị). Bấm <strong>Kiểm tra</strong> trước:
        tệp có lỗi thì không tài khoản nào được tạo.
      </p>
      <div className="actions">
        <Button kind="secondary" onClick={() => download('xlsx')}>
          Tải tệp mẫu Excel (.xlsx)
        </Button>
        <Button kind="secondary" onClick={() => download('csv')}>
          Tải tệp mẫu CSV
        </Button>
      </div>
      <ErrorMessage error={templateError} />
      <form className="panel" onSubmit={(e) => void run(true, e)} noValidate>
        <div className={`field${fileError ? ' has-error' : ''}`}>
          <label htmlFor="staff-file" className="field-label">
            Tệp danh sách cán bộ{' '}
            <span aria-hidden="true" className="req">
              *
            </span>
          </label>
          {fileError && (
            <p id="staff-file-error" className="field-error">
              <span aria-hidden="true">⚠ </span>
              {fileError}
            </p>
          )}
          <input
            id="staff-file"
            type="file"
            accept=".xlsx,.csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'staff-file-error' : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              setFileError(null);
            }}
          />
        </div>
        <div className="actions">
          <Button type="submit" kind="secondary" busy={busy === 'dry'} disabled={busy !== null}>
            Kiểm tra
          </Button>
          <Button busy={busy === 'real'} disabled={busy !== null} onClick={() => void run(false)}>
            Nhập và tạo tài khoản
          </Button>
        </div>
      </form>
      {error ? <RefusedFile error={error} /> : null}
      {report && <StaffImportReportView report={report} />}
    </>
  );
}

function RefusedFile({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.code === 'import_file_refused') {
    return (
      <div className="alert alert-error" role="alert">
        <p>Không nhập được tệp: {staffReasonText(error.message)}</p>
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}

export function StaffImportReportView({ report }: { report: StaffImportReport }) {
  const { created, errors, warnings, dryRun } = report;
  return (
    <section aria-labelledby="report-title" className="import-report">
      <h2 id="report-title">Kết quả {dryRun ? 'kiểm tra' : 'nhập'}</h2>
      <div role="status">
        {errors.length > 0 ? (
          <Notice kind="error">
            <p>
              Tệp có {errors.length} lỗi. {dryRun ? 'Sửa các dòng dưới đây rồi kiểm tra lại.' : 'Chưa tài khoản nào được tạo.'}
            </p>
          </Notice>
        ) : dryRun ? (
          <Notice kind="success">
            <p>Tệp hợp lệ: sẽ tạo {created.length} tài khoản. Bấm “Nhập và tạo tài khoản” để tạo.</p>
          </Notice>
        ) : (
          <Notice kind="success">
            <p>Đã tạo {created.length} tài khoản. Mật khẩu tạm chỉ hiện một lần dưới đây: hãy gửi riêng cho từng người.</p>
          </Notice>
        )}
      </div>
      {errors.length > 0 && (
        <ul className="problem-list">
          {errors.map((p, i) => (
            <li key={i}>{staffProblemText(p)}</li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul>
          {warnings.map((w, i) => (
            <li key={i}>{staffReasonText(w)}</li>
          ))}
        </ul>
      )}
      {errors.length === 0 && created.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{dryRun ? 'Tài khoản sẽ được tạo' : 'Tài khoản đã tạo'}</caption>
            <thead>
              <tr>
                <th scope="col">Dòng</th>
                <th scope="col">Cán bộ</th>
                {!dryRun && <th scope="col">Mật khẩu tạm</th>}
              </tr>
            </thead>
            <tbody>
              {created.map((c) => (
                <tr key={c.row}>
                  <td>{c.row}</td>
                  <td>
                    {c.fullName}
                    <span className="sub">{c.email}</span>
                    <span className="sub">
                      {ROLE_LABEL[c.role] ?? c.role}
                      {c.organisationName ? ` · ${c.organisationName}` : ''}
                    </span>
                  </td>
                  {!dryRun && (
                    <td>
                      <code className="secret">{c.temporaryPassword}</code>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
