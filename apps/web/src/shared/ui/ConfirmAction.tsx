import { useState, type ReactNode } from 'react';
import { Button, ErrorMessage } from './Feedback';

/**
 * A button for an action that cannot be undone: the first press asks, in words, what will
 * happen; only "Đồng ý" runs it. The server's refusal is shown beside it.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel = 'Đồng ý',
  kind = 'secondary',
  run,
  onDone,
}: {
  label: string;
  question: ReactNode;
  confirmLabel?: string;
  kind?: 'secondary' | 'danger' | 'link';
  run: () => Promise<unknown>;
  onDone?: () => void;
}) {
  const [state, setState] = useState<{ asking?: boolean; busy?: boolean; error?: unknown }>({});
  if (!state.asking)
    return (
      <>
        <Button kind={kind} onClick={() => setState({ asking: true })}>
          {label}
        </Button>
        {state.error ? <ErrorMessage error={state.error} /> : null}
      </>
    );
  return (
    <div className="alert alert-warning" role="alertdialog" aria-label={label}>
      <p>{question}</p>
      <div className="actions">
        <Button
          kind="danger"
          busy={state.busy}
          onClick={() => {
            setState({ asking: true, busy: true });
            run().then(
              () => {
                setState({});
                onDone?.();
              },
              (error: unknown) => setState({ error }),
            );
          }}
        >
          {confirmLabel}
        </Button>
        <Button kind="secondary" onClick={() => setState({})}>
          Không
        </Button>
      </div>
    </div>
  );
}
