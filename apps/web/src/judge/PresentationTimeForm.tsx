import { useState, type FormEvent } from 'react';
import type { EntryView } from '../shared/api/judging-types';
import type { OvertimePenalty } from '../shared/api/jury-types';
import { TextField } from '../shared/ui/Field';
import { Button, ErrorMessage, Notice } from '../shared/ui/Feedback';
import { judgeApi } from './api';
import { checkPresentationTime, overtimeLine, presentationTimeFields } from './presentation-time';

/**
 * The organiser records how long the presentation ran (audited on the server); the jury's
 * overtime penalty is counted from it. Judges only read it on the entry.
 */
export function PresentationTimeForm({ entry, overtime, onSaved }: { entry: EntryView; overtime?: OvertimePenalty; onSaved: (e: EntryView) => void }) {
  const [fields, setFields] = useState(() => presentationTimeFields(entry.durationSeconds));
  const [errors, setErrors] = useState<{ minutes?: string; seconds?: string }>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = checkPresentationTime(fields.minutes, fields.seconds);
    setErrors(c.errors);
    setSaved(null);
    if (c.errors.minutes || c.errors.seconds) return;
    setBusy(true);
    setServerError(null);
    try {
      const updated = await judgeApi.recordPresentationTime(entry.id, c.durationSeconds);
      onSaved(updated);
      setSaved(c.durationSeconds === null ? 'Đã xóa thời lượng trình bày.' : `Đã ghi thời lượng trình bày. ${overtimeLine(c.durationSeconds, overtime) ?? ''}`.trim());
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="presentation-time" className="panel">
      <h2 id="presentation-time">Thời lượng trình bày</h2>
      <p className="field-hint">
        {overtime
          ? `Ban tổ chức ghi thời gian thí sinh trình bày; quá ${Math.floor(overtime.limitSeconds / 60)} phút bị trừ điểm theo thiết lập ban giám khảo. Để trống cả hai ô để xóa.`
          : 'Ban giám khảo không đặt mức trừ điểm khi quá thời gian; thời lượng chỉ để ghi nhận. Để trống cả hai ô để xóa.'}
      </p>
      <div className="row">
        <TextField name="presentation-minutes" label="Số phút" inputMode="numeric" autoComplete="off" className="narrow" value={fields.minutes} onChange={(e) => setFields({ ...fields, minutes: e.target.value })} error={errors.minutes} />
        <TextField name="presentation-seconds" label="Số giây" inputMode="numeric" autoComplete="off" className="narrow" value={fields.seconds} onChange={(e) => setFields({ ...fields, seconds: e.target.value })} error={errors.seconds} />
      </div>
      <ErrorMessage error={serverError} />
      {saved && (
        <Notice kind="success" live>
          {saved}
        </Notice>
      )}
      <Button type="submit" kind="secondary" busy={busy}>
        Lưu thời lượng
      </Button>
    </form>
  );
}
