import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { paths } from '../app/routes';
import { ApiError, fieldProblems } from '../shared/api/errors';
import type { Contest, Page, Round } from '../shared/api/types';
import { CONTEST_STATUS_LABEL, formatDateTime, formatDuration, roundPhase } from '../shared/format';
import { useDocumentTitle, useLoad, useSession } from '../shared/hooks';
import { Link, navigate } from '../shared/router';
import { readJson, storage } from '../shared/storage';
import { SelectField, TextField } from '../shared/ui/Field';
import { Button, ErrorMessage, ErrorSummary, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { residentApi } from './api';

/** The list as last seen: shown at once on the next visit (or offline) while the api answers. */
const LIST_CACHE = 'lc.cache.contests';

export function ContestListPage() {
  useDocumentTitle('Cuộc thi');
  const [lastSeen] = useState(() => readJson<Page<Contest>>(storage, LIST_CACHE));
  const {
    data: fresh,
    error,
    loading,
    reload,
  } = useLoad(async () => {
    const list = await residentApi.contests();
    try {
      storage.setItem(LIST_CACHE, JSON.stringify(list));
    } catch {
      /* storage full: the list still shows */
    }
    return list;
  }, []);
  const data = fresh ?? lastSeen ?? undefined;
  return (
    <>
      <PageTitle sub="Tìm hiểu pháp luật trực tuyến — chọn cuộc thi để xem thể lệ và tham gia.">Các cuộc thi</PageTitle>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} onRetry={reload} />
      {data && data.items.length === 0 && <p>Hiện chưa có cuộc thi nào đang diễn ra.</p>}
      <ul className="card-list">
        {data?.items.map((c) => (
          <li key={c.id} className="card">
            <h2 className="h3">
              <Link to={paths.contest(c.slug || c.id)}>{c.title}</Link>
            </h2>
            {c.status && <p className={`badge badge-${c.status}`}>{CONTEST_STATUS_LABEL[c.status] ?? c.status}</p>}
            {c.description && (
              <p className="excerpt">
                {c.description.slice(0, 240)}
                {c.description.length > 240 ? '…' : ''}
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export async function loadContestWithRounds(idOrSlug: string): Promise<{ contest: Contest; rounds: Round[] }> {
  const contest = await residentApi.contest(idOrSlug);
  // The contest never carries its rounds: they are a read of their own.
  let rounds: Round[];
  try {
    rounds = await residentApi.rounds(contest.id);
  } catch {
    rounds = [];
  }
  return { contest, rounds: [...rounds].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || Date.parse(a.opensAt) - Date.parse(b.opensAt)) };
}

const PHASE_LABEL = { upcoming: 'Sắp mở', open: 'Đang mở', closed: 'Đã đóng', published: 'Đã có kết quả' } as const;

/** What a resident sees of a contest; organisers see the same in the preview. */
export function ContestView({
  contest,
  rounds,
  preview,
  registered,
  action,
}: {
  contest: Contest;
  rounds: Round[];
  preview?: boolean;
  registered?: boolean;
  action?: ReactNode;
}) {
  const now = Date.now();
  const rules = (contest as Contest & { rules?: string | null }).rules;
  return (
    <article className="contest">
      <PageTitle>{contest.title}</PageTitle>
      {contest.description && <p className="lead prewrap">{contest.description}</p>}
      {action}
      {registered && <Notice kind="success">Bạn đã đăng ký tham gia cuộc thi này.</Notice>}
      <h2>Các vòng thi</h2>
      {rounds.length === 0 && <p>Chưa có vòng thi.</p>}
      <ol className="round-list">
        {rounds.map((r) => {
          const phase = roundPhase(r, now);
          return (
            <li key={r.id} className="card">
              <h3>
                {preview ? r.title : <Link to={paths.round(r.id)}>{r.title}</Link>} <span className={`badge badge-${phase}`}>{PHASE_LABEL[phase]}</span>
              </h3>
              <RoundFacts round={r} />
            </li>
          );
        })}
      </ol>
      {rules && (
        <>
          <h2>Thể lệ</h2>
          <div className="prewrap rules">{rules}</div>
        </>
      )}
    </article>
  );
}

/** What RoundFacts shows; the round-creation preview has only these. */
export type RoundFactsOf = Pick<
  Round,
  'opensAt' | 'closesAt' | 'kind' | 'durationSeconds' | 'maxAttempts' | 'attemptScoring' | 'prizes' | 'questionCount' | 'live'
>;

export function RoundFacts({ round: r }: { round: RoundFactsOf }) {
  return (
    <dl className="facts">
      <div>
        <dt>Mở</dt>
        <dd>{formatDateTime(r.opensAt)}</dd>
      </div>
      <div>
        <dt>Đóng</dt>
        <dd>{formatDateTime(r.closesAt)}</dd>
      </div>
      {r.kind === 'quiz' && (
        <>
          <div>
            <dt>Thời gian làm bài</dt>
            <dd>{formatDuration(r.durationSeconds)}</dd>
          </div>
          {r.questionCount ? (
            <div>
              <dt>Số câu hỏi</dt>
              <dd>{r.questionCount}</dd>
            </div>
          ) : null}
          <div>
            <dt>Số lượt thi</dt>
            <dd>
              {r.maxAttempts} {r.maxAttempts > 1 ? `(tính lượt ${r.attemptScoring === 'last' ? 'cuối cùng' : 'có kết quả cao nhất'})` : ''}
            </dd>
          </div>
        </>
      )}
      {r.kind === 'live' && (
        <div>
          <dt>Hình thức</dt>
          <dd>
            Chung kết trực tiếp: người dẫn chương trình trình chiếu từng câu, người chơi trả lời trên điện thoại
            {r.live ? `, ${r.live.secondsPerQuestion} giây mỗi câu${r.live.speedBonus ? ', trả lời đúng càng nhanh càng được cộng nhiều điểm' : ''}` : ''}
          </dd>
        </div>
      )}
      {r.kind === 'judged' && (
        <div>
          <dt>Hình thức</dt>
          <dd>Bài dự thi do ban giám khảo chấm</dd>
        </div>
      )}
      {r.prizes && r.prizes.length > 0 && (
        <div>
          <dt>Giải thưởng</dt>
          <dd>{r.prizes.map((p) => `${p.count} ${p.name}`).join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}

export function ContestPage({ contestId }: { contestId: string }) {
  const session = useSession();
  const { data, error, loading, reload } = useLoad(() => loadContestWithRounds(contestId), [contestId]);
  const isResident = session?.user.role === 'resident';
  const reg = useLoad(async () => {
    if (!isResident || !data) return null;
    try {
      return await residentApi.myRegistration(data.contest.id);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }, [isResident, data?.contest.id]);
  useDocumentTitle(data?.contest.title ?? 'Cuộc thi');
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage error={error} onRetry={reload} />;
  const registered = Boolean(reg.data);
  const open = data.contest.status === 'published';
  let action: ReactNode = null;
  if (open && !registered) {
    action = session ? (
      isResident ? (
        <Link className="btn btn-primary btn-large" to={paths.join(data.contest.slug || data.contest.id)}>
          Đăng ký tham gia
        </Link>
      ) : null
    ) : (
      <div className="actions">
        <Link className="btn btn-primary btn-large" to={paths.register(paths.join(data.contest.slug || data.contest.id))}>
          Đăng ký tài khoản và tham gia
        </Link>
        <Link className="btn btn-secondary" to={paths.login(paths.join(data.contest.slug || data.contest.id))}>
          Đã có tài khoản? Đăng nhập
        </Link>
      </div>
    );
  }
  return <ContestView contest={data.contest} rounds={data.rounds} registered={registered} action={action} />;
}

const FIELD_LABELS: Record<string, string> = {
  unit: 'Đơn vị',
  commune: 'Xã, phường, đặc khu',
  position: 'Chức vụ',
  workplace: 'Nơi công tác',
  school: 'Trường',
  className: 'Lớp',
  address: 'Địa chỉ',
  occupation: 'Nghề nghiệp',
  fullName: 'Họ và tên',
  email: 'Email',
  dateOfBirth: 'Ngày sinh',
  province: 'Tỉnh, thành phố',
};

/** Fields taken from the account: never typed again at registration. */
const FROM_ACCOUNT = new Set(['fullName', 'phone', 'email', 'dateOfBirth', 'nationalId', 'province']);

export function JoinPage({ contestId }: { contestId: string }) {
  const session = useSession();
  const { data, error, loading, reload } = useLoad(() => loadContestWithRounds(contestId), [contestId]);
  const [unit, setUnit] = useState(session?.user.unit ?? '');
  const [fields, setFields] = useState<Record<string, string>>({ commune: session?.user.commune ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle('Đăng ký tham gia');

  useEffect(() => {
    if (!session) navigate(paths.login(paths.join(contestId)), { replace: true });
  }, [session, contestId]);
  if (!session) return null;
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage error={error} onRetry={reload} />;
  const c = data.contest;
  const unitList = c.unitList?.length ? c.unitList : null;
  const required = (c.requiredFields ?? []).filter((f) => f !== 'unit' && !FROM_ACCOUNT.has(f));
  const unitRequired = Boolean(unitList) || (c.requiredFields ?? []).includes('unit');
  const server = fieldProblems(serverError);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (unitRequired && !unit.trim()) errs.unit = unitList ? 'Vui lòng chọn đơn vị.' : 'Vui lòng nhập đơn vị.';
    for (const f of required) if (!fields[f]?.trim()) errs[`fields.${f}`] = `Vui lòng nhập ${(FIELD_LABELS[f] ?? f).toLowerCase()}.`;
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length) return;
    const extra = Object.fromEntries(required.map((f) => [f, fields[f].trim()]));
    setBusy(true);
    try {
      await residentApi.joinContest(c.id, { ...(unit.trim() ? { unit: unit.trim() } : {}), ...(required.length ? { fields: extra } : {}) });
      navigate(paths.contest(c.slug || c.id), { replace: true });
    } catch (x) {
      if (x instanceof ApiError && x.status === 409 && x.code === 'already_registered') navigate(paths.contest(c.slug || c.id), { replace: true });
      else setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  const labels: Record<string, string> = { unit: 'Đơn vị', ...Object.fromEntries(required.map((f) => [`fields.${f}`, FIELD_LABELS[f] ?? f])) };
  return (
    <div className="narrow">
      <PageTitle sub={c.title}>Đăng ký tham gia</PageTitle>
      <p>
        Thông tin cá nhân lấy từ tài khoản của bạn: <strong>{session.user.fullName}</strong>
        {session.user.province ? `, ${session.user.province}` : ''}.
      </p>
      <ErrorSummary errors={errors} labels={labels} serverError={serverError} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        {unitList ? (
          <SelectField
            name="unit"
            label="Đơn vị"
            required
            placeholder="— Chọn đơn vị —"
            options={unitList}
            value={unit}
            onChange={(e) => setUnit(e.target.value)}
            error={errors.unit ?? server.unit?.join('; ')}
            hint="Đơn vị, cơ quan hoặc xã, phường mà bạn tham gia cùng."
          />
        ) : (
          <TextField
            name="unit"
            label="Đơn vị, nơi công tác hoặc học tập"
            required={unitRequired}
            value={unit}
            onChange={(e) => setUnit(e.target.value)}
            error={errors.unit ?? server.unit?.join('; ')}
          />
        )}
        {required.map((f) => (
          <TextField
            key={f}
            name={`fields.${f}`}
            label={FIELD_LABELS[f] ?? f}
            required
            value={fields[f] ?? ''}
            onChange={(e) => setFields((x) => ({ ...x, [f]: e.target.value }))}
            error={errors[`fields.${f}`] ?? server[`fields.${f}`]?.join('; ')}
          />
        ))}
        <Button type="submit" busy={busy}>
          Xác nhận tham gia
        </Button>
      </form>
    </div>
  );
}
