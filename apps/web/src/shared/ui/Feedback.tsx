import { useEffect, useRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { describeError, fieldProblems } from '../api/errors';

/** A failure of a request, said in Vietnamese, announced to screen readers. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{describeError(error)}</p>
      {onRetry && (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          Thử lại
        </button>
      )}
    </div>
  );
}

export function Notice({ kind = 'info', children, live }: { kind?: 'info' | 'success' | 'warning' | 'error'; children: ReactNode; live?: boolean }) {
  return (
    <div className={`alert alert-${kind}`} role={live ? (kind === 'error' || kind === 'warning' ? 'alert' : 'status') : undefined}>
      {children}
    </div>
  );
}

export function Loading({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/**
 * The list of a form's problems at its top, focused when it appears, each linking to its
 * field (GOV.UK pattern): keyboard and screen-reader users learn what to fix and where.
 */
export function ErrorSummary({ errors, labels, serverError }: { errors: Record<string, string>; labels: Record<string, string>; serverError?: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  const server = fieldProblems(serverError);
  const all: [string, string][] = [
    ...Object.entries(errors),
    ...Object.entries(server)
      .filter(([f]) => !errors[f])
      .map(([f, p]): [string, string] => [f, p.join('; ')]),
  ];
  const count = all.length + (serverError && all.length === 0 ? 1 : 0);
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, serverError]);
  if (count === 0) return null;
  const focusField = (field: string) => {
    const el = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
    el?.focus();
  };
  return (
    <div className="alert alert-error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="h3">Vui lòng kiểm tra lại</h2>
      {serverError && all.length === 0 ? <p>{describeError(serverError)}</p> : null}
      <ul>
        {all.map(([field, msg]) => (
          <li key={field}>
            <a
              href={`#${field}`}
              onClick={(e) => {
                e.preventDefault();
                focusField(field);
              }}
            >
              {labels[field] ? `${labels[field]}: ` : ''}
              {msg}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The page's heading; receives focus after navigation so screen readers announce the new page. */
export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className="page-title">
      <h1 tabIndex={-1} ref={ref}>
        {children}
      </h1>
      {sub && <p className="lead">{sub}</p>}
    </div>
  );
}

export function Button({
  busy,
  children,
  kind = 'primary',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean; kind?: 'primary' | 'secondary' | 'danger' | 'link' }) {
  return (
    <button type="button" className={`btn btn-${kind}`} aria-busy={busy || undefined} {...rest} disabled={busy || rest.disabled}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
