import { useState, type FormEvent } from 'react';
import type { CorrectionView } from '../shared/api/judging-types';
import type { CorrectionCandidate, CorrectionPreview } from '../shared/api/staff-console-types';
import { formatDateTime } from '../shared/format';
import { useLoad } from '../shared/hooks';
import { CheckboxField, TextArea, TextField } from '../shared/ui/Field';
import { Button, ErrorMessage, ErrorSummary, Loading, Notice } from '../shared/ui/Feedback';
import { judgeApi } from './api';
import { actionFor, attemptText, picksAsFields, pickText, standingText, togglePick, type CandidateAttempt, type PickedAttempt } from './correction-picker';
import { checkCorrection, describeChange, describeRequest } from './results-model';

/** One correction: why, what was asked, and exactly whose place, score or prize changed. */
export function CorrectionItem({ c, names }: { c: CorrectionView; names: Record<string, string> }) {
  return (
    <li className="card">
      <h3 className="h4">
        {formatDateTime(c.createdAt)} · kết quả phiên bản {c.version}
      </h3>
      <p>
        <strong>Lý do:</strong> {c.reason}
      </p>
      <p>Yêu cầu: {describeRequest(c)}.</p>
      {c.changes.length === 0 ? (
        <p>Không ai thay đổi thứ hạng, điểm hay giải.</p>
      ) : (
        <ChangesTable changes={c.changes} names={names} caption={`Thay đổi (${c.changes.length} người)`} />
      )}
    </li>
  );
}

