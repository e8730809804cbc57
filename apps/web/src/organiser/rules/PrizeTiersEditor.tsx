import { CheckboxField, SelectField, TextField } from '../../shared/ui/Field';
import { Button } from '../../shared/ui/Feedback';
import { REQUIRABLE_FIELDS } from '../contest-form';
import { addGroup, addTier, removeGroup, removeTier, type RoundRulesForm, type TierRow } from './round-rules-model';

const FIELD_LABEL: Record<string, string> = Object.fromEntries(REQUIRABLE_FIELDS.map((r) => [r.value, r.label]));

/** The registration fields a group can come from: the contest's fields, and the saved one. */
function groupFieldOptions(contestFields: readonly string[], current: string) {
  const names = [...new Set([...contestFields.filter((f) => f !== 'dateOfBirth' && f !== 'email'), ...(current ? [current] : [])])];
  return names.map((n) => ({ value: n, label: FIELD_LABEL[n] ? `${FIELD_LABEL[n]} (${n})` : n }));
}

/**
 * Prize tiers, best first, with a minimum score; either one quota per tier or, for
 * competitions that award each group apart (provincial, district, commune rapporteurs),
 * a quota per group read from a registration field.
 */
export function PrizeTiersEditor({
  f,
  setF,
  err,
  contestFields,
  readOnly,
}: {
  f: RoundRulesForm;
  setF: (f: RoundRulesForm) => void;
  err: (k: string) => string | undefined;
  contestFields: readonly string[];
  readOnly: boolean;
}) {
  const setTier = (i: number, patch: Partial<TierRow>) => setF({ ...f, tiers: f.tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)) });
  const options = groupFieldOptions(contestFields, f.groupField);
  return (
    <fieldset className="group" disabled={readOnly}>
      <legend>Giải thưởng của vòng (mỗi người tối đa một giải)</legend>
      <TextField
        name="minScore"
        label="Điểm tối thiểu để đạt giải"
        hint="Người dưới điểm này không đạt giải dù đủ thứ hạng. Để trống nếu không yêu cầu."
        inputMode="decimal"
        value={f.minScore}
        onChange={(e) => setF({ ...f, minScore: e.target.value })}
        error={err('minScore')}
      />
      <CheckboxField
        name="grouped"
        label="Chia số giải theo nhóm"
        hint="Ví dụ báo cáo viên cấp tỉnh, cấp huyện, cấp xã được xét giải riêng: mỗi nhóm có số giải riêng, xếp hạng trong nhóm."
        checked={f.grouped}
        onChange={(e) =>
          setF({
            ...f,
            grouped: e.target.checked,
            groups: e.target.checked && !f.groups.length ? [''] : f.groups,
            tiers: e.target.checked && !f.groups.length ? f.tiers.map((t) => ({ ...t, perGroup: ['0'] })) : f.tiers,
          })
        }
      />
      {f.grouped && (
        <div className="rule" data-field="groups" tabIndex={-1}>
          {options.length > 0 ? (
            <SelectField
              name="groupField"
              label="Trường đăng ký ghi nhóm"
              required
              placeholder="— Chọn trường —"
              options={options}
              value={f.groupField}
              hint="Nhóm của mỗi người lấy từ thông tin họ khai khi đăng ký tham gia cuộc thi."
              onChange={(e) => setF({ ...f, groupField: e.target.value })}
              error={err('groupField')}
            />
          ) : (
            <TextField
              name="groupField"
              label="Trường đăng ký ghi nhóm"
              required
              hint="Cuộc thi chưa yêu cầu trường nào khi đăng ký: thêm trường (ví dụ capBaoCaoVien) ở trang sửa cuộc thi, rồi nhập tên trường ở đây."
              value={f.groupField}
              onChange={(e) => setF({ ...f, groupField: e.target.value })}
              error={err('groupField')}
            />
          )}
          <h3 className="h4">Các nhóm</h3>
          <p className="field-hint">
            Ghi đúng như giá trị người dự thi đã khai ở trường trên (ví dụ “Cấp tỉnh”). Người không thuộc nhóm nào không được xét giải.
          </p>
          {err('groups') && <p className="field-error">⚠ {err('groups')}</p>}
          {f.groups.map((g, j) => (
            <div key={j} className="row">
              <TextField
                name={`groups.${j}`}
                label={`Tên nhóm ${j + 1}`}
                required
                value={g}
                onChange={(e) => setF({ ...f, groups: f.groups.map((x, k) => (k === j ? e.target.value : x)) })}
                error={err(`groups.${j}`)}
              />
              {!readOnly && (
                <Button kind="link" onClick={() => setF(removeGroup(f, j))}>
                  Xóa nhóm {g.trim() || j + 1}
                </Button>
              )}
            </div>
          ))}
          {!readOnly && (
            <Button kind="secondary" onClick={() => setF(addGroup(f))}>
              Thêm nhóm
            </Button>
          )}
        </div>
      )}
      <h3 className="h4">Các giải, từ cao xuống thấp</h3>
      {err('tiers') && <p className="field-error">⚠ {err('tiers')}</p>}
      {f.tiers.length === 0 && <p>Vòng thi chưa có giải nào.</p>}
      {f.tiers.map((t, i) => (
        <div key={t.code} className="rule">
          <div className="row">
            <TextField
              name={`tiers.${i}.name`}
              label={`Tên giải ${i + 1}`}
              required
              value={t.name}
              onChange={(e) => setTier(i, { name: e.target.value })}
              error={err(`tiers.${i}.name`)}
            />
            {!f.grouped && (
              <TextField
                name={`tiers.${i}.count`}
                label="Số lượng"
                required
                inputMode="numeric"
                value={t.count}
                onChange={(e) => setTier(i, { count: e.target.value })}
                error={err(`tiers.${i}.count`)}
              />
            )}
          </div>
          {f.grouped && (
            <div className="row">
              {f.groups.map((g, j) => (
                <TextField
                  key={j}
                  name={`tiers.${i}.perGroup.${j}`}
                  label={`${t.name.trim() || `Giải ${i + 1}`}: số giải nhóm ${g.trim() || j + 1}`}
                  required
                  inputMode="numeric"
                  value={t.perGroup[j] ?? '0'}
                  onChange={(e) => setTier(i, { perGroup: f.groups.map((_, k) => (k === j ? e.target.value : (t.perGroup[k] ?? '0'))) })}
                  error={err(`tiers.${i}.perGroup.${j}`)}
                />
              ))}
            </div>
          )}
          {!readOnly && (
            <Button kind="link" onClick={() => setF(removeTier(f, i))}>
              Xóa {t.name.trim() || `giải ${i + 1}`}
            </Button>
          )}
        </div>
      ))}
      {!readOnly && (
        <Button kind="secondary" onClick={() => setF(addTier(f))}>
          Thêm giải
        </Button>
      )}
    </fieldset>
  );
}
