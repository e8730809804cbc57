import { checkVnDateTime, maskVnDateTime, spellVnDateTime, VN_DATETIME_EXAMPLE, VN_DATETIME_PLACEHOLDER } from '../vn-datetime';
import { TextField } from './Field';

/**
 * A date-time in Vietnam time, typed as "dd/mm/yyyy hh:mm" (see vn-datetime.ts for why not
 * a native picker). The numeric keypad is enough on phones: separators appear by themselves.
 * Under the field the value is read back with its weekday, so a swapped day and month shows.
 */
export function DateTimeField({
  name,
  label,
  value,
  onChange,
  error,
  required,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string;
  required?: boolean;
}) {
  const check = value.trim() ? checkVnDateTime(value) : null;
  const hint = (
    <>
      Ngày/tháng/năm giờ:phút, giờ Việt Nam — ví dụ {VN_DATETIME_EXAMPLE}
      {check?.iso ? (
        <>
          {' '}
          · <strong>{spellVnDateTime(check.iso)}</strong>
        </>
      ) : null}
    </>
  );
  return (
    <TextField
      name={name}
      label={label}
      required={required}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder={VN_DATETIME_PLACEHOLDER}
      hint={hint}
      value={value}
      onChange={(e) => onChange(maskVnDateTime(e.target.value, value))}
      error={error}
    />
  );
}
