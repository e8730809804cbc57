import type { ExportColumn } from '@lc/platform';
import { formatDay, labelOf, STATUS_LABELS } from '../common/labels';
import { sheet, type SheetSpec } from '../common/workbook';
import type { OrganisationReport, PeriodFigures, ReportContest } from './organisation-report.types';

type Line = { label: string; current: string | number | null; previous: string | number | null; difference?: number | null; percent?: number | null };

const FIGURE_LABELS: Record<keyof PeriodFigures, string> = {
  contests: 'Số cuộc thi tổ chức',
  rounds: 'Số vòng thi',
  registrations: 'Lượt đăng ký',
  entries: 'Lượt dự thi',
  uniqueEntrants: 'Người dự thi (không trùng)',
  winners: 'Người đoạt giải',
};

/** The report as sheets: the summary next to the previous period, then the contests and where entrants came from. */
export function reportSheets(r: OrganisationReport): SheetSpec[] {
  const lines: Line[] = [
    { label: 'Đơn vị báo cáo', current: r.organisation.name, previous: null },
    { label: 'Kỳ báo cáo', current: r.period.label, previous: r.previousPeriod.label },
    {
      label: 'Từ ngày – đến ngày',
      current: `${formatDay(r.period.from)} – ${formatDay(r.period.to)}`,
      previous: `${formatDay(r.previousPeriod.from)} – ${formatDay(r.previousPeriod.to)}`,
    },
    ...(Object.keys(FIGURE_LABELS) as (keyof PeriodFigures)[]).map((k) => ({
      label: FIGURE_LABELS[k],
      current: r.current[k] ?? 'Chưa có số liệu',
      previous: r.previous[k] ?? 'Chưa có số liệu',
      difference: r.change[k].difference,
      percent: r.change[k].percent,
    })),
  ];
  const summary: ExportColumn<Line>[] = [
    { header: 'Chỉ tiêu', kind: 'text', value: (l) => l.label, width: 30 },
    { header: 'Kỳ báo cáo', kind: 'number', value: (l) => l.current, width: 28 },
    { header: 'Kỳ trước', kind: 'number', value: (l) => l.previous, width: 28 },
    { header: 'Chênh lệch', kind: 'number', value: (l) => l.difference, width: 14 },
    { header: 'Tăng, giảm (%)', kind: 'number', value: (l) => l.percent, width: 14 },
  ];
  const contests: ExportColumn<ReportContest>[] = [
    { header: 'Cuộc thi', kind: 'text', value: (c) => c.title, width: 50 },
    { header: 'Trạng thái', kind: 'text', value: (c) => labelOf(STATUS_LABELS, c.status), width: 14 },
    { header: 'Số vòng thi trong kỳ', kind: 'number', value: (c) => c.rounds },
    { header: 'Lượt đăng ký', kind: 'number', value: (c) => c.registrations },
    { header: 'Lượt dự thi', kind: 'number', value: (c) => c.entries },
    { header: 'Người dự thi', kind: 'number', value: (c) => c.uniqueEntrants },
  ];
  const counts = [
    { header: 'Lượt dự thi', kind: 'number' as const, value: (x: { entries: number }) => x.entries, width: 14 },
    { header: 'Người dự thi', kind: 'number' as const, value: (x: { uniqueEntrants: number }) => x.uniqueEntrants, width: 14 },
  ];
  return [
    sheet('Tổng hợp', summary, lines),
    sheet('Cuộc thi', contests, r.contests),
    sheet('Theo tỉnh, thành phố', [{ header: 'Tỉnh, thành phố', kind: 'text', value: (p) => p.province ?? '(Không rõ)', width: 28 }, ...counts], r.byProvince),
    sheet('Theo đơn vị', [{ header: 'Đơn vị', kind: 'text', value: (u) => u.unit ?? '(Không rõ)', width: 40 }, ...counts], r.byUnit),
  ];
}
