import { useState, type FormEvent } from 'react';
import { paths } from '../app/routes';
import { ApiError } from '../shared/api/errors';
import type { JuryView } from '../shared/api/judging-types';
import type { BriefView, HandInKind, RoundJudge } from '../shared/api/jury-types';
import { formatDateTime } from '../shared/format';
import { useDocumentTitle, useLoad } from '../shared/hooks';
import { Link } from '../shared/router';
import { CheckboxField, SelectField, TextArea, TextField } from '../shared/ui/Field';
import { Button, ErrorSummary, ErrorMessage, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { residentApi } from '../resident/api';
import { describeJuryError, juryApi } from './jury-api';
import {
  addCriterion,
  describeAggregate,
  emptyJury,
  juryBody,
  juryToForm,
  moveCriterion,
  removeCriterion,
  rubricTotal,
  validateJury,
  type JuryForm,
} from './jury-form';

const KINDS: { value: HandInKind; label: string; hint: string }[] = [
  { value: 'text', label: 'Văn bản', hint: 'Người dự thi gõ hoặc dán bài trực tiếp.' },
  { value: 'link', label: 'Đường dẫn', hint: 'Ví dụ: video bài thuyết trình, tài liệu trực tuyến.' },
  { value: 'file', label: 'Tệp đính kèm', hint: 'PDF, Word, PowerPoint, video, âm thanh, ảnh.' },
];

const points = (n: number) => String(n).replace('.', ',');

function BriefEditor({ roundId, initial }: { roundId: string; initial: BriefView }) {
  const [brief, setBrief] = useState(initial.brief ?? '');
  const [kinds, setKinds] = useState<HandInKind[]>(initial.handInKinds);
  const [state, setState] = useState<{ busy?: boolean; error?: unknown; saved?: boolean; kindsError?: string }>({});
  const locked = initial.locked;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!kinds.length) return setState({ kindsError: 'Chọn ít nhất một hình thức nộp bài.' });
    setState({ busy: true });
    try {
      const saved = await juryApi.saveBrief(roundId, { brief: brief.trim() || null, handInKinds: kinds });
      setKinds(saved.handInKinds);
      setState({ saved: true });
    } catch (x) {
      setState({ error: x });
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void save(e)} noValidate aria-labelledby="brief-title">
      <h2 id="brief-title">Đề bài và hình thức nộp bài</h2>
      {locked && <Notice kind="warning">Vòng thi đã mở lúc {formatDateTime(initial.briefFrom)}: đề bài và hình thức nộp bài không đổi được nữa.</Notice>}
      <TextArea
        name="brief"
        label="Đề bài"
        rows={6}
        disabled={locked}
        hint={`Người dự thi thấy đề bài trên trang nộp bài khi vòng thi mở (${formatDateTime(initial.briefFrom)}).`}
        value={brief}
        onChange={(e) => setBrief(e.target.value)}
      />
      <fieldset disabled={locked} className="group">
        <legend>Người dự thi được nộp</legend>
        {state.kindsError && (
          <p className="field-error" role="alert">
            {state.kindsError}
          </p>
        )}
        {KINDS.map((k) => (
          <CheckboxField
            key={k.value}
            name={`kind-${k.value}`}
            label={k.label}
            hint={k.hint}
            checked={kinds.includes(k.value)}
            onChange={(e) => setKinds(e.target.checked ? [...kinds, k.value] : kinds.filter((x) => x !== k.value))}
          />
        ))}
      </fieldset>
      {state.error ? <Notice kind="error">{describeJuryError(state.error)}</Notice> : null}
      {state.saved && (
        <Notice kind="success" live>
          Đã lưu đề bài và hình thức nộp bài.
        </Notice>
      )}
      {!locked && (
        <Button type="submit" busy={state.busy}>
          Lưu đề bài
        </Button>
      )}
    </form>
  );
}

const LABELS: Record<string, string> = {
  criteria: 'Tiêu chí chấm',
  trimmedMeanThreshold: 'Số giám khảo tối thiểu',
  overtimeLimitMinutes: 'Thời gian cho phép',
  overtimePoints: 'Điểm trừ mỗi phút',
  overtimeMax: 'Trừ tối đa',
  reconciliationGap: 'Độ chênh lệch',
};

