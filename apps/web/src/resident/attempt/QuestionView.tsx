import { useEffect, useState } from 'react';
import type { AnswerValue, AttemptQuestion } from '../../shared/api/types';

export const TYPE_HINT: Record<string, string> = {
  single: 'Chọn một đáp án.',
  multiple: 'Chọn tất cả đáp án đúng.',
  true_false: 'Chọn Đúng hoặc Sai.',
  numeric: 'Nhập một số.',
  short_text: 'Nhập câu trả lời ngắn.',
  essay: 'Viết bài trả lời của bạn.',
};

const TRUE_FALSE_FALLBACK = [
  { id: 'true', text: 'Đúng' },
  { id: 'false', text: 'Sai' },
];

/** One question as a fieldset: the stem is its legend, so screen readers read it with every option. */
export function QuestionView({
  q,
  index,
  total,
  value,
  disabled,
  onChange,
}: {
  q: AttemptQuestion;
  index: number;
  total: number;
  value: AnswerValue | undefined;
  disabled?: boolean;
  onChange: (v: AnswerValue, opts?: { debounceMs?: number }) => void;
}) {
  const name = `q-${q.id}`;
  const hintId = `${name}-hint`;
  const options = q.options.length ? q.options : q.type === 'true_false' ? TRUE_FALSE_FALLBACK : [];
  const chosen = new Set(value?.optionIds ?? []);
  // Text inputs keep their own text so typing is not interrupted by state round-trips.
  const [text, setText] = useState(value?.value !== undefined ? String(value.value) : '');
  useEffect(() => {
    setText(value?.value !== undefined ? String(value.value) : '');
    // Only when moving to another question.
  }, [q.id]);

  return (
    <fieldset className="question" aria-describedby={hintId}>
      <legend tabIndex={-1}>
        <span className="question-number">
          Câu {index + 1}/{total}
        </span>
        <span className="question-stem">{q.stem}</span>
      </legend>
      <p id={hintId} className="field-hint">
        {TYPE_HINT[q.type] ?? ''}
      </p>
      {(q.type === 'single' || q.type === 'true_false') && (
        <div className="options">
          {options.map((o, i) => (
            <label key={o.id} className={`option${chosen.has(o.id) ? ' option-chosen' : ''}`}>
              <input type="radio" name={name} value={o.id} checked={chosen.has(o.id)} disabled={disabled} onChange={() => onChange({ optionIds: [o.id] })} />
              <span className="option-letter" aria-hidden="true">
                {String.fromCharCode(65 + i)}.
              </span>
              <span>{o.text}</span>
            </label>
          ))}
        </div>
      )}
      {q.type === 'multiple' && (
        <div className="options">
          {options.map((o, i) => (
            <label key={o.id} className={`option${chosen.has(o.id) ? ' option-chosen' : ''}`}>
              <input
                type="checkbox"
                name={name}
                value={o.id}
                checked={chosen.has(o.id)}
                disabled={disabled}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(o.id);
                  else next.delete(o.id);
                  onChange({ optionIds: options.map((x) => x.id).filter((id) => next.has(id)) });
                }}
              />
              <span className="option-letter" aria-hidden="true">
                {String.fromCharCode(65 + i)}.
              </span>
              <span>{o.text}</span>
            </label>
          ))}
        </div>
      )}
      {(q.type === 'numeric' || q.type === 'short_text') && (
        <div className="field">
          <label htmlFor={`${name}-input`} className="field-label">
            Câu trả lời
          </label>
          <input
            id={`${name}-input`}
            type="text"
            inputMode={q.type === 'numeric' ? 'decimal' : 'text'}
            autoComplete="off"
            value={text}
            disabled={disabled}
            onChange={(e) => {
              setText(e.target.value);
              onChange({ value: e.target.value }, { debounceMs: 800 });
            }}
          />
        </div>
      )}
      {q.type === 'essay' && (
        <div className="field">
          <label htmlFor={`${name}-input`} className="field-label">
            Bài trả lời
          </label>
          <textarea
            id={`${name}-input`}
            rows={10}
            value={text}
            disabled={disabled}
            onChange={(e) => {
              setText(e.target.value);
              onChange({ value: e.target.value }, { debounceMs: 1500 });
            }}
          />
        </div>
      )}
    </fieldset>
  );
}
