import { useState } from 'react';
import { paths } from '../app/routes';
import { api } from '../shared/api/client';
import { downloadFile } from '../shared/download';
import { useDocumentTitle, useInterval, useLoad, useSession } from '../shared/hooks';
import { Link } from '../shared/router';
import { PageTitle } from '../shared/ui/Feedback';
import { type DownloadState, type Period, StatisticsView } from './statistics/StatisticsView';
import type { ContestStatistics } from './statistics/types';
import './statistics/statistics.css';

const seg = encodeURIComponent;
/** The statistics of a big contest can take a while to group the first time. */
const STATS_TIMEOUT_MS = 60_000;
const PENDING_RETRY_MS = 5_000;

/** Organisers' (and assigned judges') statistics screen: charts, the XLSX and the period report. */
export function StatisticsPage({ contestId }: { contestId: string }) {
  const session = useSession();
  const [period, setPeriod] = useState<Period>({ from: '', to: '' });
  const stats = useLoad(
    () =>
      api.get<ContestStatistics>(
        `/contests/${seg(contestId)}/statistics`,
        { format: 'json', from: period.from || undefined, to: period.to || undefined },
        { timeoutMs: STATS_TIMEOUT_MS },
      ),
    [contestId, period.from, period.to],
  );
  const [download, setDownload] = useState<DownloadState>({});
  const [report, setReport] = useState<DownloadState>({});
  useDocumentTitle('Thống kê');
  // Per-question figures of a very big day are grouped in the background: ask again until done.
  useInterval(stats.reload, stats.data?.questionsStatus === 'pending' && !stats.loading ? PENDING_RETRY_MS : null);

  const run = (set: (s: DownloadState) => void, p: Promise<void>) => {
    set({ busy: true });
    p.then(
      () => set({}),
      (e: unknown) => set({ error: e }),
    );
  };
  const role = session?.user.role;
  const organisationId = stats.data?.contest.organisationId ?? session?.user.organisationId ?? null;
  const thisYear = Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));
  return (
    <>
      <PageTitle sub={stats.data?.contest.title}>Thống kê</PageTitle>
      <p>
        <Link to={paths.contestEdit(contestId)}>← Về cuộc thi</Link>
      </p>
      <StatisticsView
        loading={stats.loading}
        error={stats.error}
        data={stats.data}
        onRetry={stats.reload}
        period={period}
        onPeriod={setPeriod}
        download={download}
        onDownload={() =>
          run(
            setDownload,
            downloadFile(
              `/contests/${seg(contestId)}/statistics`,
              { format: 'xlsx', ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) },
              'thong-ke.xlsx',
            ),
          )
        }
        thisYear={thisYear}
        report={
          organisationId && (role === 'organiser' || role === 'admin')
            ? {
                state: report,
                onDownload: (year, half) =>
                  run(
                    setReport,
                    downloadFile(
                      `/organisations/${seg(organisationId)}/report`,
                      { year: String(year), ...(half ? { half: String(half) } : {}), format: 'xlsx' },
                      `bao-cao-${year}.xlsx`,
                    ),
                  ),
              }
            : null
        }
      />
    </>
  );
}
