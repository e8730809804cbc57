import { useState, type FormEvent } from 'react';
import type { CorrectionView } from '../shared/api/judging-types';
import { formatDateTime } from '../shared/format';
import { useLoad } from '../shared/hooks';
import { TextArea, TextField } from '../shared/ui/Field';
import { Button, ErrorMessage, ErrorSummary, Loading, Notice } from '../shared/ui/Feedback';
import { judgeApi } from './api';
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
        <table>
          <caption>Thay đổi ({c.changes.length} người)</caption>
          <thead>
            <tr>
              <th scope="col">Người dự thi</th>
              <th scope="col">Trước → sau</th>
            </tr>
          </thead>
          <tbody>
            {c.changes.map((ch) => (
              <tr key={ch.personId}>
                <th scope="row">{names[ch.personId] ?? `Mã ${ch.personId.slice(0, 8)}`}</th>
                <td>
                  {describeChange(ch).map((line, i) => (
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
      )}
    </li>
  );
}

const LABELS = { reason: 'Lý do', voidIds: 'Lượt thi cần hủy', reinstateIds: 'Lượt thi cần khôi phục', predictionActual: 'Đáp án câu dự đoán' };

/**
 * Published results change only by an audited correction: void / reinstate attempts or fix
 * the prediction value (quiz), or re-rank the jury's current marks (judged). The diff shows.
 */
export function CorrectionsPanel({ roundId, kind, names, onCorrected }: { roundId: string; kind: 'quiz' | 'judged'; names: Record<string, string>; onCorrected: () => void }) {
  const list = useLoad(() => judgeApi.corrections(roundId), [roundId]);
  const [f, setF] = useState({ reason: '', voidIds: '', reinstateIds: '', predictionActual: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<CorrectionView | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = checkCorrection(kind, f);
    setErrors(c.errors);
    if (!c.body) return;
    setBusy(true);
    setServerError(null);
    try {
      const saved = await judgeApi.correct(roundId, c.body);
      setLast(saved);
      setF({ reason: '', voidIds: '', reinstateIds: '', predictionActual: '' });
      list.reload();
      onCorrected();
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="corrections">
      <h2 id="corrections">Đính chính kết quả đã công bố</h2>
      <form onSubmit={(e) => void submit(e)} noValidate className="panel">
        <ErrorSummary errors={errors} labels={LABELS} serverError={serverError} />
        {kind === 'quiz' ? (
          <>
            <TextArea name="voidIds" label={LABELS.voidIds} hint="Mã lượt thi (cột “Lượt thi” trong tệp Excel), mỗi dòng một mã." rows={2} value={f.voidIds} onChange={set('voidIds')} error={errors.voidIds} />
            <TextArea name="reinstateIds" label={LABELS.reinstateIds} rows={2} value={f.reinstateIds} onChange={set('reinstateIds')} error={errors.reinstateIds} />
            <TextField name="predictionActual" label={LABELS.predictionActual} hint="Chỉ điền khi đáp án câu dự đoán cần sửa." inputMode="decimal" value={f.predictionActual} onChange={set('predictionActual')} error={errors.predictionActual} />
          </>
        ) : (
          <p>Vòng chấm điểm: đính chính sẽ xếp hạng lại theo điểm hiện tại của ban giám khảo.</p>
        )}
        <TextArea name="reason" label={LABELS.reason} hint="Được ghi vào nhật ký và hiển thị cùng bản đính chính." required rows={2} value={f.reason} onChange={set('reason')} error={errors.reason} />
        <Button type="submit" kind="danger" busy={busy}>
          Đính chính và xếp hạng lại
        </Button>
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
            <CorrectionItem key={c.id} c={c} names={names} />
          ))}
        </ul>
      )}
      {list.data && list.data.items.length === 0 && <p>Chưa có đính chính nào.</p>}
    </section>
  );
}
