import { useId, type ReactNode } from 'react';
import { type BarRow, formatCount, niceMax, topRows } from './format';

/**
 * Charts as inline SVG, no chart library. Each is a <figure> whose SVG has a title and a
 * text summary (role="img"), and whose numbers are also in a table under "Xem bảng số
 * liệu", so screen-reader, keyboard and 200 %-text users get everything the picture shows.
 * Text is HTML or unscaled SVG text, so it never shrinks with the screen.
 */

export interface TableData {
  headers: string[];
  rows: (string | number)[][];
}

export function DataTable({ caption, data }: { caption: string; data: TableData }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {data.headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={j} className={typeof c === 'number' ? 'num' : undefined}>
                    {typeof c === 'number' ? formatCount(c) : c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Figure({ title, table, children, empty }: { title: string; table?: TableData; children: ReactNode; empty?: boolean }) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="chart-title">
        {title}
      </figcaption>
      {empty ? <p className="chart-empty">Chưa có số liệu.</p> : children}
      {!empty && table && table.rows.length > 0 && (
        <details className="chart-table">
          <summary>Xem bảng số liệu</summary>
          <DataTable caption={title} data={table} />
        </details>
      )}
    </figure>
  );
}

/** The text alternative of a set of bars: the biggest few, by name. */
export function describeBars(rows: BarRow[], unit: string, format: (n: number) => string = formatCount, top = 5): string {
  if (!rows.length) return 'Chưa có số liệu.';
  const shown = rows.slice(0, top).map((r) => `${r.label}: ${format(r.value)}${unit ? ` ${unit}` : ''}${r.highlight ? ' (cần xem lại)' : ''}`);
  return `${rows.length} mục. ${shown.join('; ')}${rows.length > top ? '; …' : ''}.`;
}

const ROW = 44;
const BAR_SHARE = 80;

/** Horizontal bars, label above each bar and value at the right: readable on a phone. */
export function BarChart({
  title,
  rows,
  unit = 'lượt',
  limit = 12,
  format = formatCount,
  max,
  table,
}: {
  title: string;
  rows: BarRow[];
  unit?: string;
  limit?: number;
  format?: (n: number) => string;
  max?: number;
  table?: TableData;
}) {
  const id = useId();
  const shown = topRows(rows, limit);
  const top = max ?? (Math.max(0, ...shown.map((r) => r.value)) || 1);
  return (
    <Figure title={title} table={table} empty={rows.length === 0}>
      <svg className="sc-bars" width="100%" height={shown.length * ROW} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{describeBars(shown, unit, format)}</desc>
        {shown.map((r, i) => {
          const y = i * ROW;
          const pct = Math.max(0, Math.min(100, (r.value / top) * 100));
          return (
            <g key={i} className={r.highlight ? 'sc-bar sc-flagged' : 'sc-bar'}>
              <title>{`${r.label}: ${format(r.value)}`}</title>
              <text x="0" y={y + 15} className="sc-label">
                {r.label.length > 60 ? `${r.label.slice(0, 59)}…` : r.label}
              </text>
              {/* The bar takes four fifths of the width; the value sits right of it. */}
              <rect x="0" y={y + 22} width={`${BAR_SHARE}%`} height="14" rx="2" className="sc-track" />
              <rect x="0" y={y + 22} width={`${(pct * BAR_SHARE) / 100}%`} height="14" rx="2" className="sc-fill" />
              <text x="100%" y={y + 34} textAnchor="end" className="sc-value">
                {format(r.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </Figure>
  );
}

export interface LineSeries {
  name: string;
  values: number[];
  dashed?: boolean;
}

const W = 1000;
const H = 200;

/** Lines over days (entries and entrants per day), stretched to the width; axis labels are HTML. */
export function LineChart({ title, labels, series, table }: { title: string; labels: string[]; series: LineSeries[]; table?: TableData }) {
  const id = useId();
  const n = labels.length;
  const top = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const x = (i: number) => (n <= 1 ? W / 2 : (i * W) / (n - 1));
  const y = (v: number) => H - (v / top) * (H - 8);
  const path = (vals: number[]) => vals.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const first = series[0];
  const peak = first ? first.values.reduce((best, v, i) => (v > first.values[best] ? i : best), 0) : 0;
  const summary =
    first && n
      ? `${labels[0]} – ${labels[n - 1]}: tổng ${formatCount(first.values.reduce((a, b) => a + b, 0))} ${first.name.toLowerCase()}; cao nhất ${formatCount(first.values[peak])} vào ${labels[peak]}.`
      : 'Chưa có số liệu.';
  const mid = Math.floor((n - 1) / 2);
  return (
    <Figure title={title} table={table} empty={n === 0}>
      <div className="line-chart">
        <div className="axis-y" aria-hidden="true">
          <span>{formatCount(top)}</span>
          <span>{formatCount(top / 2)}</span>
          <span>0</span>
        </div>
        <svg className="lines" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" width="100%" height="200" role="img" aria-labelledby={`${id}-t ${id}-d`}>
          <title id={`${id}-t`}>{title}</title>
          <desc id={`${id}-d`}>{summary}</desc>
          {[0, 0.5, 1].map((f) => (
            <line key={f} x1="0" x2={W} y1={y(top * f)} y2={y(top * f)} className="grid" vectorEffect="non-scaling-stroke" />
          ))}
          {first && n > 1 && <path d={`${path(first.values)} L${W},${H} L0,${H} Z`} className="area" />}
          {series.map((s, k) =>
            n > 1 ? (
              <path
                key={k}
                d={path(s.values)}
                className={`line line-${k}`}
                strokeDasharray={s.dashed ? '8 6' : undefined}
                vectorEffect="non-scaling-stroke"
                fill="none"
              />
            ) : (
              <rect key={k} x={W / 2 - 6 + k * 14} width="10" y={y(s.values[0] ?? 0)} height={H - y(s.values[0] ?? 0)} className={`line-bar line-${k}`} />
            ),
          )}
        </svg>
      </div>
      <div className="axis-x" aria-hidden="true">
        <span>{labels[0]}</span>
        {n > 2 && <span>{labels[mid]}</span>}
        {n > 1 && <span>{labels[n - 1]}</span>}
      </div>
      <ul className="legend">
        {series.map((s, k) => (
          <li key={k}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" className={`line line-${k}`} strokeDasharray={s.dashed ? '8 6' : undefined} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </Figure>
  );
}

/** Columns of equal width (a score distribution): counts above, band bounds below, in HTML. */
export function Histogram({
  title,
  bands,
  unit = 'bài',
  table,
}: {
  title: string;
  bands: { label: string; count: number }[];
  unit?: string;
  table?: TableData;
}) {
  const id = useId();
  const top = Math.max(0, ...bands.map((b) => b.count)) || 1;
  const total = bands.reduce((n, b) => n + b.count, 0);
  const w = 100 / Math.max(1, bands.length);
  const summary = `${formatCount(total)} ${unit}. ${bands.map((b) => `${b.label}: ${formatCount(b.count)}`).join('; ')}.`;
  const cols = { gridTemplateColumns: `repeat(${bands.length}, 1fr)` };
  return (
    <Figure title={title} table={table} empty={total === 0}>
      <div className="histogram">
        <div className="hist-counts" style={cols} aria-hidden="true">
          {bands.map((b, i) => (
            <span key={i}>{formatCount(b.count)}</span>
          ))}
        </div>
        <svg viewBox="0 0 100 100" preserveAspectRatio="none" width="100%" height="160" role="img" aria-labelledby={`${id}-t ${id}-d`}>
          <title id={`${id}-t`}>{title}</title>
          <desc id={`${id}-d`}>{summary}</desc>
          {bands.map((b, i) => {
            const h = (b.count / top) * 100;
            return <rect key={i} x={i * w + w * 0.1} width={w * 0.8} y={100 - h} height={h} className="hist-bar" />;
          })}
        </svg>
        <div className="hist-labels" style={cols} aria-hidden="true">
          {bands.map((b, i) => (
            <span key={i}>{b.label}</span>
          ))}
        </div>
      </div>
    </Figure>
  );
}
