import { useState, type FormEvent } from 'react';
import { paths } from '../app/routes';
import { ApiError, fieldProblems } from '../shared/api/errors';
import type { QuestionType } from '../shared/api/types';
import { useDocumentTitle, useLoad } from '../shared/hooks';
import { Link, navigate } from '../shared/router';
import { CheckboxField, SelectField, TextArea, TextField } from '../shared/ui/Field';
import { DateTimeField } from '../shared/ui/DateTimeField';
import { Button, ErrorMessage, ErrorSummary, Loading, Notice, PageTitle } from '../shared/ui/Feedback';
import { RoundFacts, type RoundFactsOf } from '../resident/ContestPages';
import { organiserApi } from './api';
import { rulesApi } from './rules/api';
import { QUESTION_TYPE_LABEL } from './question-form';
import { changedRoundFields, emptyRound, fromRound, roundBody, validateRound, type RoundForm, type StaffRound } from './round-form';

const LABELS: Record<string, string> = {
  title: 'Tên vòng thi',
  opensAt: 'Mở lúc',
  closesAt: 'Đóng lúc',
  durationMinutes: 'Thời gian làm bài',
  maxAttempts: 'Số lượt thi',
  selection: 'Chọn câu hỏi',
  predictionPrompt: 'Câu hỏi dự đoán',
  freezeAt: 'Đóng băng lúc',
  topN: 'Số người vào vòng sau',
  minScore: 'Điểm tối thiểu',
  minSecondsPerQuestion: 'Số giây tối thiểu mỗi câu',
  maxAccountsPerDevice: 'Số tài khoản tối đa trên một thiết bị',
  maxAccountsPerIp: 'Số tài khoản tối đa trên một địa chỉ mạng',
  secondsPerQuestion: 'Thời gian mỗi câu (giây)',
  questionIds: 'Mã câu hỏi',
  speedBonusMaxPoints: 'Điểm thưởng tốc độ tối đa',
};

export function RoundNewPage({ contestId }: { contestId: string }) {
  return <RoundFormPage contestId={contestId} />;
}

/** Editing a saved round: the same form, filled, sending only what changed. */
export function RoundEditPage({ roundId }: { roundId: string }) {
  const round = useLoad(() => organiserApi.round(roundId), [roundId]);
  // Once the round has its own rules, their prize tiers are what the results award.
  const rules = useLoad(() => rulesApi.roundRules(roundId), [roundId]);
  if (round.loading || rules.loading) return <Loading />;
  if (round.error || !round.data) return <ErrorMessage error={round.error} onRetry={round.reload} />;
  return <RoundFormPage contestId={round.data.contestId ?? ''} saved={round.data} prizesInRules={!!rules.data?.configured} />;
}

/** Words for the server's names of fields that are locked once a round opens. */
const LOCKED_LABEL: Record<string, string> = {
  kind: 'loại vòng',
  opensAt: 'thời điểm mở',
  durationSeconds: 'thời gian làm bài',
  attemptScoring: 'lượt được tính',
  selection: 'quy tắc chọn câu hỏi',
  shuffleQuestions: 'trộn câu hỏi',
  shuffleOptions: 'trộn phương án',
  partialCredit: 'điểm một phần',
  predictionQuestion: 'câu hỏi dự đoán',
  entry: 'ai được dự thi',
  integrity: 'chống gian lận',
};

function lockedMessage(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'round_locked') return null;
  const fields = ((error.details as { fields?: string[] } | undefined)?.fields ?? []).map((f) => {
    if (f.startsWith('closesAt')) return 'thời điểm đóng (chỉ được lùi lại)';
    if (f.startsWith('maxAttempts')) return 'số lượt thi (chỉ được tăng)';
    return LOCKED_LABEL[f] ?? f;
  });
  return `Vòng thi đã mở nên không thể đổi: ${fields.join(', ')}. Người dự thi đã làm bài theo các thiết lập này. Vẫn sửa được tên, mô tả, giải thưởng, bảng xếp hạng, lùi giờ đóng và tăng số lượt.`;
}

