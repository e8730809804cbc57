import { useState, type ReactNode } from 'react';
import type { Loaded } from '../hooks';
import { TextField } from './Field';
import { Button, ErrorMessage, Loading } from './Feedback';

/** One search box with its button; the text is searched when submitted (Enter or the button), trimmed. */
export function SearchForm({
  name,
  label,
  hint,
  button = 'Tìm',
  onSearch,
}: {
  name: string;
  label: string;
  hint?: string;
  button?: string;
  onSearch: (q: string) => void;
}) {
  const [q, setQ] = useState('');
  return (
    <form
      className="search-row"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(q.trim());
      }}
    >
      <TextField name={name} type="search" label={label} hint={hint} value={q} onChange={(e) => setQ(e.target.value)} />
      <Button type="submit" kind="secondary">
        {button}
      </Button>
    </form>
  );
}

/** What a paged list shows besides its rows: loading, the error with a retry, or the empty message. */
export function ListStatus({ list, empty }: { list: Pick<Loaded<{ total: number }>, 'data' | 'error' | 'loading' | 'reload'>; empty: ReactNode }) {
  return (
    <>
      {list.loading && <Loading />}
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {list.data && list.data.total === 0 && <p>{empty}</p>}
    </>
  );
}
