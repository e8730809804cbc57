import { useEffect, useRef, useState, type FormEvent } from 'react';
import { paths } from '../app/routes';
import { downloadFile } from '../shared/download';
import { useDocumentTitle, useLoad } from '../shared/hooks';
import { Link } from '../shared/router';
import { TextArea, TextField } from '../shared/ui/Field';
import { Button, ErrorMessage, ErrorSummary, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { SearchForm } from '../shared/ui/ListPage';
import { EXPORT_FORMATS, organiserApi, type BankQuestion } from './api';
import { archivePrompt, offsetAfterRemoval, shortStem } from './bank-model';
import { QUESTION_TYPE_LABEL } from './question-form';
import { QuestionEditor } from './QuestionEditor';

export function BanksPage() {
  useDocumentTitle('Ngân hàng câu hỏi');
  const { data, error, loading, reload } = useLoad(() => organiserApi.banks(), []);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = name.trim().length < 2 ? { name: 'Nhập tên ngân hàng (ít nhất 2 ký tự).' } : {};
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await organiserApi.createBank({ name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) });
      setName('');
      setDescription('');
      reload();
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>Ngân hàng câu hỏi</PageTitle>
      {loading && <Loading />}
      <ErrorMessage error={error} onRetry={reload} />
      {data && data.items.length === 0 && <p>Chưa có ngân hàng câu hỏi.</p>}
      <ul className="card-list">
        {data?.items.map((b) => (
          <li key={b.id} className="card">
            <h2 className="h3">
              <Link to={paths.bank(b.id)}>{b.name}</Link>
            </h2>
            {b.description && <p>{b.description}</p>}
            {b.questionCount !== undefined && <p className="field-hint">{b.questionCount} câu hỏi</p>}
          </li>
        ))}
      </ul>
      <form className="panel" onSubmit={(e) => void create(e)} noValidate>
        <h2>Tạo ngân hàng mới</h2>
        <ErrorSummary errors={errors} labels={{ name: 'Tên ngân hàng' }} serverError={serverError} />
        <TextField name="name" label="Tên ngân hàng" required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <TextArea name="description" label="Mô tả" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        <Button type="submit" busy={busy}>
          Tạo ngân hàng
        </Button>
      </form>
    </>
  );
}

const PAGE = 25;

