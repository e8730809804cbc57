import { useState, type FormEvent } from 'react';
import { Button, ErrorMessage, Loading, Notice } from '../../shared/ui/Feedback';
import { BarChart, DataTable, Histogram, LineChart } from './charts';
import { FLAG_TEXT, formatCount, formatDay, formatPercent, orUnknown, periodProblems, QUESTION_TYPE_TEXT } from './format';
import type { ContestStatistics, QuestionStat } from './types';

export interface Period {
  from: string;
  to: string;
}

export interface DownloadState {
  busy?: boolean;
  error?: unknown;
}

export interface StatisticsViewProps {
  loading: boolean;
  error: unknown;
  data: ContestStatistics | undefined;
  onRetry: () => void;
  period: Period;
  onPeriod: (p: Period) => void;
  onDownload: () => void;
  download: DownloadState;
  /** Organisers and admins may download the organisation's half-year / annual report. */
  report: { onDownload: (year: number, half: 1 | 2 | null) => void; state: DownloadState } | null;
  /** The year the report form starts at (today's, in Vietnam). */
  thisYear: number;
}

/** The statistics screen without its data loading: rendered in tests with data, empty, or failed. */
export function StatisticsView(p: StatisticsViewProps) {
  return (
    <div className="stats">
      <div className="stats-toolbar">
        <PeriodForm period={p.period} onPeriod={p.onPeriod} />
        <div className="actions">
          <Button kind="primary" busy={p.download.busy} onClick={p.onDownload}>
            Tải báo cáo XLSX
          </Button>
        </div>
        <ErrorMessage error={p.download.error} />
      </div>
      {p.loading && !p.data && <Loading label="Đang tổng hợp số liệu…" />}
      <ErrorMessage error={p.error} onRetry={p.onRetry} />
      {p.data && <Sections s={p.data} />}
      {p.report && <ReportForm thisYear={p.thisYear} onDownload={p.report.onDownload} state={p.report.state} />}
    </div>
  );
}

function PeriodForm({ period, onPeriod }: { period: Period; onPeriod: (p: Period) => void }) {
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = periodProblems(from, to);
    setProblems(found);
    if (!Object.keys(found).length) onPeriod({ from, to });
  };
  return (
    <form className="stats-period" onSubmit={submit} noValidate aria-label="Khoảng thời gian thống kê">
      <div className={`field${problems.from ? ' has-error' : ''}`}>
        <label className="field-label" htmlFor="stats-from">
          Từ ngày
        </label>
        <input
          id="stats-from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          aria-invalid={!!problems.from || undefined}
          aria-describedby={problems.from ? 'stats-from-err' : undefined}
        />
        {problems.from && (
          <p className="field-error" id="stats-from-err">
            {problems.from}
          </p>
        )}
      </div>
      <div className={`field${problems.to ? ' has-error' : ''}`}>
        <label className="field-label" htmlFor="stats-to">
          Đến ngày
        </label>
        <input
          id="stats-to"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-invalid={!!problems.to || undefined}
          aria-describedby={problems.to ? 'stats-to-err' : undefined}
        />
        {problems.to && (
          <p className="field-error" id="stats-to-err">
            {problems.to}
          </p>
        )}
      </div>
      <div className="stats-period-buttons">
        <button type="submit" className="btn btn-secondary">
          Xem
        </button>
        {(period.from || period.to) && (
          <button
            type="button"
            className="btn btn-link"
            onClick={() => {
              setFrom('');
              setTo('');
              setProblems({});
              onPeriod({ from: '', to: '' });
            }}
          >
            Toàn bộ cuộc thi
          </button>
        )}
      </div>
    </form>
  );
}

