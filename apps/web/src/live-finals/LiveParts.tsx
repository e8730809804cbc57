import './live.css';
import { useEffect, useState } from 'react';
import { describeError } from '../shared/api/errors';
import { formatScore } from '../shared/format';
import type { LiveState as SocketState } from '../shared/live/live';
import { distributionBars, secondsShown, timeLeftMs, type LiveView } from './live-model';
import type { LiveBoardRow } from './live-types';

/** The seconds left to answer, recomputed from the server's deadline and the clock offset four times a second. */
export function useTimeLeft(view: LiveView | null, offset: number): number | null {
  const [, setTick] = useState(0);
  const running = view?.status === 'question';
  useEffect(() => {
    if (!running) return;
    const t = window.setInterval(() => setTick((n) => n + 1), 250);
    return () => window.clearInterval(t);
  }, [running]);
  // Read the clock at render, not at the last tick: a question that just opened must not start from a stale "now".
  return view ? timeLeftMs(view, offset, Date.now()) : null;
}

/** A big countdown in whole seconds; screen readers hear it through the label, not every tick. */
export function LiveCountdown({ ms, paused, className = '' }: { ms: number | null; paused?: boolean; className?: string }) {
  const s = secondsShown(ms);
  if (s === null) return null;
  const label = paused ? `Tạm dừng, còn ${s} giây` : s === 0 ? 'Hết giờ' : `Còn ${s} giây`;
  return (
    <div className={`live-countdown${s <= 5 && !paused ? ' live-countdown-urgent' : ''} ${className}`}>
      <span className="live-countdown-time" role="timer" aria-label={label}>
        {s}
      </span>
      <span className="live-countdown-unit" aria-hidden="true">
        {paused ? 'giây (tạm dừng)' : s === 0 ? 'Hết giờ' : 'giây'}
      </span>
    </div>
  );
}

/** Answers per option after the reveal: a bar, the count and the percent; the key marked in words, not only colour. */
export function DistributionBars({ view, large }: { view: LiveView; large?: boolean }) {
  if (!view.question || !view.reveal) return null;
  const bars = distributionBars(view.question, view.reveal);
  const total = bars.reduce((n, b) => n + b.count, 0);
  return (
    <figure className={`live-dist${large ? ' live-dist-large' : ''}`}>
      {/* A multiple-choice answer counts on every option it picks: the figures are choices, not people. */}
      <figcaption>{view.question.type === 'multiple' ? `Phân bố lựa chọn (${total} lượt chọn)` : `Phân bố câu trả lời (${total} người trả lời)`}</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.optionId} className={b.correct ? 'live-dist-correct' : undefined}>
            <span className="live-dist-label">
              <strong>{b.letter}.</strong> {b.text}
              {b.correct && <span className="live-key"> ✓ Đáp án đúng</span>}
            </span>
            <span className="live-dist-track" aria-hidden="true">
              <span className="live-dist-fill" style={{ width: `${b.percent}%` }} />
            </span>
            <span className="live-dist-figure">
              {b.count} ({b.percent}%)
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** The top of the board (at most `limit` rows). */
export function LiveBoard({
  rows,
  total,
  limit = 20,
  caption,
  highlight,
}: {
  rows: LiveBoardRow[];
  total: number;
  limit?: number;
  caption: string;
  highlight?: string;
}) {
  const shown = rows.slice(0, limit);
  return (
    <div className="table-wrap">
      <table className="table live-board">
        <caption>
          {caption} ({total} người chơi)
        </caption>
        <thead>
          <tr>
            <th scope="col">Hạng</th>
            <th scope="col">Người chơi</th>
            <th scope="col">Điểm</th>
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={3}>Chưa có điểm: bảng xếp hạng có sau khi công bố đáp án câu đầu tiên.</td>
            </tr>
          ) : (
            shown.map((r) => (
              <tr key={r.userId} className={r.userId === highlight ? 'live-board-me' : undefined}>
                <td data-label="Hạng">{r.rank}</td>
                <td data-label="Người chơi">{r.displayName}</td>
                <td data-label="Điểm">{formatScore(r.score)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The connection dot and words ("Đang kết nối lại…"): the state is still right, read over HTTP. */
export function ConnectionState({ state }: { state: SocketState }) {
  return (
    <p className="live-state">
      <span className={`dot dot-${state}`} aria-hidden="true" />{' '}
      {state === 'connected' ? 'Đang kết nối trực tiếp' : state === 'connecting' ? 'Đang kết nối…' : 'Mất kết nối, đang thử lại (vẫn cập nhật mỗi vài giây)'}
    </p>
  );
}

/** A state read that failed: said in Vietnamese; "not started" is a state of the round, not an error. */
export function liveErrorText(e: unknown): string {
  return describeError(e);
}
