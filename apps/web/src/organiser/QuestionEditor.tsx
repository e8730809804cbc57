import { useState, type FormEvent } from 'react';
import { fieldProblems } from '../shared/api/errors';
import type { QuestionType } from '../shared/api/types';
import { CheckboxField, SelectField, TextArea, TextField } from '../shared/ui/Field';
import { Button, ErrorSummary } from '../shared/ui/Feedback';
import { organiserApi, type BankQuestion } from './api';
import { emptyQuestion, fromQuestion, QUESTION_TYPE_LABEL, questionBody, validateQuestion, type QuestionForm } from './question-form';

const LABELS: Record<string, string> = {
  type: 'Loại câu hỏi',
  stem: 'Nội dung câu hỏi',
  options: 'Phương án',
  numericValue: 'Đáp án số',
  tolerance: 'Sai số cho phép',
  accepted: 'Đáp án được chấp nhận',
  difficulty: 'Độ khó',
  points: 'Điểm',
};

/** Create or edit one question. Editing a question already used by an attempt makes a new version on the server. */
export function QuestionEditor({
  bankId,
  question,
  onSaved,
  onCancel,
}: {
  bankId: string;
  question?: BankQuestion;
  onSaved: (q: BankQuestion) => void;
  onCancel: () => void;
}) {
  const [f, setF] = useState<QuestionForm>(() => (question ? fromQuestion(question) : emptyQuestion()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof QuestionForm>(k: K, v: QuestionForm[K]) => setF((x) => ({ ...x, [k]: v }));
  const server = fieldProblems(serverError);
  const err = (k: string) => errors[k] ?? server[k]?.join('; ');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validateQuestion(f);
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const body = questionBody(f);
      const saved = question ? await organiserApi.updateQuestion(bankId, question.id, body) : await organiserApi.createQuestion(bankId, body);
      onSaved(saved);
    } catch (x) {
      setServerError(x);
    } finally {
      setBusy(false);
    }
  };

  const setOption = (i: number, patch: Partial<QuestionForm['options'][number]>) =>
    setF((x) => ({
      ...x,
      options: x.options.map((o, j) => {
        if (j === i) return { ...o, ...patch };
        // Single choice: marking one correct unmarks the others.
        if (patch.correct && x.type === 'single') return { ...o, correct: false };
        return o;
      }),
    }));

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="qe-title">
      <h2 id="qe-title" tabIndex={-1}>
        {question ? 'Sửa câu hỏi' : 'Thêm câu hỏi'}
      </h2>
      {question && (
        <p className="field-hint">
          Nếu câu hỏi đã được dùng trong một lượt thi, khi lưu hệ thống tạo phiên bản mới; các lượt thi cũ giữ nguyên phiên bản đã làm.
        </p>
      )}
      <ErrorSummary errors={errors} labels={LABELS} serverError={serverError} />
      <SelectField
        name="type"
        label={LABELS.type}
        required
        value={f.type}
        options={Object.entries(QUESTION_TYPE_LABEL).map(([value, label]) => ({ value, label }))}
        onChange={(e) => set('type', e.target.value as QuestionType)}
      />
      <TextArea name="stem" label={LABELS.stem} required rows={3} value={f.stem} onChange={(e) => set('stem', e.target.value)} error={err('stem')} />
      {(f.type === 'single' || f.type === 'multiple') && (
        <fieldset className="group" data-field="options">
          <legend>{f.type === 'single' ? 'Phương án (đánh dấu một phương án đúng)' : 'Phương án (đánh dấu các phương án đúng)'}</legend>
          {err('options') && <p className="field-error">⚠ {err('options')}</p>}
          {f.options.map((o, i) => (
            <div key={i} className="option-row">
              <TextField
                name={`option-${i}`}
                label={`Phương án ${String.fromCharCode(65 + i)}`}
                value={o.text}
                onChange={(e) => setOption(i, { text: e.target.value })}
              />
              <CheckboxField name={`option-${i}-correct`} label="Đúng" checked={o.correct} onChange={(e) => setOption(i, { correct: e.target.checked })} />
              <Button
                kind="link"
                aria-label={`Xóa phương án ${String.fromCharCode(65 + i)}`}
                onClick={() =>
                  set(
                    'options',
                    f.options.filter((_, j) => j !== i),
                  )
                }
                disabled={f.options.length <= 2}
              >
                Xóa
              </Button>
            </div>
          ))}
          <Button kind="secondary" onClick={() => set('options', [...f.options, { text: '', correct: false }])} disabled={f.options.length >= 10}>
            Thêm phương án
          </Button>
        </fieldset>
      )}
      {f.type === 'true_false' && (
        <fieldset className="group">
          <legend>Đáp án đúng</legend>
          <label className="option">
            <input type="radio" name="tf" checked={f.trueIsCorrect} onChange={() => set('trueIsCorrect', true)} /> Đúng
          </label>
          <label className="option">
            <input type="radio" name="tf" checked={!f.trueIsCorrect} onChange={() => set('trueIsCorrect', false)} /> Sai
          </label>
        </fieldset>
      )}
      {f.type === 'numeric' && (
        <div className="row">
          <TextField
            name="numericValue"
            label={LABELS.numericValue}
            required
            inputMode="decimal"
            value={f.numericValue}
            onChange={(e) => set('numericValue', e.target.value)}
            error={err('numericValue')}
          />
          <TextField
            name="tolerance"
            label={LABELS.tolerance}
            inputMode="decimal"
            value={f.tolerance}
            onChange={(e) => set('tolerance', e.target.value)}
            error={err('tolerance')}
          />
        </div>
      )}
      {f.type === 'short_text' && (
        <TextArea
          name="accepted"
          label={LABELS.accepted}
          required
          hint="Mỗi dòng một đáp án. Không phân biệt hoa thường."
          rows={3}
          value={f.accepted}
          onChange={(e) => set('accepted', e.target.value)}
          error={err('accepted')}
        />
      )}
      <div className="row">
        <SelectField
          name="difficulty"
          label={LABELS.difficulty}
          required
          value={f.difficulty}
          options={[
            { value: '1', label: '1 — Dễ' },
            { value: '2', label: '2 — Trung bình' },
            { value: '3', label: '3 — Khó' },
          ]}
          onChange={(e) => set('difficulty', e.target.value)}
          error={err('difficulty')}
        />
        <TextField
          name="points"
          label={LABELS.points}
          required
          inputMode="decimal"
          value={f.points}
          onChange={(e) => set('points', e.target.value)}
          error={err('points')}
        />
      </div>
      <TextField
        name="topic"
        label="Chủ đề"
        hint='Các cấp cách nhau bằng "/", ví dụ: Luật Bầu cử 2015/Chương V'
        value={f.topic}
        onChange={(e) => set('topic', e.target.value)}
        error={err('topic')}
      />
      <TextField
        name="legalReference"
        label="Căn cứ pháp lý"
        hint="Ví dụ: Điều 2, Luật Bầu cử đại biểu Quốc hội và HĐND 2015"
        value={f.legalReference}
        onChange={(e) => set('legalReference', e.target.value)}
        error={err('legalReference')}
      />
      <TextArea
        name="explanation"
        label="Giải thích (hiện sau khi công bố kết quả)"
        rows={3}
        value={f.explanation}
        onChange={(e) => set('explanation', e.target.value)}
        error={err('explanation')}
      />
      <TextField name="tags" label="Nhãn" hint="Cách nhau bằng dấu phẩy." value={f.tags} onChange={(e) => set('tags', e.target.value)} error={err('tags')} />
      <div className="actions">
        <Button type="submit" busy={busy}>
          Lưu câu hỏi
        </Button>
        <Button kind="secondary" onClick={onCancel}>
          Hủy
        </Button>
      </div>
    </form>
  );
}