function Sections({ s }: { s: ContestStatistics }) {
  const seq = new Map(s.rounds.map((r) => [r.id, r.seq]));
  const roundName = (id: string) => `Vòng ${seq.get(id) ?? '?'}`;
  const periodText =
    s.period.from || s.period.to
      ? `${s.period.from ? formatDay(s.period.from) : 'đầu cuộc thi'} – ${s.period.to ? formatDay(s.period.to) : 'nay'}`
      : 'Toàn bộ cuộc thi';
  return (
    <>
      <p className="sub">
        {periodText} · số liệu lúc {new Date(s.generatedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })} (giờ Việt Nam)
      </p>
      <dl className="figures">
        <Figure label="Lượt đăng ký" value={formatCount(s.totals.registrations)} />
        <Figure label="Lượt dự thi" value={formatCount(s.totals.entries)} />
        <Figure label="Người dự thi" value={formatCount(s.totals.uniqueEntrants)} />
        <Figure label="Điểm trung bình" value={formatPercent(s.totals.averageScorePercent)} />
        <Figure label="Bài tự nộp khi hết giờ" value={formatCount(s.totals.expired)} />
        <Figure label="Bài bị hủy kết quả" value={formatCount(s.totals.voided)} />
      </dl>
      {s.totals.entries === 0 ? (
        <Notice>Chưa có lượt dự thi nào trong khoảng thời gian này.</Notice>
      ) : (
        <>
          <h2 className="h3">Lượt dự thi theo ngày</h2>
          <LineChart
            title="Lượt dự thi và người dự thi theo ngày"
            labels={s.perDay.map((d) => formatDay(d.date, true))}
            series={[
              { name: 'Lượt dự thi', values: s.perDay.map((d) => d.entries) },
              { name: 'Người dự thi', values: s.perDay.map((d) => d.uniqueEntrants), dashed: true },
            ]}
            table={{ headers: ['Ngày', 'Lượt dự thi', 'Người dự thi'], rows: s.perDay.map((d) => [formatDay(d.date), d.entries, d.uniqueEntrants]) }}
          />
          <h2 className="h3">Theo vòng thi</h2>
          <DataTable
            caption="Số liệu theo vòng thi"
            data={{
              headers: ['Vòng', 'Lượt dự thi', 'Người dự thi', 'Điểm trung bình', 'Đạt điểm tối đa'],
              rows: s.rounds.map((r) => [`Vòng ${r.seq}: ${r.title}`, r.entries, r.uniqueEntrants, formatPercent(r.averageScorePercent), r.perfectEntries]),
            }}
          />
          <h2 className="h3">Theo địa bàn và đơn vị</h2>
          <div className="chart-grid">
            <BarChart
              title="Lượt dự thi theo tỉnh, thành phố"
              rows={s.byProvince.map((r) => ({ label: orUnknown(r.province), value: r.entries }))}
              table={{
                headers: ['Tỉnh, thành phố', 'Lượt dự thi', 'Người dự thi'],
                rows: s.byProvince.map((r) => [orUnknown(r.province), r.entries, r.uniqueEntrants]),
              }}
            />
            <BarChart
              title="Lượt dự thi theo đơn vị"
              rows={s.byUnit.map((r) => ({ label: orUnknown(r.unit), value: r.entries }))}
              table={{ headers: ['Đơn vị', 'Lượt dự thi', 'Người dự thi'], rows: s.byUnit.map((r) => [orUnknown(r.unit), r.entries, r.uniqueEntrants]) }}
            />
            <BarChart
              title="Lượt dự thi theo xã, phường"
              limit={10}
              rows={s.byCommune.map((r) => ({ label: `${orUnknown(r.commune)} (${orUnknown(r.province)})`, value: r.entries }))}
              table={{
                headers: ['Xã, phường', 'Tỉnh, thành phố', 'Lượt dự thi', 'Người dự thi'],
                rows: s.byCommune.map((r) => [orUnknown(r.commune), orUnknown(r.province), r.entries, r.uniqueEntrants]),
              }}
            />
          </div>
          <h2 className="h3">Phân bố điểm</h2>
          <div className="chart-grid">
            {s.scoreDistribution
              .filter((d) => d.entries > 0)
              .map((d) => (
                <Histogram
                  key={d.roundId}
                  title={`${roundName(d.roundId)}: số bài theo khoảng điểm (% điểm tối đa)`}
                  bands={d.bands.map((b) => ({ label: `${b.fromPercent}`, count: b.count }))}
                  table={{ headers: ['Khoảng điểm', 'Số bài'], rows: d.bands.map((b) => [`${b.fromPercent}–${b.toPercent}%`, b.count]) }}
                />
              ))}
          </div>
          <Questions s={s} roundName={roundName} />
        </>
      )}
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Questions({ s, roundName }: { s: ContestStatistics; roundName: (id: string) => string }) {
  if (s.questionsStatus === 'pending') {
    return (
      <>
        <h2 className="h3">Tỷ lệ trả lời đúng theo câu hỏi</h2>
        <Notice live>Đang tổng hợp câu trả lời của các ngày có nhiều lượt dự thi; trang sẽ tự cập nhật.</Notice>
      </>
    );
  }
  const flagged = s.questions.filter((q) => q.flags.length);
  const byRound = s.rounds.map((r) => ({ r, qs: s.questions.filter((q) => q.roundId === r.id && q.correctPercent !== null) })).filter((x) => x.qs.length);
  return (
    <>
      <h2 className="h3">Tỷ lệ trả lời đúng theo câu hỏi</h2>
      <p className="sub">
        Câu có tỷ lệ đúng dưới {s.thresholds.lowCorrectPercent}% hoặc trên {s.thresholds.highCorrectPercent}% (khi đã ra đề ít nhất {s.thresholds.minDrawn}{' '}
        lượt), hoặc có phương án sai được chọn nhiều hơn đáp án, được đánh dấu để xem lại.
      </p>
      {flagged.length > 0 && (
        <div className="alert alert-warning flagged-list">
          <h3 className="h4">Câu hỏi cần xem lại ({formatCount(flagged.length)})</h3>
          <ul>
            {flagged.map((q) => (
              <li key={`${q.roundId}:${q.versionId}`}>
                <strong>{roundName(q.roundId)}:</strong> {q.stem} — {formatPercent(q.correctPercent)} đúng.{' '}
                <span className="flag-reason">{q.flags.map((f) => FLAG_TEXT[f]).join('; ')}.</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {byRound.map(({ r, qs }) => (
        <BarChart
          key={r.id}
          title={`Vòng ${r.seq}: tỷ lệ trả lời đúng từng câu`}
          unit=""
          limit={60}
          max={100}
          format={formatPercent}
          rows={qs.map((q) => ({ label: q.stem, value: q.correctPercent ?? 0, highlight: q.flags.length > 0 }))}
          table={{ headers: ['Câu hỏi', 'Loại', 'Ra đề', 'Trả lời', 'Đúng', 'Tỷ lệ đúng', 'Thời gian TB', 'Cảnh báo'], rows: qs.map(questionRow) }}
        />
      ))}
    </>
  );
}

function questionRow(q: QuestionStat): (string | number)[] {
  return [
    q.stem,
    QUESTION_TYPE_TEXT[q.type] ?? q.type,
    q.drawn,
    q.answered,
    q.correct,
    formatPercent(q.correctPercent),
    q.averageTimeMs === null ? '—' : `${(q.averageTimeMs / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây`,
    q.flags.map((f) => FLAG_TEXT[f]).join('; ') || '—',
  ];
}

function ReportForm({ thisYear, onDownload, state }: { thisYear: number; onDownload: (year: number, half: 1 | 2 | null) => void; state: DownloadState }) {
  const [year, setYear] = useState(thisYear);
  const [half, setHalf] = useState<'1' | '2' | ''>('');
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <section className="panel stats-report" aria-labelledby="stats-report-title">
      <h2 className="h3" id="stats-report-title">
        Báo cáo 6 tháng / năm của đơn vị
      </h2>
      <p className="sub">Tổng hợp mọi cuộc thi của đơn vị trong kỳ, so sánh với kỳ trước, để gửi cấp trên.</p>
      <form
        className="stats-period"
        onSubmit={(e) => {
          e.preventDefault();
          onDownload(year, half ? (Number(half) as 1 | 2) : null);
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="report-year">
            Năm
          </label>
          <select id="report-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="report-half">
            Kỳ báo cáo
          </label>
          <select id="report-half" value={half} onChange={(e) => setHalf(e.target.value as '1' | '2' | '')}>
            <option value="">Cả năm</option>
            <option value="1">6 tháng đầu năm</option>
            <option value="2">6 tháng cuối năm</option>
          </select>
        </div>
        <div className="stats-period-buttons">
          <Button kind="secondary" type="submit" busy={state.busy}>
            Tải báo cáo kỳ (XLSX)
          </Button>
        </div>
      </form>
      <ErrorMessage error={state.error} />
    </section>
  );
}