function JuryEditor({
  roundId,
  initial,
  judges,
  onSaved,
}: {
  roundId: string;
  initial: JuryView | null;
  judges: RoundJudge[];
  onSaved: (v: JuryView) => void;
}) {
  const [f, setF] = useState<JuryForm>(() => (initial ? juryToForm(initial) : emptyJury()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const locked = Boolean(initial?.locked);
  const set = <K extends keyof JuryForm>(k: K, v: JuryForm[K]) => setF((x) => ({ ...x, [k]: v }));
  const setRow = (rowId: number, patch: Partial<JuryForm['criteria'][number]>) =>
    setF((x) => ({ ...x, criteria: x.criteria.map((c) => (c.rowId === rowId ? { ...c, ...patch } : c)) }));
  const active = judges.filter((j) => !j.recusedAt);
  const headOptions = active.map((j) => ({ value: j.userId, label: j.email ? `${j.fullName} (${j.email})` : j.fullName }));
  if (f.headJudgeUserId && !active.some((j) => j.userId === f.headJudgeUserId))
    headOptions.push({ value: f.headJudgeUserId, label: 'Giám khảo đã rút hoặc không còn được phân công' });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateJury(f);
    setErrors(errs);
    setServerError(null);
    setSaved(false);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const v = await juryApi.saveJury(roundId, juryBody(f));
      setF(juryToForm(v));
      onSaved(v);
      setSaved(true);
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };
  const labels = {
    ...LABELS,
    ...Object.fromEntries(
      f.criteria.flatMap((c, i) => [
        [`label-${c.rowId}`, `Tiêu chí ${i + 1}`],
        [`max-${c.rowId}`, `Điểm tối đa của tiêu chí ${i + 1}`],
      ]),
    ),
  };
  const jurylocked = serverError instanceof ApiError && serverError.code === 'jury_locked';
  return (
    <form className="panel" onSubmit={(e) => void save(e)} noValidate aria-labelledby="jury-title">
      <h2 id="jury-title">Tiêu chí chấm và quy tắc của ban giám khảo</h2>
      {locked && (
        <Notice kind="warning">
          Giám khảo đã bắt đầu chấm: tiêu chí, cách tính điểm, điểm trừ và độ chênh lệch không đổi được nữa, vì đổi lúc này sẽ làm sai các điểm đã chấm. Chỉ còn
          đổi được trưởng ban giám khảo.
        </Notice>
      )}
      <ErrorSummary errors={errors} labels={labels} serverError={jurylocked ? null : serverError} />
      {jurylocked && (
        <div className="alert alert-error" role="alert">
          <p>
            Không lưu được: giám khảo đã bắt đầu chấm trong lúc bạn sửa. Tiêu chí và quy tắc chấm giữ nguyên như đã lưu; chỉ còn đổi được trưởng ban giám khảo.
            Hãy tải lại trang để xem thiết lập hiện tại.
          </p>
        </div>
      )}
      {serverError && !jurylocked && !(serverError instanceof ApiError && serverError.details) ? (
        <Notice kind="error">{describeJuryError(serverError)}</Notice>
      ) : null}

      <fieldset disabled={locked} className="group">
        <legend>Tiêu chí chấm</legend>
        {errors.criteria && <p className="field-error">{errors.criteria}</p>}
        <ol className="card-list">
          {f.criteria.map((c, i) => (
            <li key={c.rowId} className="card">
              <div className="row">
                <TextField
                  name={`label-${c.rowId}`}
                  label={`Tiêu chí ${i + 1}`}
                  required
                  value={c.label}
                  onChange={(e) => setRow(c.rowId, { label: e.target.value })}
                  error={errors[`label-${c.rowId}`]}
                />
                <TextField
                  name={`max-${c.rowId}`}
                  label="Điểm tối đa"
                  required
                  inputMode="decimal"
                  value={c.maxPoints}
                  onChange={(e) => setRow(c.rowId, { maxPoints: e.target.value })}
                  error={errors[`max-${c.rowId}`]}
                />
              </div>
              <div className="actions">
                <Button
                  kind="secondary"
                  disabled={i === 0}
                  aria-label={`Chuyển tiêu chí ${i + 1} lên`}
                  onClick={() => setF((x) => moveCriterion(x, c.rowId, -1))}
                >
                  ↑ Lên
                </Button>
                <Button
                  kind="secondary"
                  disabled={i === f.criteria.length - 1}
                  aria-label={`Chuyển tiêu chí ${i + 1} xuống`}
                  onClick={() => setF((x) => moveCriterion(x, c.rowId, 1))}
                >
                  ↓ Xuống
                </Button>
                <Button
                  kind="secondary"
                  disabled={f.criteria.length === 1}
                  aria-label={`Xóa tiêu chí ${i + 1}`}
                  onClick={() => setF((x) => removeCriterion(x, c.rowId))}
                >
                  Xóa
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <Button kind="secondary" onClick={() => setF(addCriterion)}>
          + Thêm tiêu chí
        </Button>
        <p aria-live="polite">
          Tổng điểm tối đa: <strong>{points(rubricTotal(f.criteria))}</strong> điểm
        </p>
      </fieldset>

      <fieldset disabled={locked} className="group">
        <legend>Cách tính điểm của bài</legend>
        <label className="option">
          <input type="radio" name="aggregate" checked={f.aggregate === 'mean'} onChange={() => set('aggregate', 'mean')} /> Trung bình cộng điểm của các giám
          khảo
        </label>
        <label className="option">
          <input type="radio" name="aggregate" checked={f.aggregate === 'trimmed-mean'} onChange={() => set('aggregate', 'trimmed-mean')} /> Bỏ một điểm cao
          nhất và một điểm thấp nhất rồi lấy trung bình
        </label>
        {f.aggregate === 'trimmed-mean' && (
          <TextField
            name="trimmedMeanThreshold"
            label="Chỉ bỏ điểm khi có từ (số giám khảo)"
            required
            inputMode="numeric"
            value={f.trimmedMeanThreshold}
            onChange={(e) => set('trimmedMeanThreshold', e.target.value)}
            error={errors.trimmedMeanThreshold}
          />
        )}
        <p className="field-hint">{describeAggregate(f)}</p>
      </fieldset>

      <fieldset disabled={locked} className="group">
        <legend>Điểm trừ</legend>
        <CheckboxField
          name="overtime"
          label="Trừ điểm khi thuyết trình quá thời gian"
          checked={f.overtime}
          onChange={(e) => set('overtime', e.target.checked)}
        />
        {f.overtime && (
          <div className="row">
            <TextField
              name="overtimeLimitMinutes"
              label="Thời gian cho phép (phút)"
              required
              inputMode="decimal"
              value={f.overtimeLimitMinutes}
              onChange={(e) => set('overtimeLimitMinutes', e.target.value)}
              error={errors.overtimeLimitMinutes}
            />
            <TextField
              name="overtimePoints"
              label="Trừ mỗi phút vượt (điểm)"
              hint="Phút chưa trọn cũng tính là một phút."
              required
              inputMode="decimal"
              value={f.overtimePoints}
              onChange={(e) => set('overtimePoints', e.target.value)}
              error={errors.overtimePoints}
            />
            <TextField
              name="overtimeMax"
              label="Trừ tối đa (điểm)"
              inputMode="decimal"
              value={f.overtimeMax}
              onChange={(e) => set('overtimeMax', e.target.value)}
              error={errors.overtimeMax}
            />
          </div>
        )}
        {f.otherPenalties.length > 0 && <p className="field-hint">Có {f.otherPenalties.length} mức trừ điểm khác đã thiết lập, được giữ nguyên.</p>}
      </fieldset>

      <fieldset disabled={locked} className="group">
        <legend>Thống nhất điểm</legend>
        <TextField
          name="reconciliationGap"
          label="Độ chênh lệch cần trưởng ban thống nhất (điểm)"
          hint="Khi tổng điểm của hai giám khảo cho cùng một bài chênh nhau hơn mức này, bài được chuyển cho trưởng ban giám khảo. Để trống nếu không dùng."
          inputMode="decimal"
          value={f.reconciliationGap}
          onChange={(e) => set('reconciliationGap', e.target.value)}
          error={errors.reconciliationGap}
        />
      </fieldset>

      <fieldset className="group">
        <legend>Trưởng ban giám khảo</legend>
        {active.length === 0 ? (
          <p>Vòng thi chưa có giám khảo. Phân công giám khảo ở trang cuộc thi, rồi chọn trưởng ban tại đây.</p>
        ) : (
          <SelectField
            name="headJudge"
            label="Chọn trong các giám khảo của vòng"
            hint="Trưởng ban thống nhất điểm khi các giám khảo chênh nhau nhiều."
            options={headOptions}
            placeholder="— Chưa chọn —"
            value={f.headJudgeUserId}
            onChange={(e) => set('headJudgeUserId', e.target.value)}
          />
        )}
      </fieldset>

      <fieldset disabled={locked} className="group">
        <legend>Khi bằng điểm, xét điểm của tiêu chí</legend>
        <p className="field-hint">Xét lần lượt theo thứ tự trong bảng tiêu chí. Không chọn: người bằng điểm được xếp đồng hạng.</p>
        {f.criteria.map((c, i) => (
          <CheckboxField
            key={c.rowId}
            name={`tie-${c.rowId}`}
            label={c.label.trim() || `Tiêu chí ${i + 1}`}
            checked={f.tieBreak.includes(c.rowId)}
            onChange={(e) => set('tieBreak', e.target.checked ? [...f.tieBreak, c.rowId] : f.tieBreak.filter((t) => t !== c.rowId))}
          />
        ))}
      </fieldset>

      {saved && (
        <Notice kind="success" live>
          Đã lưu thiết lập ban giám khảo.
        </Notice>
      )}
      <Button type="submit" busy={busy}>
        Lưu thiết lập ban giám khảo
      </Button>
    </form>
  );
}

/** The organiser sets up a judged round: its brief, what may be handed in, the rubric and the jury's rules. */
export function JuryPage({ roundId }: { roundId: string }) {
  useDocumentTitle('Ban giám khảo và tiêu chí chấm');
  const round = useLoad(() => residentApi.round(roundId), [roundId]);
  const jury = useLoad(() => juryApi.jury(roundId).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))), [roundId]);
  const judges = useLoad(() => juryApi.judges(roundId), [roundId]);
  const brief = useLoad(() => juryApi.brief(roundId), [roundId]);
  if (round.loading || jury.loading || judges.loading || brief.loading) return <Loading />;
  if (!round.data) return <ErrorMessage error={round.error} onRetry={round.reload} />;
  const r = round.data;
  const back = r.contestId ? (
    <p>
      <Link to={paths.contestEdit(r.contestId)}>← Về trang cuộc thi</Link>
    </p>
  ) : null;
  if (r.kind !== 'judged')
    return (
      <>
        <PageTitle>Ban giám khảo và tiêu chí chấm</PageTitle>
        <Notice>Vòng «{r.title}» là trắc nghiệm, được chấm tự động: không cần tiêu chí chấm.</Notice>
        {back}
      </>
    );
  return (
    <>
      <PageTitle sub={`${r.title} · nhận bài ${formatDateTime(r.opensAt)} – ${formatDateTime(r.closesAt)}`}>Ban giám khảo và tiêu chí chấm</PageTitle>
      {!jury.data && !jury.error && (
        <Notice kind="warning">Vòng thi chưa có tiêu chí chấm: giám khảo chưa chấm được bài cho đến khi bạn lưu thiết lập dưới đây.</Notice>
      )}
      <ErrorMessage error={brief.error} onRetry={brief.reload} />
      {brief.data && <BriefEditor roundId={roundId} initial={brief.data} />}
      <ErrorMessage error={jury.error ?? judges.error} onRetry={() => (jury.reload(), judges.reload())} />
      {!jury.error && !judges.error && (
        <JuryEditor key="jury" roundId={roundId} initial={jury.data ?? null} judges={judges.data ?? []} onSaved={(v) => jury.setData(v)} />
      )}
      {back}
    </>
  );
}