/** Whose place, score or prize a correction changes, one row a person, before → after in words. */
function ChangesTable({
  changes,
  names,
  prizeNames,
  caption,
}: {
  changes: CorrectionView['changes'];
  names: Record<string, string>;
  prizeNames?: Record<string, string>;
  caption?: string;
}) {
  return (
    <table>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Người dự thi</th>
          <th scope="col">Trước → sau</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((ch) => (
          <tr key={ch.userId}>
            <th scope="row">{names[ch.userId] ?? `Mã ${ch.userId.slice(0, 8)}`}</th>
            <td>
              {describeChange(ch, prizeNames).map((line, i) => (
                <span key={i} className="diff-line">
                  {line}
                  <br />
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const LABELS = { reason: 'Lý do', voidIds: 'Lượt thi cần đính chính', reinstateIds: 'Lượt thi cần khôi phục', predictionActual: 'Đáp án câu dự đoán' };

/**
 * Find a person of the round (name, digits of the masked phone, or rank) and pick which of
 * their attempts to void or reinstate — no attempt ids to copy from a spreadsheet.
 */
export function PersonPicker({
  roundId,
  picks,
  onToggle,
}: {
  roundId: string;
  picks: PickedAttempt[];
  onToggle: (person: CorrectionCandidate, a: CandidateAttempt) => void;
}) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const found = useLoad(() => (query === null ? Promise.resolve(null) : judgeApi.correctionPeople(roundId, query)), [roundId, query]);
  return (
    <div className="person-picker">
      <div className="search-row" role="search">
        <TextField
          name="person"
          label="Tìm người dự thi"
          hint="Họ tên (không cần dấu), vài số cuối điện thoại, hoặc hạng."
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setQuery(search.trim());
            }
          }}
        />
        <Button type="button" kind="secondary" onClick={() => setQuery(search.trim())}>
          Tìm
        </Button>
      </div>
      {found.loading && <Loading />}
      <ErrorMessage error={found.error} onRetry={found.reload} />
      {found.data && found.data.items.length === 0 && <p role="status">Không tìm thấy ai khớp “{query}”.</p>}
      {found.data && found.data.items.length > 0 && (
        <>
          <p role="status" className="field-hint">
            {found.data.total > found.data.items.length
              ? `${found.data.items.length}/${found.data.total} người khớp — gõ cụ thể hơn để thu hẹp.`
              : `${found.data.total} người khớp.`}
          </p>
          <ul className="card-list">
            {found.data.items.map((p) => (
              <li key={p.userId} className="card">
                <h3 className="h4">{p.fullName}</h3>
                <p className="field-hint">{[p.phoneMasked, p.unit, standingText(p)].filter(Boolean).join(' · ')}</p>
                {p.attempts.map((a) => (
                  <CheckboxField
                    key={a.id}
                    name={`pick-${a.id}`}
                    label={`${actionFor(a) === 'void' ? 'Hủy' : 'Khôi phục'}: ${attemptText(a)}`}
                    checked={picks.some((x) => x.attemptId === a.id)}
                    onChange={() => onToggle(p, a)}
                  />
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** What confirming would change, person by person, before anything is stored. */
export function CorrectionPreviewView({ preview, names }: { preview: CorrectionPreview; names: Record<string, string> }) {
  return (
    <section aria-labelledby="correction-preview" className="panel" tabIndex={-1} id="correction-preview-box">
      <h3 id="correction-preview" className="h4">
        Xem trước: {preview.changes.length === 0 ? 'không ai thay đổi thứ hạng, điểm hay giải' : `${preview.changes.length} người thay đổi`}
      </h3>
      {preview.changes.length > 0 && (
        <div className="table-wrap">
          <ChangesTable changes={preview.changes} names={names} prizeNames={preview.prizeNames} />
        </div>
      )}
      <p className="field-hint">Chưa có gì thay đổi. Bấm “Xác nhận đính chính” để áp dụng; kết quả sẽ thành phiên bản {preview.version}.</p>
    </section>
  );
}

/**
 * Published results change only by an audited correction: void / reinstate attempts or fix
 * the prediction value (quiz), or re-rank the jury's current marks (judged). Staff pick the
 * people, see what would change, then confirm.
 */
export function CorrectionsPanel({
  roundId,
  kind,
  names,
  onCorrected,
}: {
  roundId: string;
  kind: 'quiz' | 'judged';
  names: Record<string, string>;
  onCorrected: () => void;
}) {
  const list = useLoad(() => judgeApi.corrections(roundId), [roundId]);
  const [f, setF] = useState({ reason: '', predictionActual: '' });
  const [picks, setPicks] = useState<PickedAttempt[]>([]);
  const [seen, setSeen] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'preview' | 'confirm' | null>(null);
  const [preview, setPreview] = useState<CorrectionPreview | null>(null);
  const [last, setLast] = useState<CorrectionView | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => {
    setF({ ...f, [k]: e.target.value });
    setPreview(null);
  };
  const allNames = { ...seen, ...names };

  const check = () => {
    const c = checkCorrection(kind, { ...f, ...picksAsFields(picks) });
    setErrors(c.errors);
    return c.body;
  };

  const showPreview = async (e: FormEvent) => {
    e.preventDefault();
    const body = check();
    if (!body) return;
    setBusy('preview');
    setServerError(null);
    try {
      setPreview(await judgeApi.previewCorrection(roundId, body));
      setTimeout(() => document.getElementById('correction-preview-box')?.focus(), 0);
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(null);
    }
  };

  const confirm = async () => {
    const body = check();
    if (!body) return;
    setBusy('confirm');
    setServerError(null);
    try {
      const saved = await judgeApi.correct(roundId, body);
      setLast(saved);
      setF({ reason: '', predictionActual: '' });
      setPicks([]);
      setPreview(null);
      list.reload();
      onCorrected();
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="corrections">
      <h2 id="corrections">Đính chính kết quả đã công bố</h2>
      <form onSubmit={(e) => void showPreview(e)} noValidate className="panel">
        <ErrorSummary errors={errors} labels={LABELS} serverError={serverError} />
        {kind === 'quiz' ? (
          <>
            <PersonPicker
              roundId={roundId}
              picks={picks}
              onToggle={(p, a) => {
                setSeen({ ...seen, [p.userId]: p.fullName });
                setPicks(togglePick(picks, p, a));
                setPreview(null);
              }}
            />
            <div data-field="voidIds" tabIndex={-1}>
              <h3 className="h4">{LABELS.voidIds}</h3>
              {picks.length === 0 ? (
                <p className={errors.voidIds ? 'field-error' : 'field-hint'}>
                  {errors.voidIds ?? 'Chưa chọn lượt thi nào. Tìm người dự thi ở trên rồi đánh dấu lượt cần hủy hoặc khôi phục.'}
                </p>
              ) : (
                <ul>
                  {picks.map((p) => (
                    <li key={p.attemptId}>
                      {pickText(p)}{' '}
                      <Button
                        type="button"
                        kind="link"
                        aria-label={`Bỏ chọn: ${pickText(p)}`}
                        onClick={() => {
                          setPicks(picks.filter((x) => x.attemptId !== p.attemptId));
                          setPreview(null);
                        }}
                      >
                        Bỏ chọn
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <TextField
              name="predictionActual"
              label={LABELS.predictionActual}
              hint="Chỉ điền khi đáp án câu dự đoán cần sửa."
              inputMode="decimal"
              value={f.predictionActual}
              onChange={set('predictionActual')}
              error={errors.predictionActual}
            />
          </>
        ) : (
          <p>Vòng chấm điểm: đính chính sẽ xếp hạng lại theo điểm hiện tại của ban giám khảo.</p>
        )}
        <TextArea
          name="reason"
          label={LABELS.reason}
          hint="Được ghi vào nhật ký và hiển thị cùng bản đính chính."
          required
          rows={2}
          value={f.reason}
          onChange={set('reason')}
          error={errors.reason}
        />
        <div className="actions">
          <Button type="submit" kind="secondary" busy={busy === 'preview'} disabled={busy !== null}>
            Xem trước thay đổi
          </Button>
          {preview && (
            <Button type="button" kind="danger" busy={busy === 'confirm'} disabled={busy !== null} onClick={() => void confirm()}>
              Xác nhận đính chính
            </Button>
          )}
        </div>
        {preview && <CorrectionPreviewView preview={preview} names={allNames} />}
      </form>
      {last && (
        <Notice kind="success" live>
          Đã đính chính: {last.changes.length} người thay đổi thứ hạng, điểm hoặc giải.
        </Notice>
      )}
      {list.loading && <Loading />}
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {list.data && list.data.items.length > 0 && (
        <ul className="card-list">
          {list.data.items.map((c) => (
            <CorrectionItem key={c.id} c={c} names={allNames} />
          ))}
        </ul>
      )}
      {list.data && list.data.items.length === 0 && <p>Chưa có đính chính nào.</p>}
    </section>
  );
}
