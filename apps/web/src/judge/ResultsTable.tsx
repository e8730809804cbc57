import { Fragment, useState } from 'react';
import type { PlaceExplanation, StaffResultRow } from '../shared/api/judging-types';
import { formatDateTime, formatScore, formatTimeTaken } from '../shared/format';
import { Button, ErrorMessage, Loading } from '../shared/ui/Feedback';
import { judgeApi } from './api';
import { formatPoints } from './marking-model';

export type WhyState = { loading?: boolean; error?: unknown; data?: PlaceExplanation };

/** The "why this place" lines as the server words them (rules, counted attempt, neighbours). */
export function WhyLines({ state }: { state: WhyState }) {
  if (state.loading) return <Loading label="Đang tải giải thích…" />;
  if (state.error) return <ErrorMessage error={state.error} />;
  if (!state.data) return null;
  return (
    <ul className="why">
      {state.data.lines.map((l) => (
        <li key={l.key}>{l.vi}</li>
      ))}
    </ul>
  );
}

/** Staff ranking: one page of rows, each with its "Vì sao xếp hạng này?" explanation on demand. */
export function StaffResultsTable({
  roundId,
  rows,
  kind,
  initialWhy = {},
}: {
  roundId: string;
  rows: StaffResultRow[];
  kind: 'quiz' | 'judged';
  initialWhy?: Record<string, WhyState>;
}) {
  const [why, setWhy] = useState<Record<string, WhyState>>(initialWhy);
  const toggle = async (userId: string) => {
    if (why[userId]) {
      const { [userId]: _, ...rest } = why;
      setWhy(rest);
      return;
    }
    setWhy((w) => ({ ...w, [userId]: { loading: true } }));
    try {
      const data = await judgeApi.explain(roundId, userId);
      setWhy((w) => ({ ...w, [userId]: { data } }));
    } catch (error) {
      setWhy((w) => ({ ...w, [userId]: { error } }));
    }
  };
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Bảng xếp hạng</caption>
        <thead>
          <tr>
            <th scope="col">Hạng</th>
            <th scope="col">Người dự thi</th>
            <th scope="col">Kết quả</th>
            <th scope="col">Giải</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Fragment key={r.userId}>
              <tr>
                <td>{r.rank}</td>
                <td>
                  {r.fullName}
                  <span className="sub">{[r.unit, r.province, r.nationalId, r.phone].filter(Boolean).join(' · ')}</span>
                </td>
                <td>
                  <strong>{formatScore(r.score, r.maxScore)}</strong>
                  <span className="sub">
                    {[
                      kind === 'quiz' ? formatTimeTaken(r.timeTakenMs) : '',
                      kind === 'quiz' && r.prediction !== null
                        ? `dự đoán ${formatPoints(r.prediction)}${r.distance !== null ? ` (lệch ${formatPoints(r.distance)})` : ''}`
                        : '',
                      `nộp ${formatDateTime(r.submittedAt)}`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {/* In this cell, not a column of its own: four columns fit a phone without scrolling sideways. */}
                  <Button kind="link" aria-expanded={Boolean(why[r.userId])} aria-controls={`why-${r.userId}`} onClick={() => void toggle(r.userId)}>
                    Vì sao xếp hạng này?
                  </Button>
                </td>
                <td>
                  {r.prize?.name ?? ''}
                  {r.prize?.boundaryTie && <span className="sub">Đồng hạng ở ranh giới giải</span>}
                </td>
              </tr>
              {why[r.userId] && (
                <tr id={`why-${r.userId}`}>
                  <td colSpan={4}>
                    <WhyLines state={why[r.userId]} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
