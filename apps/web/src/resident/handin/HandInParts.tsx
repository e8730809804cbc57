import type { ChangeEvent } from 'react';
import type { EntryMarks, EntryView } from '../../shared/api/judging-types';
import { formatDateTime } from '../../shared/format';
import { CheckboxField, TextArea, TextField } from '../../shared/ui/Field';
import { Button } from '../../shared/ui/Feedback';
import { ACCEPT_ATTR, DEFAULT_MAX_BYTES, FILE_HINT, formatSize, markColumns, MAX_TEXT } from './handin-model';

const pts = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(Math.round(n * 100) / 100).replace('.', ','));

/** What the rapporteur handed in, as the jury will see it. */
export function MyEntryCard({ entry, onDownload, downloading }: { entry: EntryView; onDownload: () => void; downloading?: boolean }) {
  return (
    <section aria-labelledby="my-entry" className="panel">
      <h2 id="my-entry">Bài bạn đã nộp</h2>
      <p className="sub">
        Nộp lúc {formatDateTime(entry.submittedAt)}
        {entry.version > 1 ? ` (lần nộp thứ ${entry.version})` : ''}
      </p>
      {entry.text && <div className="prewrap excerpt">{entry.text}</div>}
      {entry.link && (
        <p>
          Đường dẫn:{' '}
          <a href={entry.link} target="_blank" rel="noopener noreferrer nofollow">
            {entry.link}
          </a>
        </p>
      )}
      {entry.file && (
        <p>
          Tệp: <strong>{entry.file.name}</strong> ({formatSize(entry.file.size)}){' '}
          <Button kind="link" busy={downloading} onClick={onDownload}>
            Tải về để kiểm tra
          </Button>
        </p>
      )}
    </section>
  );
}

export interface HandInValues {
  text: string;
  link: string;
  file: { name: string; size: number } | null;
  dropOldFile: boolean;
}

/** The form's fields; the page owns the state. Hints say what is accepted before anyone uploads. */
export function HandInFields({
  values,
  errors,
  existing,
  maxBytes = DEFAULT_MAX_BYTES,
  onText,
  onLink,
  onFile,
  onDropOldFile,
  kinds,
}: {
  values: HandInValues;
  errors: Record<string, string>;
  existing: EntryView | null;
  maxBytes?: number;
  onText: (v: string) => void;
  onLink: (v: string) => void;
  onFile: (e: ChangeEvent<HTMLInputElement>) => void;
  onDropOldFile: (v: boolean) => void;
  /** What the round takes (all when not given). */
  kinds?: readonly ('text' | 'link' | 'file')[];
}) {
  const takes = (k: 'text' | 'link' | 'file') => !kinds || kinds.includes(k);
  const keepsOldFileAway = existing?.file && !values.file;
  return (
    <>
      {takes('text') && (
        <TextArea
          name="text"
          label="Nội dung bài dự thi"
          hint={`Gõ hoặc dán nội dung (tối đa ${MAX_TEXT.toLocaleString('vi-VN')} ký tự).`}
          rows={8}
          value={values.text}
          onChange={(e) => onText(e.target.value)}
          error={errors.text}
        />
      )}
      {takes('link') && (
        <TextField
          name="link"
          label="Đường dẫn (video, bài trình bày trực tuyến…)"
          hint="Bắt đầu bằng https://, ví dụ đường dẫn YouTube hoặc Google Drive để chế độ ai có đường dẫn cũng xem được."
          inputMode="url"
          autoComplete="url"
          value={values.link}
          onChange={(e) => onLink(e.target.value)}
          error={errors.link}
        />
      )}
      {takes('file') && (
        <TextField
          name="file"
          label="Tệp đính kèm"
          hint={`${FILE_HINT} Tối đa ${formatSize(maxBytes)}.`}
          type="file"
          accept={ACCEPT_ATTR}
          onChange={onFile}
          error={errors.file}
        />
      )}
      {values.file && (
        <p className="field-hint">
          Đã chọn: {values.file.name} ({formatSize(values.file.size)})
        </p>
      )}
      {keepsOldFileAway && (
        <CheckboxField
          name="dropOldFile"
          label={`Tôi hiểu: nộp lại không kèm tệp sẽ xóa tệp “${existing.file!.name}” đã nộp.`}
          hint="Mỗi lần nộp thay thế toàn bộ bài cũ. Muốn giữ tệp, hãy chọn lại tệp đó."
          checked={values.dropOldFile}
          onChange={(e) => onDropOldFile(e.target.checked)}
          error={errors.dropOldFile}
        />
      )}
    </>
  );
}

/** The jury's counted marks and comments, without judges' names, once results are published. */
export function MyMarks({ marks }: { marks: EntryMarks }) {
  const m = marks.marking;
  const columns = markColumns(marks.rubric, marks.marks);
  return (
    <section aria-labelledby="my-marks">
      <h2 id="my-marks">Điểm của ban giám khảo</h2>
      {m && (
        <p>
          Điểm cuối: <strong>{pts(m.final)}</strong>
          {m.penalties.total > 0 ? ` (đã trừ ${pts(m.penalties.total)} điểm)` : ''}
        </p>
      )}
      {m?.penalties.items.map((p, i) => (
        <p key={i} className="field-hint">
          Trừ {pts(p.points)} điểm: {p.detail || p.code}
        </p>
      ))}
      {marks.marks.length === 0 ? (
        <p>Chưa có điểm.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Điểm từng giám khảo</caption>
            <thead>
              <tr>
                <th scope="col">Giám khảo</th>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                    {c.maxPoints !== null && <span className="sub">tối đa {pts(c.maxPoints)} điểm</span>}
                  </th>
                ))}
                <th scope="col">Tổng</th>
                <th scope="col">Nhận xét</th>
              </tr>
            </thead>
            <tbody>
              {marks.marks.map((x, i) => (
                <tr key={i}>
                  <th scope="row">Giám khảo {i + 1}</th>
                  {columns.map((c) => (
                    <td key={c.key}>{pts(x.scores[c.key])}</td>
                  ))}
                  <td>{pts(x.total)}</td>
                  <td className="prewrap">{x.comment ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
