import { useState } from 'react';
import { paths } from '../app/routes';
import { downloadFile } from '../shared/download';
import { useDocumentTitle, useLoad } from '../shared/hooks';
import { Link } from '../shared/router';
import { Button, ErrorMessage, Loading, PageTitle } from '../shared/ui/Feedback';
import { organiserApi } from './api';
import { readStats, statName, type Series } from './stats-model';

/** A bar chart as a list: readable by screen readers and at any text size, no chart library. */
function Bars({ s }: { s: Series }) {
  const max = Math.max(...s.rows.map((r) => r.value), 0) || 1;
  const pct = s.rows.every((r) => r.value <= 1) && s.rows.some((r) => r.value < 1);
  return (
    <figure className="bars">
      <figcaption>{statName(s.key)}</figcaption>
      <ul>
        {s.rows.slice(0, 60).map((r, i) => (
          <li key={i}>
            <span className="bar-label">{r.label || '—'}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(r.value / max) * 100}%` }} />
            </span>
            <span className="bar-value">{pct ? `${Math.round(r.value * 1000) / 10}%` : r.value.toLocaleString('vi-VN')}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function StatisticsPage({ contestId }: { contestId: string }) {
  const contest = useLoad(() => organiserApi.contest(contestId), [contestId]);
  const stats = useLoad(async () => readStats(await organiserApi.statistics(contestId)), [contestId]);
  const [dl, setDl] = useState<{ busy?: boolean; error?: unknown }>({});
  useDocumentTitle('Thống kê');
  return (
    <>
      <PageTitle sub={contest.data?.title}>Thống kê</PageTitle>
      <div className="actions">
        <Button
          kind="secondary"
          busy={dl.busy}
          onClick={() => {
            setDl({ busy: true });
            downloadFile(`/contests/${encodeURIComponent(contestId)}/statistics`, { format: 'xlsx' }, 'thong-ke.xlsx').then(
              () => setDl({}),
              (e: unknown) => setDl({ error: e }),
            );
          }}
        >
          Tải báo cáo Excel
        </Button>
        <Link className="btn btn-link" to={paths.contestEdit(contestId)}>
          ← Về cuộc thi
        </Link>
      </div>
      <ErrorMessage error={dl.error} />
      {stats.loading && <Loading />}
      <ErrorMessage error={stats.error} onRetry={stats.reload} />
      {stats.data && (
        <>
          {stats.data.figures.length > 0 && (
            <dl className="figures">
              {stats.data.figures.map((f) => (
                <div key={f.key}>
                  <dt>{statName(f.key)}</dt>
                  <dd>{f.value.toLocaleString('vi-VN')}</dd>
                </div>
              ))}
            </dl>
          )}
          {stats.data.series.map((s) => (
            <Bars key={s.key} s={s} />
          ))}
          {stats.data.figures.length === 0 && stats.data.series.length === 0 && <p>Chưa có số liệu.</p>}
        </>
      )}
    </>
  );
}
