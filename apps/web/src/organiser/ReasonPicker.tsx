import { SelectField, TextArea } from '../shared/ui/Field';
import { OTHER } from './winners-model';

/** The purpose of an audited action: usual choices, or "Lý do khác" with the organiser's own words. */
export function ReasonPicker({
  name,
  label,
  choices,
  choice,
  note,
  onChoice,
  onNote,
  problem,
}: {
  name: string;
  label: string;
  choices: readonly string[];
  choice: string;
  note: string;
  onChoice: (v: string) => void;
  onNote: (v: string) => void;
  problem?: string;
}) {
  return (
    <>
      <SelectField
        name={`${name}-choice`}
        label={label}
        required
        options={[...choices, { value: OTHER, label: 'Lý do khác' }]}
        value={choice}
        onChange={(e) => onChoice(e.target.value)}
      />
      <TextArea
        name={`${name}-note`}
        label={choice === OTHER ? 'Ghi rõ lý do' : 'Ghi chú thêm'}
        required={choice === OTHER}
        hint="Lý do được ghi vào nhật ký truy cập cùng tên người xem và thời điểm."
        rows={2}
        value={note}
        onChange={(e) => onNote(e.target.value)}
        error={problem}
      />
    </>
  );
}
