import { useState, type FormEvent } from 'react';
import { paths } from '../../app/routes';
import type { Contest } from '../../shared/api/types';
import type { RoundRulesView } from '../../shared/api/rules-types';
import { useDocumentTitle, useLoad, useSession } from '../../shared/hooks';
import { Link } from '../../shared/router';
import { SelectField } from '../../shared/ui/Field';
import { Button, ErrorMessage, ErrorSummary, Loading, Notice, PageTitle } from '../../shared/ui/Feedback';
import { organiserApi } from '../api';
import type { StaffRound } from '../round-form';
import { rulesApi } from './api';
import { ChainEditor } from './ChainEditor';
import { ATTEMPT_SCORING_LABEL } from './chain-words';
import { PrizeTiersEditor } from './PrizeTiersEditor';
import { fromRules, rulesBody, rulesSaveProblems, validateChain, validateRules, type RoundRulesForm } from './round-rules-model';
import { resultKind } from '../../shared/round-kind';

const PREDICTION_TARGET_LABEL: Record<string, string> = {
  'perfect-score-entrants': 'số người trả lời đúng tất cả các câu',
  entrants: 'số người dự thi',
  custom: 'giá trị ban tổ chức nhập khi đóng vòng',
};
const COUNT_BY_LABEL: Record<string, string> = { people: 'mỗi người đếm một lần', attempts: 'đếm mọi lượt thi' };

/** "Thể lệ xếp hạng và giải thưởng" of one round: GET/PUT /rounds/:id/rules. */
export function RoundRulesPage({ roundId }: { roundId: string }) {
  useDocumentTitle('Thể lệ xếp hạng và giải thưởng');
  const loaded = useLoad(async () => {
    const [round, rules] = await Promise.all([organiserApi.round(roundId), rulesApi.roundRules(roundId)]);
    const contest = round.contestId ? await organiserApi.contest(round.contestId) : null;
    return { round, rules, contest };
  }, [roundId]);
  if (loaded.loading) return <Loading />;
  if (loaded.error || !loaded.data) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  return <RulesForm {...loaded.data} />;
}

