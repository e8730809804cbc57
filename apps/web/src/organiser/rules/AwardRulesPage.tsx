import { useState, type FormEvent } from 'react';
import { paths } from '../../app/routes';
import type { Contest } from '../../shared/api/types';
import { DOCUMENT_KEYS, type AwardRulesView } from '../../shared/api/rules-types';
import { useDocumentTitle, useLoad, useSession } from '../../shared/hooks';
import { Link } from '../../shared/router';
import { CheckboxField, TextField } from '../../shared/ui/Field';
import { Button, ErrorMessage, ErrorSummary, Loading, Notice, PageTitle } from '../../shared/ui/Feedback';
import { organiserApi } from '../api';
import { rulesApi } from './api';
import { ContestAwardsPanel } from './ContestAwardsPanel';
import {
  addUnitTier,
  awardBody,
  awardSaveProblems,
  DOCUMENT_LABEL,
  fromAwardRules,
  prizeChoices,
  unitsWithoutHeadcount,
  validateAward,
  type AwardRulesForm,
  type PrizeChoice,
} from './award-rules-model';

/** "Giải thưởng toàn cuộc thi": GET/PUT /contests/:id/award-rules. */
export function AwardRulesPage({ contestId }: { contestId: string }) {
  useDocumentTitle('Giải thưởng toàn cuộc thi');
  const loaded = useLoad(async () => {
    const [contest, rules, rounds] = await Promise.all([organiserApi.contest(contestId), rulesApi.awardRules(contestId), organiserApi.rounds(contestId)]);
    // The rounds' prize codes, for the points a unit earns per member who wins one.
    const plans = await Promise.all(
      rounds.map((r) =>
        rulesApi.roundRules(r.id).then(
          (x) => x.prizes?.tiers ?? null,
          () => null,
        ),
      ),
    );
    return { contest, rules, prizes: prizeChoices(plans) };
  }, [contestId]);
  if (loaded.loading) return <Loading />;
  if (loaded.error || !loaded.data) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  return <AwardForm {...loaded.data} />;
}

const LABELS: Record<string, string> = {
  points: 'Điểm mỗi người dự thi',
  minEntrants: 'Số người dự thi tối thiểu',
  unitTiers: 'Giải tập thể',
  headcounts: 'Số người của đơn vị',
  acrossRounds: 'Một người, một giải',
};