export function BankPage({ bankId }: { bankId: string }) {
  const bank = useLoad(() => organiserApi.bank(bankId), [bankId]);
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useLoad(() => organiserApi.questions(bankId, { q: query || undefined, limit: PAGE, offset }), [bankId, query, offset]);
  const [editing, setEditing] = useState<BankQuestion | 'new' | null>(null);
  const [archiving, setArchiving] = useState<BankQuestion | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  useDocumentTitle(bank.data?.name ?? 'Ngân hàng câu hỏi');

  const exportAs = async (format: string, ext: string) => {
    setExportError(null);
    setExporting(format);
    try {
      await downloadFile(`/question-banks/${encodeURIComponent(bankId)}/export`, { format }, `ngan-hang-cau-hoi.${ext}`);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <PageTitle sub={bank.data?.description ?? undefined}>{bank.data?.name ?? 'Ngân hàng câu hỏi'}</PageTitle>
      <ErrorMessage error={bank.error} onRetry={bank.reload} />
      <div className="actions">
        <Button onClick={() => setEditing('new')}>Thêm câu hỏi</Button>
        <Link className="btn btn-secondary" to={paths.bankImport(bankId)}>
          Nhập từ tệp
        </Link>
        <Link className="btn btn-secondary" to={paths.bankTopics(bankId)}>
          Chủ đề
        </Link>
      </div>
      <details className="panel">
        <summary>Xuất ngân hàng câu hỏi</summary>
        <div className="actions">
          {EXPORT_FORMATS.map((f) => (
            <Button key={f.value} kind="secondary" busy={exporting === f.value} onClick={() => void exportAs(f.value, f.ext)}>
              {f.label}
            </Button>
          ))}
        </div>
        <ErrorMessage error={exportError} />
      </details>
      {saved && (
        <Notice kind="success" live>
          {saved}
        </Notice>
      )}
      {editing && (
        <QuestionEditor
          bankId={bankId}
          question={editing === 'new' ? undefined : editing}
          onSaved={(q) => {
            setSaved(
              editing === 'new'
                ? 'Đã thêm câu hỏi.'
                : (q as { newVersion?: boolean }).newVersion
                  ? 'Đã lưu thành phiên bản mới (phiên bản cũ đang được dùng trong vòng thi nên giữ nguyên).'
                  : 'Đã lưu câu hỏi.',
            );
            setEditing(null);
            list.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <SearchForm
        name="search"
        label="Tìm câu hỏi"
        hint="Không cần gõ dấu: “bau cu” tìm được “bầu cử”."
        onSearch={(q) => {
          setOffset(0);
          setQuery(q);
        }}
      />
      {list.loading && <Loading />}
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {list.data && (
        <>
          <p role="status">
            {list.data.total} câu hỏi{query ? ` khớp “${query}”` : ''}.
          </p>
          {archiving && (
            <ArchiveConfirm
              key={archiving.id}
              question={archiving}
              run={() => organiserApi.archiveQuestion(bankId, archiving.id)}
              onCancel={() => setArchiving(null)}
              onDone={() => {
                setSaved(`Đã lưu trữ câu hỏi “${shortStem(archiving.stem)}”.`);
                if (editing !== 'new' && editing?.id === archiving.id) setEditing(null);
                setArchiving(null);
                const next = offsetAfterRemoval(offset, PAGE, list.data?.total ?? 0);
                if (next !== offset) setOffset(next);
                else list.reload();
              }}
            />
          )}
          <div className="table-wrap">
            <table className="table-stack">
              <thead>
                <tr>
                  <th scope="col">Câu hỏi</th>
                  <th scope="col">Loại</th>
                  <th scope="col">Chủ đề</th>
                  <th scope="col">Độ khó</th>
                  <th scope="col">
                    <span className="visually-hidden">Thao tác</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((q) => (
                  <tr key={q.id}>
                    <td>{q.stem}</td>
                    <td data-label="Loại">{QUESTION_TYPE_LABEL[q.type] ?? q.type}</td>
                    <td data-label="Chủ đề">{q.topic ?? '—'}</td>
                    <td data-label="Độ khó">{q.difficulty ?? '—'}</td>
                    <td className="row-actions">
                      <Button kind="link" onClick={() => setEditing(q)} aria-label={`Sửa câu hỏi: ${shortStem(q.stem)}`}>
                        Sửa
                      </Button>
                      <Button kind="link" aria-label={`Lưu trữ câu hỏi: ${shortStem(q.stem)}`} onClick={() => setArchiving(q)}>
                        Lưu trữ
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Phân trang">
            <Button kind="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              ← Trang trước
            </Button>
            <span>{list.data.total ? `${offset + 1}–${Math.min(offset + PAGE, list.data.total)} / ${list.data.total}` : ''}</span>
            <Button kind="secondary" disabled={offset + PAGE >= list.data.total} onClick={() => setOffset(offset + PAGE)}>
              Trang sau →
            </Button>
          </nav>
        </>
      )}
    </>
  );
}

/**
 * Asks before archiving, above the list (a row is too narrow on a phone): what archiving
 * means, then "Lưu trữ câu hỏi" or "Không". Focused when it opens; the server's refusal shown in it.
 */
function ArchiveConfirm({
  question,
  run,
  onCancel,
  onDone,
}: {
  question: BankQuestion;
  run: () => Promise<unknown>;
  onCancel: () => void;
  onDone: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await run();
      onDone();
    } catch (x) {
      setError(x);
      setBusy(false);
    }
  };
  return (
    <div className="alert alert-warning" role="alertdialog" aria-label={`Lưu trữ câu hỏi: ${shortStem(question.stem)}`} tabIndex={-1} ref={ref}>
      <p>{archivePrompt(question.stem)}</p>
      <ErrorMessage error={error} />
      <div className="actions">
        <Button kind="danger" busy={busy} onClick={() => void confirm()}>
          Lưu trữ câu hỏi
        </Button>
        <Button kind="secondary" onClick={onCancel}>
          Không
        </Button>
      </div>
    </div>
  );
}