function RulesForm({ round, rules, contest }: { round: StaffRound; rules: RoundRulesView; contest: Contest | null }) {
  const session = useSession();
  const organiser = ['organiser', 'admin'].includes(String(session?.user.role));
  const [saved, setSaved] = useState(rules);
  const [f, setF] = useState<RoundRulesForm>(() => fromRules(rules));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const readOnly = !organiser || saved.locked;
  const kind = resultKind(round.kind);
  const server = rulesSaveProblems(serverError, f);
  // The chain is checked as it is edited; the rest when saving.
  const shown: Record<string, string> = { ...server.fields, ...errors, ...validateChain(f.chain, kind) };
  const err = (k: string) => shown[k];
  const opened = round.status !== 'draft' && Date.parse(round.opensAt) <= Date.now();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateRules(f, kind);
    setErrors(errs);
    setServerError(null);
    setMessage(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const next = await rulesApi.putRoundRules(round.id, rulesBody(f));
      setSaved(next);
      setF(fromRules(next));
      setMessage('Đã lưu thể lệ xếp hạng và giải thưởng của vòng.');
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  const labels: Record<string, string> = {
    chain: 'Thứ tự xét xếp hạng',
    minScore: 'Điểm tối thiểu',
    groupField: 'Trường ghi nhóm',
    groups: 'Các nhóm',
    tiers: 'Các giải',
  };
  return (
    <div className="form-page">
      <PageTitle sub={`${round.title}${contest ? ` · ${contest.title}` : ''}`}>Thể lệ xếp hạng và giải thưởng</PageTitle>
      <p>
        <Link to={paths.contestEdit(round.contestId ?? '')}>← Về trang cuộc thi</Link>
      </p>
      {saved.locked && (
        <Notice kind="info">
          Kết quả vòng thi đã công bố: thể lệ được giữ nguyên như khi công bố. Muốn sửa kết quả, dùng chức năng đính chính (có ghi lý do) ở trang kết quả.
        </Notice>
      )}
      {!saved.configured && !saved.locked && (
        <Notice kind="info">
          Vòng thi chưa có thể lệ riêng: trang này đang hiện thứ tự xếp hạng mặc định, lượt được tính và danh sách giải lấy từ thiết lập của vòng. Sau khi lưu,
          giải thưởng của vòng được đặt tại đây.
        </Notice>
      )}
      {message && (
        <Notice kind="success" live>
          {message}
        </Notice>
      )}
      {server.form ? (
        <div className="alert alert-error" role="alert">
          {server.form}
        </div>
      ) : (
        <ErrorSummary errors={{ ...server.fields, ...errors }} labels={labels} serverError={serverError} />
      )}
      <form onSubmit={(e) => void save(e)} noValidate>
        <ChainEditor
          chain={f.chain}
          onChange={(chain) => setF({ ...f, chain })}
          errors={shown}
          readOnly={readOnly}
          ctx={{ kind, hasPrediction: !!round.predictionQuestion, attemptScoring: f.attemptScoring, manyAttempts: kind === 'quiz' && round.maxAttempts > 1 }}
        />

        {kind === 'quiz' && (
          <fieldset className="group" disabled={readOnly}>
            <legend>Lượt thi được tính và câu hỏi dự đoán</legend>
            <SelectField
              name="attemptScoring"
              label="Lượt được tính khi một người thi nhiều lượt"
              required
              value={f.attemptScoring}
              options={(['best', 'last'] as const).map((v) => ({ value: v, label: ATTEMPT_SCORING_LABEL[v] }))}
              hint={`${f.attemptScoring === 'best' ? 'Lượt tốt nhất xét theo chính các tiêu chí xếp hạng ở trên. ' : ''}${f.attemptScoring !== round.attemptScoring ? `Khác với “Lượt được tính” của vòng (${ATTEMPT_SCORING_LABEL[round.attemptScoring].toLowerCase()}), theo đó bảng xếp hạng trực tiếp đang tính: kết quả chính thức sẽ theo thể lệ này.` : 'Bảng xếp hạng trực tiếp cũng tính theo lượt này.'}`}
              onChange={(e) => setF({ ...f, attemptScoring: e.target.value as RoundRulesForm['attemptScoring'] })}
              error={err('attemptScoring')}
            />
            <div className="field" data-field="prediction">
              <p className="field-label">Đáp án của câu hỏi dự đoán</p>
              {round.prediction ? (
                <p>
                  Tính từ {PREDICTION_TARGET_LABEL[round.prediction.target] ?? round.prediction.target}
                  {round.prediction.target !== 'custom' && round.prediction.countBy
                    ? ` (${COUNT_BY_LABEL[round.prediction.countBy] ?? round.prediction.countBy})`
                    : ''}
                  .
                </p>
              ) : (
                <p>Vòng thi không có câu hỏi dự đoán.</p>
              )}
              <p className="field-hint">
                Đặt cùng câu hỏi dự đoán ở trang sửa vòng thi, vì người dự thi trả lời theo câu hỏi đó
                {opened ? ' (vòng đã mở nên không đổi được nữa).' : ': '}
                {!opened && organiser && <Link to={paths.roundEdit(round.id)}>sửa vòng thi</Link>}
                {!opened && organiser && '.'}
              </p>
            </div>
          </fieldset>
        )}

        <PrizeTiersEditor f={f} setF={setF} err={err} contestFields={contest?.requiredFields ?? []} readOnly={readOnly} />

        {!readOnly && (
          <div className="actions">
            <Button type="submit" busy={busy}>
              Lưu thể lệ
            </Button>
            <Link className="btn btn-secondary" to={paths.contestEdit(round.contestId ?? '')}>
              Hủy
            </Link>
          </div>
        )}
      </form>
    </div>
  );
}
