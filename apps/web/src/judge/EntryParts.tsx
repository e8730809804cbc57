import type { EntryMarks, EntryView, RubricCriterion } from '../shared/api/judging-types';
import { formatDateTime } from '../shared/format';
import { TextField } from '../shared/ui/Field';
import { Button, Notice } from '../shared/ui/Feedback';
import { formatPoints, historyLines, isBlind, summaryLines, type StaffRole } from './marking-model';
import { formatBytes } from './results-model';

/** The entry as handed in: text, link (opened without the app's context), file to download. */
export function EntrySubmission({
  entry,
  onDownload,
  downloading,
  breachLabels = {},
}: {
  entry: EntryView;
  onDownload?: () => void;
  downloading?: boolean;
  breachLabels?: Record<string, string>;
}) {
  return (
    <section aria-labelledby="submission" className="panel">
      <h2 id="submission">Bài dự thi</h2>
      <p className="sub">
        Nộp lúc {formatDateTime(entry.submittedAt)}
        {entry.version > 1 ? ` · đã nộp lại ${entry.version - 1} lần` : ''}
      </p>
      {entry.text && (
        <>
          <h3 className="h4">Nội dung</h3>
          <div className="prewrap">{entry.text}</div>
        </>
      )}
      {entry.link && (
        <p>
          Đường dẫn:{' '}
          <a href={entry.link} target="_blank" rel="noopener noreferrer nofollow">
            {entry.link}
          </a>{' '}
          <span className="field-hint">(mở trong thẻ mới)</span>
        </p>
      )}
      {entry.file && (
        <p>
          Tệp: <strong>{entry.file.name}</strong> ({formatBytes(entry.file.size)}){' '}
          {onDownload && (
            <Button kind="secondary" busy={downloading} onClick={onDownload}>
              Tải tệp về
            </Button>
          )}
        </p>
      )}
      {!entry.text && !entry.link && !entry.file && <p>Bài trống.</p>}
      {(entry.durationSeconds !== null || entry.breaches.length > 0) && (
        <p className="field-hint">
          {entry.durationSeconds !== null && `Thời lượng trình bày: ${Math.floor(entry.durationSeconds / 60)} phút ${entry.durationSeconds % 60} giây. `}
          {entry.breaches.length > 0 && `Vi phạm ghi nhận: ${entry.breaches.map((b) => breachLabels[b] ?? b).join(', ')}.`}
        </p>
      )}
    </section>
  );
}

/** The rubric's inputs: one per criterion with its maximum, errors inline (the form owns the state). */
export function RubricFields({
  rubric,
  values,
  errors,
  onChange,
  prefix = 'score',
}: {
  rubric: RubricCriterion[];
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange: (key: string, v: string) => void;
  prefix?: string;
}) {
  return (
    <>
      {rubric.map((c) => (
        <TextField
          key={c.key}
          name={`${prefix}-${c.key}`}
          label={`${c.label} (tối đa ${formatPoints(c.maxPoints)} điểm)`}
          required
          inputMode="decimal"
          autoComplete="off"
          value={values[c.key] ?? ''}
          onChange={(e) => onChange(c.key, e.target.value)}
          error={errors[c.key]}
          className="narrow"
        />
      ))}
    </>
  );
}

/**
 * Marks on the entry. Until every judge of the round has filed, a judge (and the head judge)
 * sees only their own marks and why the others are hidden (blind marking); then every mark,
 * the aggregate and, for the head judge and organisers, who replaced which mark.
 */
export function MarksPanel({ marks, rubric, role, meId }: { marks: EntryMarks; rubric: RubricCriterion[]; role: StaffRole; meId: string }) {
  const blind = isBlind(role, marks);
  // Judges are not told each other's names: the history calls them as the table does ("Giám khảo 2").
  const names = new Map(marks.marks.map((m, i) => [m.judgeUserId, m.judgeName || `Giám khảo ${i + 1}`]));
  return (
    <section aria-labelledby="marks">
      <h2 id="marks">Điểm của ban giám khảo</h2>
      {blind && <Notice>Chấm độc lập: điểm của các giám khảo khác và điểm tổng hợp chỉ hiện khi tất cả giám khảo của vòng đã nộp điểm bài này.</Notice>}
      {blind && marks.marks.length === 0 ? null : marks.marks.length === 0 ? (
        <p>Chưa có giám khảo nào chấm.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Điểm từng giám khảo theo tiêu chí</caption>
            <thead>
              <tr>
                <th scope="col">Giám khảo</th>
                {rubric.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
                <th scope="col">Tổng</th>
                <th scope="col">Nhận xét</th>
              </tr>
            </thead>
            <tbody>
              {marks.marks.map((m, i) => (
                <tr key={m.judgeUserId || i} className={m.judgeUserId === meId ? 'me' : undefined}>
                  <th scope="row">
                    {m.judgeUserId === meId ? 'Bạn' : m.judgeName || `Giám khảo ${i + 1}`}
                    {!m.counts && <span className="sub">Đã rút, không tính</span>}
                  </th>
                  {rubric.map((c) => (
                    <td key={c.key}>{formatPoints(m.scores[c.key])}</td>
                  ))}
                  <td>
                    <strong>{formatPoints(m.total)}</strong>
                  </td>
                  <td className="prewrap">{m.comment ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {marks.marking && (
        <ul>
          {summaryLines(marks.marking).map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      {marks.history && marks.history.length > 0 && (
        <>
          <h3>Lịch sử chấm điểm</h3>
          <ul>
            {historyLines(marks.history, names, meId).map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
