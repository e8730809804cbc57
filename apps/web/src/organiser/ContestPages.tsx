import { useState, type FormEvent } from 'react';
import { paths } from '../app/routes';
import { ApiError, describeError, fieldProblems } from '../shared/api/errors';
import type { Contest } from '../shared/api/types';
import { CONTEST_STATUS_LABEL, formatDateTime, ROUND_STATUS_LABEL } from '../shared/format';
import { useDocumentTitle, useLoad, useSession } from '../shared/hooks';
import { Link, navigate } from '../shared/router';
import { CheckboxField, TextArea, TextField } from '../shared/ui/Field';
import { Button, ErrorMessage, ErrorSummary, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { ConfirmAction } from '../shared/ui/ConfirmAction';
import { ContestView } from '../resident/ContestPages';
import { RegistrationsPanel } from './RegistrationsPanel';
import { organiserApi } from './api';
import { judgeApi } from '../judge/api';
import { contestBody, emptyContest, REQUIRABLE_FIELDS, validateContest, type ContestForm } from './contest-form';
import { ROUND_KIND_LABEL } from '../shared/round-kind';

const LABELS: Record<string, string> = { title: 'Tên cuộc thi', slug: 'Đường dẫn', unitList: 'Danh sách đơn vị', customFields: 'Trường bổ sung' };

function ContestFields({
  f,
  set,
  errors,
  serverError,
}: {
  f: ContestForm;
  set: <K extends keyof ContestForm>(k: K, v: ContestForm[K]) => void;
  errors: Record<string, string>;
  serverError: unknown;
}) {
  const server = fieldProblems(serverError);
  const err = (k: string) => errors[k] ?? server[k]?.join('; ');
  return (
    <>
      <TextField name="title" label={LABELS.title} required value={f.title} onChange={(e) => set('title', e.target.value)} error={err('title')} />
      <TextField
        name="slug"
        label={LABELS.slug}
        hint="Dùng trong liên kết và mã QR, ví dụ: bau-cu-2026. Để trống để tạo tự động từ tên."
        value={f.slug}
        onChange={(e) => set('slug', e.target.value)}
        error={err('slug')}
      />
      <TextArea
        name="description"
        label="Giới thiệu"
        rows={3}
        value={f.description}
        onChange={(e) => set('description', e.target.value)}
        error={err('description')}
      />
      <TextArea name="rules" label="Thể lệ" rows={8} value={f.rules} onChange={(e) => set('rules', e.target.value)} error={err('rules')} />
      <TextArea
        name="unitList"
        label={LABELS.unitList}
        hint="Mỗi dòng một đơn vị (cơ quan, xã, phường). Khi có danh sách, người dự thi chọn đơn vị từ danh sách này."
        rows={5}
        value={f.unitList}
        onChange={(e) => set('unitList', e.target.value)}
        error={err('unitList')}
      />
      <fieldset className="group">
        <legend>Thông tin bắt buộc khi đăng ký tham gia</legend>
        {REQUIRABLE_FIELDS.map((r) => (
          <CheckboxField
            key={r.value}
            name={`req-${r.value}`}
            label={r.label}
            checked={f.requiredFields.includes(r.value)}
            onChange={(e) => set('requiredFields', e.target.checked ? [...f.requiredFields, r.value] : f.requiredFields.filter((x) => x !== r.value))}
          />
        ))}
        <TextField
          name="customFields"
          label={LABELS.customFields}
          hint="Tên trường khác, cách nhau bằng dấu phẩy (chữ không dấu, viết liền)."
          value={f.customFields}
          onChange={(e) => set('customFields', e.target.value)}
          error={err('customFields')}
        />
      </fieldset>
    </>
  );
}

export function ContestNewPage() {
  useDocumentTitle('Tạo cuộc thi');
  const [f, setF] = useState<ContestForm>(emptyContest);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ContestForm>(k: K, v: ContestForm[K]) => setF((x) => ({ ...x, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateContest(f);
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const c = await organiserApi.createContest(contestBody(f));
      navigate(paths.contestEdit(c.id));
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageTitle sub="Cuộc thi được tạo ở trạng thái nháp; thêm vòng thi rồi công bố.">Tạo cuộc thi</PageTitle>
      <ErrorSummary errors={errors} labels={LABELS} serverError={serverError} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ContestFields f={f} set={set} errors={errors} serverError={serverError} />
        <Button type="submit" busy={busy}>
          Tạo cuộc thi
        </Button>
      </form>
    </div>
  );
}

function toForm(c: Contest): ContestForm {
  const known = new Set<string>(REQUIRABLE_FIELDS.map((r) => r.value));
  const req = c.requiredFields ?? [];
  return {
    title: c.title,
    slug: c.slug,
    description: c.description ?? '',
    rules: (c as Contest & { rules?: string | null }).rules ?? '',
    unitList: (c.unitList ?? []).join('\n'),
    requiredFields: req.filter((r) => known.has(r)),
    customFields: req.filter((r) => !known.has(r)).join(', '),
  };
}

export function ContestEditPage({ contestId }: { contestId: string }) {
  const session = useSession();
  const organiser = ['organiser', 'admin'].includes(String(session?.user.role));
  const contest = useLoad(() => organiserApi.contest(contestId), [contestId]);
  const rounds = useLoad(() => organiserApi.rounds(contestId), [contestId]);
  // A judge marks only the rounds assigned to them: the others get no link.
  const mine = useLoad(() => (organiser ? Promise.resolve(null) : judgeApi.assignments()), [organiser]);
  const assigned = new Set((mine.data ?? []).map((a) => a.roundId));
  const [editing, setEditing] = useState(false);
  const [f, setF] = useState<ContestForm>(emptyContest);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [publishError, setPublishError] = useState<unknown>(null);
  const set = <K extends keyof ContestForm>(k: K, v: ContestForm[K]) => setF((x) => ({ ...x, [k]: v }));
  useDocumentTitle(contest.data?.title ?? 'Cuộc thi');

  if (contest.loading) return <Loading />;
  if (contest.error || !contest.data) return <ErrorMessage error={contest.error} onRetry={contest.reload} />;
  const c = contest.data;
  const draft = c.status === 'draft';

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateContest(f);
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length) return;
    setBusy('save');
    try {
      const body = contestBody(f);
      // An emptied list must be cleared explicitly on update.
      if (!('unitList' in body)) body.unitList = null;
      if (!draft) delete body.slug;
      contest.setData(await organiserApi.updateContest(c.id, body));
      setEditing(false);
      setMessage('Đã lưu thông tin cuộc thi.');
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    setPublishError(null);
    setMessage(null);
    setBusy('publish');
    try {
      contest.setData(await organiserApi.publishContest(c.id));
      rounds.reload();
      setMessage('Đã công bố cuộc thi. Các vòng thi sẽ tự mở theo lịch.');
    } catch (x) {
      setPublishError(x);
    } finally {
      setBusy(null);
    }
  };

  const publicLink = `${window.location.origin}/#${paths.contest(c.slug)}`;
  return (
    <>
      <PageTitle sub={`Trạng thái: ${CONTEST_STATUS_LABEL[c.status ?? ''] ?? c.status}`}>{c.title}</PageTitle>
      {message && (
        <Notice kind="success" live>
          {message}
        </Notice>
      )}
      <p>
        Liên kết cho người dự thi: <a href={publicLink}>{publicLink}</a>
      </p>
      <div className="actions">
        {organiser && draft && (
          <Button busy={busy === 'publish'} onClick={() => void publish()}>
            Công bố cuộc thi
          </Button>
        )}
        <Link className="btn btn-secondary" to={paths.contestPreview(c.id)}>
          Xem trước như người dự thi
        </Link>
        {organiser && (
          <Link className="btn btn-secondary" to={paths.statistics(c.id)}>
            Thống kê
          </Link>
        )}
        {organiser && (
          <Link className="btn btn-secondary" to={paths.awardRules(c.id)}>
            Giải thưởng toàn cuộc thi
          </Link>
        )}
        {organiser && c.status === 'published' && (
          <ConfirmAction
            label="Đóng cuộc thi"
            question="Đóng cuộc thi? Cuộc thi ngừng nhận đăng ký, các vòng chưa mở sẽ không mở nữa. Chỉ đóng được khi không còn vòng nào đang mở."
            confirmLabel="Đóng cuộc thi"
            run={async () => contest.setData(await organiserApi.closeContest(c.id))}
            onDone={() => {
              rounds.reload();
              setMessage('Đã đóng cuộc thi.');
            }}
          />
        )}
        {organiser && (c.status === 'closed' || c.status === 'draft') && (
          <ConfirmAction
            label="Lưu trữ"
            question="Lưu trữ cuộc thi? Người dự thi sẽ không còn thấy cuộc thi; dữ liệu và kết quả vẫn được giữ."
            confirmLabel="Lưu trữ"
            run={async () => contest.setData(await organiserApi.archiveContest(c.id))}
            onDone={() => setMessage('Đã lưu trữ cuộc thi.')}
          />
        )}
        {organiser && c.status !== 'archived' && !editing && (
          <Button
            kind="secondary"
            onClick={() => {
              setF(toForm(c));
              setEditing(true);
            }}
          >
            Sửa thông tin
          </Button>
        )}
      </div>
      {publishError ? <PublishProblems error={publishError} /> : null}
      {editing && (
        <form className="panel" onSubmit={(e) => void save(e)} noValidate>
          <h2>Sửa thông tin cuộc thi</h2>
          <ErrorSummary errors={errors} labels={LABELS} serverError={serverError} />
          <ContestFields f={f} set={set} errors={errors} serverError={serverError} />
          <div className="actions">
            <Button type="submit" busy={busy === 'save'}>
              Lưu
            </Button>
            <Button kind="secondary" onClick={() => setEditing(false)}>
              Hủy
            </Button>
          </div>
        </form>
      )}

      <h2>Vòng thi</h2>
      {organiser && c.status !== 'archived' && c.status !== 'closed' && (
        <Link className="btn btn-primary" to={paths.roundNew(c.id)}>
          Thêm vòng thi
        </Link>
      )}
      {rounds.loading && <Loading />}
      <ErrorMessage error={rounds.error} onRetry={rounds.reload} />
      {rounds.data && rounds.data.length === 0 && <p>Chưa có vòng thi.</p>}
      {rounds.data && rounds.data.length > 0 && (
        <div className="table-wrap">
          <table className="table-stack">
            <thead>
              <tr>
                <th scope="col">Vòng</th>
                <th scope="col">Loại</th>
                <th scope="col">Mở – Đóng</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">
                  <span className="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rounds.data.map((r) => (
                <tr key={r.id}>
                  <td>
                    <strong>{r.title}</strong>
                  </td>
                  <td data-label="Loại">{ROUND_KIND_LABEL[r.kind]}</td>
                  <td data-label="Mở – Đóng">
                    {formatDateTime(r.opensAt)} – {formatDateTime(r.closesAt)}
                  </td>
                  <td data-label="Trạng thái">{ROUND_STATUS_LABEL[r.status ?? ''] ?? r.status}</td>
                  <td>
                    {(organiser || assigned.has(r.id)) && r.kind === 'live' && (
                      <>
                        <Link to={paths.liveHost(r.id)}>Điều khiển</Link>
                        {' · '}
                      </>
                    )}
                    {(organiser || assigned.has(r.id)) && <Link to={paths.judgeRound(r.id)}>Chấm, kết quả</Link>}
                    {organiser && r.kind === 'judged' && (
                      <>
                        {' · '}
                        <Link to={paths.roundJury(r.id)}>Ban giám khảo, đề bài</Link>
                      </>
                    )}
                    {organiser && rounds.data!.some((x) => (x.seq ?? 0) > (r.seq ?? 0)) && (
                      <>
                        {' · '}
                        <Link to={paths.roundAdvance(r.id)}>Vào vòng sau</Link>
                      </>
                    )}
                    {organiser && (
                      <>
                        {' · '}
                        <Link to={paths.roundRules(r.id)}>Thể lệ, giải thưởng</Link>
                      </>
                    )}
                    {organiser && r.status !== 'closed' && r.status !== 'published' && (
                      <>
                        {' · '}
                        <Link to={paths.roundEdit(r.id)}>Sửa</Link>
                      </>
                    )}
                    {organiser && (
                      <>
                        {' · '}
                        <Link to={paths.roundJudges(r.id)}>Giám khảo</Link>
                      </>
                    )}
                    {organiser && deletable(r) && (
                      <>
                        {' · '}
                        <ConfirmAction
                          kind="link"
                          label="Xóa"
                          question={`Xóa vòng “${r.title}”? Vòng chưa mở nên chưa có ai dự thi; quy tắc chọn câu hỏi và phân công giám khảo của vòng cũng bị xóa.`}
                          confirmLabel="Xóa vòng"
                          run={() => organiserApi.deleteRound(r.id)}
                          onDone={rounds.reload}
                        />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {organiser && <RegistrationsPanel contestId={c.id} />}
    </>
  );
}

/** A round nobody can have entered yet (the server re-checks: 409 round_not_deletable). */
function deletable(r: { status?: string; opensAt: string }): boolean {
  return r.status === 'draft' || (r.status === 'scheduled' && Date.parse(r.opensAt) > Date.now());
}

/** The publish refusal lists each round's problem (details: [{ field, problems }]). */
function PublishProblems({ error }: { error: unknown }) {
  const problems = error instanceof ApiError && Array.isArray(error.details) ? (error.details as { field?: string; problems?: string[] }[]) : [];
  return (
    <div className="alert alert-error" role="alert">
      <p>{error instanceof ApiError && error.code === 'contest_has_no_rounds' ? 'Thêm ít nhất một vòng thi trước khi công bố.' : describeError(error)}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              <code>{p.field}</code>: {(p.problems ?? []).join('; ')}
            </li>
          ))}
        </ul>
      )}
      {error instanceof ApiError && problems.length === 0 && error.message && <p className="field-hint">{error.message}</p>}
    </div>
  );
}

export function ContestPreviewPage({ contestId }: { contestId: string }) {
  const contest = useLoad(() => organiserApi.contest(contestId), [contestId]);
  const rounds = useLoad(() => organiserApi.rounds(contestId), [contestId]);
  useDocumentTitle('Xem trước');
  if (contest.loading || rounds.loading) return <Loading />;
  if (!contest.data) return <ErrorMessage error={contest.error} onRetry={contest.reload} />;
  return (
    <>
      <Notice kind="info">
        Bản xem trước: người dự thi sẽ thấy trang như dưới đây. <Link to={paths.contestEdit(contestId)}>← Quay lại quản trị</Link>
      </Notice>
      <div className="preview-frame">
        <ContestView contest={contest.data} rounds={rounds.data ?? []} preview />
      </div>
    </>
  );
}
