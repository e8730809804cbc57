import { useState, type FormEvent } from 'react';
import type { EntryView, MarkingSummary } from '../shared/api/judging-types';
import type { PenaltyRule } from '../shared/api/jury-types';
import { CheckboxField, TextField } from '../shared/ui/Field';
import { Button, ErrorSummary, Notice } from '../shared/ui/Feedback';
import { judgeApi } from './api';
import { checkFacts, factsValues, fixedRules, formatDuration, overtimeHint, overtimeRule, penaltyLines, type FactsValues } from './entry-facts-model';
import { formatPoints } from './marking-model';

const LABELS = { 'facts-minutes': 'Số phút', 'facts-seconds': 'Số giây' };

/**
 * Organisers record how long the presentation ran and the breaches (PATCH /entries/:id); the
 * penalties are computed from these facts, and shown as the api computed them (the entry's marking).
 */
export function EntryFactsForm({
  entry,
  rules,
  penalties,
  published,
  onSaved,
}: {
  entry: EntryView;
  rules: PenaltyRule[];
  penalties: MarkingSummary['penalties'] | undefined;
  published: boolean;
  onSaved: (e: EntryView) => void;
}) {
  const [values, setValues] = useState<FactsValues>(() => factsValues(entry, rules));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const overtime = overtimeRule(rules);
  const fixed = fixedRules(rules);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = checkFacts(values, rules);
    setErrors(c.errors);
    if (!c.body) return;
    setBusy(true);
    setServerError(null);
    try {
      onSaved(await judgeApi.recordFacts(entry.id, c.body));
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="facts">
      <h2 id="facts">Thời lượng trình bày và vi phạm</h2>
      <p className="field-hint">Ban tổ chức ghi lại; điểm trừ được tính từ các thông tin này và trừ vào điểm cuối của bài.</p>
      {published && <Notice kind="info">Kết quả vòng thi đã công bố: không sửa được thời lượng và vi phạm nữa.</Notice>}
      <fieldset disabled={published} className="plain">
        <ErrorSummary errors={errors} labels={LABELS} serverError={serverError} />
        <fieldset className="group">
          <legend>Thời lượng trình bày</legend>
          <p className="field-hint" id="facts-duration-hint">
            {overtimeHint(overtime)}
          </p>
          <div className="row">
            <TextField
              name="facts-minutes"
              label="Số phút"
              inputMode="numeric"
              autoComplete="off"
              value={values.minutes}
              onChange={(e) => setValues({ ...values, minutes: e.target.value })}
              error={errors['facts-minutes']}
            />
            <TextField
              name="facts-seconds"
              label="Số giây"
              inputMode="numeric"
              autoComplete="off"
              value={values.seconds}
              onChange={(e) => setValues({ ...values, seconds: e.target.value })}
              error={errors['facts-seconds']}
            />
          </div>
        </fieldset>
        {fixed.length > 0 ? (
          <fieldset className="group">
            <legend>Vi phạm</legend>
            {fixed.map((r) => (
              <CheckboxField
                key={r.code}
                name={`facts-breach-${r.code}`}
                label={`${r.label} (trừ ${formatPoints(r.points)} điểm)`}
                checked={values.breaches.includes(r.code)}
                onChange={(e) =>
                  setValues({ ...values, breaches: e.target.checked ? [...values.breaches, r.code] : values.breaches.filter((b) => b !== r.code) })
                }
              />
            ))}
          </fieldset>
        ) : (
          <p>Ban giám khảo không đặt mức trừ điểm cho vi phạm.</p>
        )}
        <Button type="submit" busy={busy}>
          Lưu thời lượng và vi phạm
        </Button>
      </fieldset>
      <div className="facts-result" aria-live="polite">
        <h3 className="h4">Điểm trừ hiện tại</h3>
        {entry.durationSeconds !== null && <p>Thời lượng đã ghi: {formatDuration(entry.durationSeconds)}.</p>}
        <ul>
          {penaltyLines(penalties, rules).map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </div>
    </form>
  );
}