function AwardForm({ contest, rules, prizes }: { contest: Contest; rules: AwardRulesView; prizes: PrizeChoice[] }) {
  const session = useSession();
  const organiser = ['organiser', 'admin'].includes(String(session?.user.role));
  const units = contest.unitList ?? [];
  const [saved, setSaved] = useState(rules);
  const [f, setF] = useState<AwardRulesForm>(() => fromAwardRules(rules, units));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const readOnly = !organiser || saved.locked;
  const server = awardSaveProblems(serverError, f);
  const shown = { ...server.fields, ...errors };
  const err = (k: string) => shown[k];
  const set = <K extends keyof AwardRulesForm>(k: K, v: AwardRulesForm[K]) => setF((x) => ({ ...x, [k]: v }));
  const missing = unitsWithoutHeadcount(f);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateAward(f);
    setErrors(errs);
    setServerError(null);
    setMessage(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const next = await rulesApi.putAwardRules(contest.id, awardBody(f));
      setSaved(next);
      setF(fromAwardRules(next, units));
      setMessage('Đã lưu giải thưởng toàn cuộc thi.');
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="form-page">
      <PageTitle sub={contest.title}>Giải thưởng toàn cuộc thi</PageTitle>
      <p>
        <Link to={paths.contestEdit(contest.id)}>← Về trang cuộc thi</Link>
      </p>
      {saved.locked && <Notice kind="info">Mọi vòng thi đã công bố kết quả: giải thưởng toàn cuộc thi được giữ nguyên như khi công bố.</Notice>}
      {message && (
        <Notice kind="success" live>
          {message}
        </Notice>
      )}
      {server.form ? (
        <div className="alert alert-error" role="alert">
          {server.form}
        </div>
      ) : (
        <ErrorSummary errors={shown} labels={LABELS} serverError={serverError} />
      )}
      <form onSubmit={(e) => void save(e)} noValidate>
        <fieldset className="group" disabled={readOnly} data-field="acrossRounds">
          <legend>Một người đạt giải ở nhiều vòng</legend>
          <Radio
            name="acrossRounds"
            value="highest-only"
            checked={f.acrossRounds === 'highest-only'}
            onChange={() => set('acrossRounds', 'highest-only')}
            label="Mỗi người chỉ nhận một giải trong cả cuộc thi"
            hint="Người đã đạt giải ở vòng đã công bố không được xét giải ở vòng sau; giải đó dành cho người xếp tiếp theo. Danh sách toàn cuộc thi giữ giải cao nhất của mỗi người."
          />
          <Radio
            name="acrossRounds"
            value="each-round"
            checked={f.acrossRounds === 'each-round'}
            onChange={() => set('acrossRounds', 'each-round')}
            label="Mỗi vòng xét giải riêng"
            hint="Một người có thể đạt giải ở nhiều vòng và nhận đủ các giải đó."
          />
          {err('acrossRounds') && <p className="field-error">⚠ {err('acrossRounds')}</p>}
        </fieldset>

        <fieldset className="group" disabled={readOnly}>
          <legend>Giải tập thể cho đơn vị</legend>
          <CheckboxField
            name="unitEnabled"
            label="Trao giải cho các đơn vị có nhiều người tham gia"
            hint="Đơn vị là cơ quan, xã, phường người dự thi chọn khi đăng ký."
            checked={f.unitEnabled}
            onChange={(e) => set('unitEnabled', e.target.checked)}
          />
          {f.unitEnabled && <UnitPrizeFields f={f} setF={setF} err={err} prizes={prizes} readOnly={readOnly} />}
        </fieldset>

        <fieldset className="group" disabled={readOnly} data-field="headcounts">
          <legend>Số người của từng đơn vị</legend>
          <p className="field-hint">Dùng khi tính giải tập thể theo tỉ lệ tham gia. Để trống những đơn vị không cần.</p>
          {missing.length > 0 && <Notice kind="warning">Chưa có số người nên không được xếp giải tập thể: {missing.join(', ')}.</Notice>}
          {err('headcounts') && <p className="field-error">⚠ {err('headcounts')}</p>}
          {f.headcounts.length === 0 && <p>Cuộc thi chưa có danh sách đơn vị. Thêm đơn vị bên dưới, hoặc nhập danh sách ở trang sửa cuộc thi.</p>}
          {f.headcounts.length > 0 && (
            <div className="table-wrap headcounts">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Đơn vị</th>
                    <th scope="col">Số người</th>
                  </tr>
                </thead>
                <tbody>
                  {f.headcounts.map((h, i) => {
                    const setRow = (patch: Partial<typeof h>) =>
                      set(
                        'headcounts',
                        f.headcounts.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                      );
                    const e1 = err(`headcounts.${i}.unit`);
                    const e2 = err(`headcounts.${i}.count`);
                    return (
                      <tr key={i}>
                        <th scope="row">
                          {h.listed ? (
                            h.unit
                          ) : (
                            <input
                              aria-label={`Tên đơn vị, dòng ${i + 1}`}
                              data-field={`headcounts.${i}.unit`}
                              aria-invalid={e1 ? true : undefined}
                              value={h.unit}
                              onChange={(e) => setRow({ unit: e.target.value })}
                            />
                          )}
                          {e1 && <p className="field-error">⚠ {e1}</p>}
                        </th>
                        <td>
                          <input
                            aria-label={`Số người của ${h.unit.trim() || `dòng ${i + 1}`}`}
                            inputMode="numeric"
                            data-field={`headcounts.${i}.count`}
                            aria-invalid={e2 ? true : undefined}
                            value={h.count}
                            onChange={(e) => setRow({ count: e.target.value })}
                          />
                          {e2 && <p className="field-error">⚠ {e2}</p>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {!readOnly && (
            <Button kind="secondary" onClick={() => set('headcounts', [...f.headcounts, { unit: '', count: '', listed: false }])}>
              Thêm đơn vị
            </Button>
          )}
        </fieldset>

        <fieldset className="group" disabled={readOnly}>
          <legend>Quyết định khen thưởng</legend>
          <p className="field-hint">
            In trên Quyết định khen thưởng (PDF) và giấy chứng nhận của mỗi vòng, tải ở trang kết quả của vòng. Để trống để dùng mặc định.
          </p>
          {DOCUMENT_KEYS.map((k) => (
            <TextField
              key={k}
              name={`documents.${k}`}
              label={DOCUMENT_LABEL[k].label}
              hint={DOCUMENT_LABEL[k].hint}
              value={f.documents[k]}
              onChange={(e) => set('documents', { ...f.documents, [k]: e.target.value })}
              error={err(`documents.${k}`)}
            />
          ))}
        </fieldset>

        {!readOnly && (
          <div className="actions">
            <Button type="submit" busy={busy}>
              Lưu giải thưởng
            </Button>
            <Link className="btn btn-secondary" to={paths.contestEdit(contest.id)}>
              Hủy
            </Link>
          </div>
        )}
      </form>
      <ContestAwardsPanel contestId={contest.id} />
    </div>
  );
}

function Radio({
  name,
  value,
  checked,
  onChange,
  label,
  hint,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  hint: string;
}) {
  const id = `r-${name}-${value}`;
  return (
    <div className="field field-check">
      <input type="radio" id={id} name={name} value={value} checked={checked} onChange={onChange} aria-describedby={`${id}-hint`} />
      <div>
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      </div>
    </div>
  );
}

/** The points formula in words, as the organiser sets it. */
function formulaText(f: AwardRulesForm): string {
  const who = f.countBy === 'people' ? 'số người dự thi' : 'số lượt thi';
  const base = f.perHeadcount ? `${f.points || '?'} × ${who} ÷ số người của đơn vị` : `${f.points || '?'} × ${who}`;
  return `Điểm của đơn vị = ${base} + điểm cộng cho mỗi thành viên đạt giải cá nhân. Đơn vị nhiều điểm hơn xếp trên; bằng điểm thì đơn vị có nhiều người dự thi hơn xếp trên.`;
}

function UnitPrizeFields({
  f,
  setF,
  err,
  prizes,
  readOnly,
}: {
  f: AwardRulesForm;
  setF: (u: (x: AwardRulesForm) => AwardRulesForm) => void;
  err: (k: string) => string | undefined;
  prizes: PrizeChoice[];
  readOnly: boolean;
}) {
  const set = <K extends keyof AwardRulesForm>(k: K, v: AwardRulesForm[K]) => setF((x) => ({ ...x, [k]: v }));
  const codes = [...new Set([...prizes.map((p) => p.code), ...Object.keys(f.winnerPoints)])];
  return (
    <>
      <fieldset className="group inline" data-field="countBy">
        <legend>Cách đếm người tham gia</legend>
        <Radio
          name="countBy"
          value="people"
          checked={f.countBy === 'people'}
          onChange={() => set('countBy', 'people')}
          label="Đếm số người"
          hint="Mỗi người tính một lần dù thi nhiều lượt."
        />
        <Radio
          name="countBy"
          value="attempts"
          checked={f.countBy === 'attempts'}
          onChange={() => set('countBy', 'attempts')}
          label="Đếm số lượt thi"
          hint="Mỗi lượt thi hợp lệ tính một lần."
        />
      </fieldset>
      <div className="row">
        <TextField
          name="points"
          label="Điểm cho mỗi người (hoặc lượt) dự thi"
          required
          inputMode="decimal"
          value={f.points}
          onChange={(e) => set('points', e.target.value)}
          error={err('points')}
        />
        <TextField
          name="minEntrants"
          label="Số người dự thi tối thiểu để được xét"
          required
          inputMode="numeric"
          value={f.minEntrants}
          onChange={(e) => set('minEntrants', e.target.value)}
          error={err('minEntrants')}
        />
      </div>
      <CheckboxField
        name="perHeadcount"
        label="Tính theo tỉ lệ tham gia (chia cho số người của đơn vị)"
        hint="Đơn vị có 100% người tham gia được đủ số điểm trên. Nhập số người của từng đơn vị ở bảng bên dưới."
        checked={f.perHeadcount}
        onChange={(e) => set('perHeadcount', e.target.checked)}
      />
      <h3 className="h4">Điểm cộng cho mỗi thành viên đạt giải cá nhân</h3>
      {codes.length === 0 && <p className="field-hint">Các vòng thi chưa có giải cá nhân nào.</p>}
      <div className="row">
        {codes.map((code) => {
          const names = prizes.find((p) => p.code === code)?.names ?? [code];
          return (
            <TextField
              key={code}
              name={`winnerPoints.${code}`}
              label={`Mỗi ${names.join(' / ')}`}
              inputMode="decimal"
              value={f.winnerPoints[code] ?? ''}
              onChange={(e) => set('winnerPoints', { ...f.winnerPoints, [code]: e.target.value })}
              error={err(`winnerPoints.${code}`)}
            />
          );
        })}
      </div>
      <p className="alert alert-info">{formulaText(f)}</p>
      <h3 className="h4">Các giải tập thể, từ cao xuống thấp</h3>
      {err('unitTiers') && <p className="field-error">⚠ {err('unitTiers')}</p>}
      {f.unitTiers.map((t, i) => (
        <div key={t.code} className="row">
          <TextField
            name={`unitTiers.${i}.name`}
            label={`Tên giải tập thể ${i + 1}`}
            required
            value={t.name}
            onChange={(e) =>
              set(
                'unitTiers',
                f.unitTiers.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)),
              )
            }
            error={err(`unitTiers.${i}.name`)}
          />
          <TextField
            name={`unitTiers.${i}.count`}
            label="Số đơn vị đạt giải"
            required
            inputMode="numeric"
            value={t.count}
            onChange={(e) =>
              set(
                'unitTiers',
                f.unitTiers.map((x, j) => (j === i ? { ...x, count: e.target.value } : x)),
              )
            }
            error={err(`unitTiers.${i}.count`)}
          />
          {!readOnly && (
            <Button
              kind="link"
              onClick={() =>
                set(
                  'unitTiers',
                  f.unitTiers.filter((_, j) => j !== i),
                )
              }
            >
              Xóa {t.name.trim() || `giải tập thể ${i + 1}`}
            </Button>
          )}
        </div>
      ))}
      {!readOnly && (
        <Button kind="secondary" onClick={() => setF(addUnitTier)}>
          Thêm giải tập thể
        </Button>
      )}
    </>
  );
}