function RoundFormPage({ contestId, saved, prizesInRules }: { contestId: string; saved?: StaffRound; prizesInRules?: boolean }) {
  const editing = !!saved;
  useDocumentTitle(editing ? 'Sửa vòng thi' : 'Thêm vòng thi');
  const contest = useLoad(() => organiserApi.contest(contestId), [contestId]);
  const banks = useLoad(() => organiserApi.banks(), []);
  const [initial] = useState<RoundForm>(() => (saved ? fromRound(saved) : emptyRound()));
  const [f, setF] = useState<RoundForm>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof RoundForm>(k: K, v: RoundForm[K]) => setF((x) => ({ ...x, [k]: v }));
  const server = fieldProblems(serverError);
  // A live round's rules go to the server as `questions` (its contract), shown here as the selection rows.
  const err = (k: string) =>
    errors[k] ??
    (server[k] ?? server[k.replace(/^selection\./, 'questions.')] ?? (k === 'speedBonusMaxPoints' ? server['speedBonus.maxPoints'] : undefined))?.join('; ');
  const bankOptions = (banks.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }));
  const opened = !!saved && saved.status !== 'draft' && Date.parse(saved.opensAt) <= Date.now();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateRound(f);
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      if (saved) {
        const changes = changedRoundFields(initial, f);
        if (Object.keys(changes).length) await organiserApi.updateRound(saved.id, changes);
      } else {
        await organiserApi.createRound(contestId, roundBody(f));
      }
      navigate(paths.contestEdit(contestId));
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  const setRule = (i: number, patch: Partial<RoundForm['selection'][number]>) =>
    set(
      'selection',
      f.selection.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  const body = roundBody(f);
  const previewTitle = f.title || 'Vòng thi';
  const preview: RoundFactsOf = {
    kind: f.kind,
    live:
      f.kind === 'live'
        ? { secondsPerQuestion: Number(f.secondsPerQuestion) || 0, speedBonus: (body.speedBonus as { maxPoints: number } | null) ?? null }
        : null,
    opensAt: (body.opensAt as string) ?? '',
    closesAt: (body.closesAt as string) ?? '',
    durationSeconds: (body.durationSeconds as number) ?? 0,
    maxAttempts: (body.maxAttempts as number) ?? 1,
    attemptScoring: f.attemptScoring,
    prizes: body.prizes as RoundFactsOf['prizes'],
    questionCount: Array.isArray(body.questionIds) ? body.questionIds.length : f.selection.reduce((n, r) => n + (Number(r.count) || 0), 0),
  };

  const selectionRules = (
    <fieldset className="group" data-field="selection">
      <legend>{f.kind === 'live' ? 'Câu hỏi của vòng chung kết (theo thứ tự quy tắc)' : 'Quy tắc chọn câu hỏi (mỗi lượt thi rút ngẫu nhiên)'}</legend>
      {f.kind === 'live' && <p className="field-hint">Chỉ rút câu một đáp án, nhiều đáp án và đúng/sai: trên sân khấu không chờ chấm câu trả lời tự luận.</p>}
      {err('selection') && <p className="field-error">⚠ {err('selection')}</p>}
      {f.selection.map((r, i) => (
        <div key={i} className="rule">
          <h3 className="h4">Quy tắc {i + 1}</h3>
          <SelectField
            name={`selection.${i}.bankId`}
            label="Ngân hàng câu hỏi"
            required
            placeholder="— Chọn ngân hàng —"
            options={bankOptions}
            value={r.bankId}
            onChange={(e) => setRule(i, { bankId: e.target.value })}
            error={err(`selection.${i}.bankId`)}
          />
          <div className="row">
            <TextField name={`selection.${i}.topic`} label="Chủ đề" value={r.topic} onChange={(e) => setRule(i, { topic: e.target.value })} />
            <SelectField
              name={`selection.${i}.difficulty`}
              label="Độ khó"
              placeholder="Mọi độ khó"
              options={['1', '2', '3']}
              value={r.difficulty}
              onChange={(e) => setRule(i, { difficulty: e.target.value })}
            />
            <TextField
              name={`selection.${i}.count`}
              label="Số câu"
              required
              inputMode="numeric"
              value={r.count}
              onChange={(e) => setRule(i, { count: e.target.value })}
              error={err(`selection.${i}.count`)}
            />
          </div>
          {f.kind === 'quiz' && (
            <fieldset className="group inline">
              <legend>Loại câu hỏi (bỏ trống: mọi loại)</legend>
              {(['single', 'multiple', 'true_false', 'numeric', 'short_text'] as QuestionType[]).map((t) => (
                <CheckboxField
                  key={t}
                  name={`selection.${i}.types.${t}`}
                  label={QUESTION_TYPE_LABEL[t]}
                  checked={r.types.includes(t)}
                  onChange={(e) => setRule(i, { types: e.target.checked ? [...r.types, t] : r.types.filter((x) => x !== t) })}
                />
              ))}
            </fieldset>
          )}
          {f.selection.length > 1 && (
            <Button
              kind="link"
              onClick={() =>
                set(
                  'selection',
                  f.selection.filter((_, j) => j !== i),
                )
              }
            >
              Xóa quy tắc {i + 1}
            </Button>
          )}
        </div>
      ))}
      <Button kind="secondary" onClick={() => set('selection', [...f.selection, { bankId: '', topic: '', difficulty: '', types: [], count: '5' }])}>
        Thêm quy tắc
      </Button>
    </fieldset>
  );

  return (
    <div className="with-aside">
      <div>
        <PageTitle sub={contest.data?.title}>{editing ? `Sửa vòng thi: ${saved.title}` : 'Thêm vòng thi'}</PageTitle>
        {opened && (
          <Notice kind="info">
            Vòng thi đã mở: chỉ sửa được tên, mô tả, giải thưởng, bảng xếp hạng, lùi giờ đóng và tăng số lượt thi. Các thiết lập khác đã áp dụng cho người dự
            thi.
          </Notice>
        )}
        {lockedMessage(serverError) ? (
          <div className="alert alert-error" role="alert">
            {lockedMessage(serverError)}
          </div>
        ) : (
          <ErrorSummary errors={errors} labels={LABELS} serverError={serverError} />
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField name="title" label={LABELS.title} required value={f.title} onChange={(e) => set('title', e.target.value)} error={err('title')} />
          <TextArea name="description" label="Mô tả" rows={2} value={f.description} onChange={(e) => set('description', e.target.value)} />
          <SelectField
            name="kind"
            label="Loại vòng"
            required
            value={f.kind}
            options={[
              { value: 'quiz', label: 'Trắc nghiệm, chấm tự động' },
              { value: 'judged', label: 'Bài dự thi do giám khảo chấm' },
              { value: 'live', label: 'Chung kết trực tiếp trên sân khấu (người dẫn điều khiển từng câu)' },
            ]}
            onChange={(e) => set('kind', e.target.value as RoundForm['kind'])}
          />
          <div className="row">
            <DateTimeField name="opensAt" label={LABELS.opensAt} required value={f.opensAt} onChange={(v) => set('opensAt', v)} error={err('opensAt')} />
            <DateTimeField name="closesAt" label={LABELS.closesAt} required value={f.closesAt} onChange={(v) => set('closesAt', v)} error={err('closesAt')} />
          </div>
          <SelectField
            name="entry"
            label="Ai được dự thi"
            required
            value={f.entry}
            options={[
              { value: 'open', label: 'Mọi người đã đăng ký cuộc thi' },
              { value: 'enrolled', label: 'Chỉ người được vào vòng (từ vòng trước hoặc được chọn)' },
            ]}
            onChange={(e) => set('entry', e.target.value as RoundForm['entry'])}
          />

          {f.kind === 'judged' && (
            <p className="field-hint">
              Đề bài, cách nộp bài, tiêu chí chấm và trưởng ban giám khảo: đặt ở trang “Ban giám khảo, đề bài” của vòng; phân công giám khảo ở trang “Giám
              khảo”, sau khi lưu vòng thi.
            </p>
          )}
          {f.kind === 'live' && (
            <>
              <p className="field-hint">
                Người dẫn chương trình mở từng câu ở trang “Điều khiển” của vòng; người chơi trả lời trên điện thoại, khán giả xem màn hình trình chiếu.
              </p>
              <fieldset className="group">
                <legend>Thời gian và cách tính điểm</legend>
                <TextField
                  name="secondsPerQuestion"
                  label={LABELS.secondsPerQuestion}
                  hint="Tính theo đồng hồ máy chủ, thường 20 hoặc 30 giây."
                  required
                  inputMode="numeric"
                  value={f.secondsPerQuestion}
                  onChange={(e) => set('secondsPerQuestion', e.target.value)}
                  error={err('secondsPerQuestion')}
                />
                <CheckboxField
                  name="speedBonus"
                  label="Cộng điểm thưởng tốc độ cho câu trả lời đúng"
                  hint="Trả lời đúng ngay lập tức được cộng tối đa, giảm dần đều về 0 khi hết giờ, theo thời điểm máy chủ nhận câu trả lời."
                  checked={f.speedBonus}
                  onChange={(e) => set('speedBonus', e.target.checked)}
                />
                {f.speedBonus && (
                  <TextField
                    name="speedBonusMaxPoints"
                    label={LABELS.speedBonusMaxPoints}
                    required
                    inputMode="decimal"
                    value={f.speedBonusMaxPoints}
                    onChange={(e) => set('speedBonusMaxPoints', e.target.value)}
                    error={err('speedBonusMaxPoints')}
                  />
                )}
              </fieldset>
              <TextArea
                name="questionIds"
                label={LABELS.questionIds}
                hint="Không bắt buộc. Mỗi dòng một mã câu hỏi trong ngân hàng của đơn vị; câu hỏi được trình chiếu đúng thứ tự này và thay cho các quy tắc bên dưới."
                rows={4}
                value={f.questionIds}
                onChange={(e) => set('questionIds', e.target.value)}
                error={err('questionIds')}
              />
              {!f.questionIds.trim() && selectionRules}
            </>
          )}
          {f.kind === 'quiz' && (
            <>
              <div className="row">
                <TextField
                  name="durationMinutes"
                  label={`${LABELS.durationMinutes} (phút)`}
                  required
                  inputMode="decimal"
                  value={f.durationMinutes}
                  onChange={(e) => set('durationMinutes', e.target.value)}
                  error={err('durationMinutes')}
                />
                <TextField
                  name="maxAttempts"
                  label={LABELS.maxAttempts}
                  required
                  inputMode="numeric"
                  value={f.maxAttempts}
                  onChange={(e) => set('maxAttempts', e.target.value)}
                  error={err('maxAttempts')}
                />
                <SelectField
                  name="attemptScoring"
                  label="Lượt được tính"
                  required
                  value={f.attemptScoring}
                  options={[
                    { value: 'best', label: 'Lượt tốt nhất' },
                    { value: 'last', label: 'Lượt cuối cùng' },
                  ]}
                  onChange={(e) => set('attemptScoring', e.target.value as RoundForm['attemptScoring'])}
                />
              </div>
              {selectionRules}
              <fieldset className="group">
                <legend>Trộn và chấm điểm</legend>
                <CheckboxField
                  name="shuffleQuestions"
                  label="Trộn thứ tự câu hỏi"
                  checked={f.shuffleQuestions}
                  onChange={(e) => set('shuffleQuestions', e.target.checked)}
                />
                <CheckboxField
                  name="shuffleOptions"
                  label="Trộn thứ tự phương án"
                  checked={f.shuffleOptions}
                  onChange={(e) => set('shuffleOptions', e.target.checked)}
                />
                <CheckboxField
                  name="partialCredit"
                  label="Cho điểm một phần với câu nhiều đáp án"
                  checked={f.partialCredit}
                  onChange={(e) => set('partialCredit', e.target.checked)}
                />
              </fieldset>
              <fieldset className="group">
                <legend>Chống gian lận (đánh dấu để giám khảo xem xét, không tự loại)</legend>
                <div className="row">
                  <TextField
                    name="minSecondsPerQuestion"
                    label={LABELS.minSecondsPerQuestion}
                    hint="Làm nhanh hơn mức này bị đánh dấu “làm quá nhanh”. 0: không kiểm tra."
                    required
                    inputMode="decimal"
                    value={f.minSecondsPerQuestion}
                    onChange={(e) => set('minSecondsPerQuestion', e.target.value)}
                    error={err('minSecondsPerQuestion')}
                  />
                  <TextField
                    name="maxAccountsPerDevice"
                    label={LABELS.maxAccountsPerDevice}
                    required
                    inputMode="numeric"
                    value={f.maxAccountsPerDevice}
                    onChange={(e) => set('maxAccountsPerDevice', e.target.value)}
                    error={err('maxAccountsPerDevice')}
                  />
                  <TextField
                    name="maxAccountsPerIp"
                    label={LABELS.maxAccountsPerIp}
                    hint="Một trường học, cơ quan dùng chung mạng: đặt cao hơn."
                    required
                    inputMode="numeric"
                    value={f.maxAccountsPerIp}
                    onChange={(e) => set('maxAccountsPerIp', e.target.value)}
                    error={err('maxAccountsPerIp')}
                  />
                </div>
              </fieldset>
              <fieldset className="group">
                <legend>Câu hỏi dự đoán (phân định khi bằng điểm)</legend>
                <CheckboxField
                  name="predictionEnabled"
                  label="Có câu hỏi dự đoán"
                  checked={f.predictionEnabled}
                  onChange={(e) => set('predictionEnabled', e.target.checked)}
                />
                {f.predictionEnabled && (
                  <>
                    <TextArea
                      name="predictionPrompt"
                      label={LABELS.predictionPrompt}
                      required
                      rows={2}
                      value={f.predictionPrompt}
                      onChange={(e) => set('predictionPrompt', e.target.value)}
                      error={err('predictionPrompt')}
                    />
                    <SelectField
                      name="predictionTarget"
                      label="Đáp án được tính từ"
                      required
                      value={f.predictionTarget}
                      options={[
                        { value: 'perfect-score-entrants', label: 'Số người trả lời đúng tất cả' },
                        { value: 'entrants', label: 'Số người dự thi' },
                        { value: 'custom', label: 'Ban tổ chức nhập sau khi vòng đóng' },
                      ]}
                      onChange={(e) => set('predictionTarget', e.target.value as RoundForm['predictionTarget'])}
                    />
                    <CheckboxField
                      name="hidePredictionFigures"
                      label="Khi vòng thi đang mở, ẩn trên bảng xếp hạng các số liệu làm lộ đáp án câu hỏi dự đoán"
                      hint="Người dự thi chỉ thấy 20 người đứng đầu, không thấy tổng số người dự thi hoặc điểm của người khác (tùy cách tính đáp án). Ban tổ chức và giám khảo vẫn thấy đầy đủ."
                      checked={f.hidePredictionFigures}
                      onChange={(e) => set('hidePredictionFigures', e.target.checked)}
                    />
                  </>
                )}
              </fieldset>
            </>
          )}

          <fieldset className="group">
            <legend>Bảng xếp hạng</legend>
            <SelectField
              name="visibility"
              label="Hiển thị"
              required
              value={f.visibility}
              options={[
                { value: 'live', label: 'Trực tiếp' },
                { value: 'frozen', label: 'Đóng băng từ một thời điểm' },
                { value: 'hidden', label: 'Ẩn đến khi công bố kết quả' },
              ]}
              onChange={(e) => set('visibility', e.target.value as RoundForm['visibility'])}
            />
            {f.visibility === 'frozen' && (
              <DateTimeField name="freezeAt" label={LABELS.freezeAt} required value={f.freezeAt} onChange={(v) => set('freezeAt', v)} error={err('freezeAt')} />
            )}
          </fieldset>

          <fieldset className="group">
            <legend>Giải thưởng (mỗi người tối đa một giải mỗi vòng)</legend>
            {saved && prizesInRules ? (
              <p>
                Giải thưởng của vòng (số lượng, điểm tối thiểu, chia theo nhóm) được đặt ở trang{' '}
                <Link to={paths.roundRules(saved.id)}>Thể lệ xếp hạng và giải thưởng</Link>.
              </p>
            ) : (
              <p className="field-hint">
                Điểm tối thiểu để đạt giải, chia giải theo nhóm và thứ tự xét khi bằng điểm: đặt ở trang “Thể lệ, giải thưởng” của vòng sau khi lưu.
              </p>
            )}
            {!(saved && prizesInRules) &&
              f.prizes.map((p, i) => (
                <div key={i} className="option-row">
                  <TextField
                    name={`prizes.${i}.name`}
                    label={`Tên giải ${i + 1}`}
                    value={p.name}
                    onChange={(e) =>
                      set(
                        'prizes',
                        f.prizes.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)),
                      )
                    }
                  />
                  <TextField
                    name={`prizes.${i}.count`}
                    label="Số lượng"
                    inputMode="numeric"
                    value={p.count}
                    onChange={(e) =>
                      set(
                        'prizes',
                        f.prizes.map((x, j) => (j === i ? { ...x, count: e.target.value } : x)),
                      )
                    }
                    error={err(`prizes.${i}.count`)}
                  />
                  <Button
                    kind="link"
                    aria-label={`Xóa giải ${i + 1}${p.name.trim() ? ` (${p.name.trim()})` : ''}`}
                    onClick={() =>
                      set(
                        'prizes',
                        f.prizes.filter((_, j) => j !== i),
                      )
                    }
                  >
                    Xóa
                  </Button>
                </div>
              ))}
            {!(saved && prizesInRules) && (
              <Button kind="secondary" onClick={() => set('prizes', [...f.prizes, { name: '', count: '1' }])}>
                Thêm giải
              </Button>
            )}
          </fieldset>

          <fieldset className="group">
            <legend>Vào vòng sau</legend>
            <SelectField
              name="advancement"
              label="Cách chọn"
              required
              value={f.advancement}
              options={[
                { value: 'none', label: 'Không có vòng sau' },
                { value: 'top', label: 'Top N người cao điểm nhất' },
                { value: 'threshold', label: 'Đạt điểm tối thiểu' },
                { value: 'picked', label: 'Ban giám khảo chọn' },
              ]}
              onChange={(e) => set('advancement', e.target.value as RoundForm['advancement'])}
            />
            {f.advancement === 'top' && (
              <TextField
                name="topN"
                label={LABELS.topN}
                required
                inputMode="numeric"
                value={f.topN}
                onChange={(e) => set('topN', e.target.value)}
                error={err('topN')}
              />
            )}
            {f.advancement === 'threshold' && (
              <TextField
                name="minScore"
                label={LABELS.minScore}
                required
                inputMode="decimal"
                value={f.minScore}
                onChange={(e) => set('minScore', e.target.value)}
                error={err('minScore')}
              />
            )}
          </fieldset>

          <div className="actions">
            <Button type="submit" busy={busy}>
              {editing ? 'Lưu thay đổi' : 'Lưu vòng thi'}
            </Button>
            <Link className="btn btn-secondary" to={paths.contestEdit(contestId)}>
              Hủy
            </Link>
          </div>
        </form>
      </div>
      <aside className="panel preview-aside" aria-labelledby="preview-title">
        <h2 id="preview-title" className="h3">
          Người dự thi sẽ thấy
        </h2>
        <h3 className="h4">{previewTitle}</h3>
        <RoundFacts round={preview} />
        {f.predictionEnabled && f.kind === 'quiz' && <p>Khi nộp bài: “{f.predictionPrompt}”</p>}
      </aside>
    </div>
  );
}
