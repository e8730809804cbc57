import { Button } from './Feedback';

/** Previous / next over a paged list ({ items, total }); nothing when everything fits on one page. */
export function Pager({
  offset,
  limit,
  total,
  onOffset,
  label = 'Phân trang',
}: {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
  label?: string;
}) {
  if (total <= limit) return null;
  return (
    <nav className="pager" aria-label={label}>
      <Button kind="secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        ← Trang trước
      </Button>
      <span>
        {offset + 1}–{Math.min(total, offset + limit)} / {total}
      </span>
      <Button kind="secondary" disabled={offset + limit >= total} onClick={() => onOffset(offset + limit)}>
        Trang sau →
      </Button>
    </nav>
  );
}
