import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
}

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Label({ id, label, required }: { id: string; label: ReactNode; required?: boolean }) {
  return (
    <label htmlFor={id} className="field-label">
      {label}
      {required ? (
        <span aria-hidden="true" className="req">
          {' '}
          *
        </span>
      ) : (
        <span className="optional"> (không bắt buộc)</span>
      )}
    </label>
  );
}

function Extra({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField({ label, hint, error, required, name, ...rest }: Common & InputHTMLAttributes<HTMLInputElement> & { name: string }) {
  const id = `f-${name}-${useId()}`;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <Label id={id} label={label} required={required} />
      <Extra id={id} hint={hint} error={error} />
      <input
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-field={name}
        {...rest}
      />
    </div>
  );
}

export function TextArea({ label, hint, error, required, name, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string }) {
  const id = `f-${name}-${useId()}`;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <Label id={id} label={label} required={required} />
      <Extra id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-field={name}
        {...rest}
      />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  required,
  name,
  options,
  placeholder,
  ...rest
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { name: string; options: readonly (string | { value: string; label: string })[]; placeholder?: string }) {
  const id = `f-${name}-${useId()}`;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <Label id={id} label={label} required={required} />
      <Extra id={id} hint={hint} error={error} />
      <select
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-field={name}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => {
          const v = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          );
        })}
      </select>
    </div>
  );
}

export function CheckboxField({ label, hint, error, name, ...rest }: Omit<Common, 'required'> & InputHTMLAttributes<HTMLInputElement> & { name: string }) {
  const id = `f-${name}-${useId()}`;
  return (
    <div className={`field field-check${error ? ' has-error' : ''}`}>
      <input
        type="checkbox"
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-field={name}
        {...rest}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <Extra id={id} hint={hint} error={error} />
      </div>
    </div>
  );
}
