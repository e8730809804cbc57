import type { QuestionType } from '../shared/api/types';
import type { BankQuestion } from './api';

export const QUESTION_TYPE_LABEL: Record<QuestionType, string> = {
  single: 'Một đáp án đúng',
  multiple: 'Nhiều đáp án đúng',
  true_false: 'Đúng / Sai',
  numeric: 'Điền số',
  short_text: 'Trả lời ngắn',
  essay: 'Tự luận (vòng chấm điểm)',
};

export interface QuestionForm {
  type: QuestionType;
  stem: string;
  options: { id?: string; text: string; correct: boolean }[];
  trueIsCorrect: boolean;
  numericValue: string;
  tolerance: string;
  accepted: string;
  topic: string;
  legalReference: string;
  difficulty: string;
  points: string;
  explanation: string;
  tags: string;
}

export const emptyQuestion = (): QuestionForm => ({
  type: 'single',
  stem: '',
  options: [
    { text: '', correct: true },
    { text: '', correct: false },
    { text: '', correct: false },
    { text: '', correct: false },
  ],
  trueIsCorrect: true,
  numericValue: '',
  tolerance: '0',
  accepted: '',
  topic: '',
  legalReference: '',
  difficulty: '1',
  points: '1',
  explanation: '',
  tags: '',
});

export function fromQuestion(q: BankQuestion): QuestionForm {
  const base = emptyQuestion();
  const numeric = q.answer && 'value' in q.answer ? q.answer : null;
  const text = q.answer && 'accepted' in q.answer ? q.answer : null;
  return {
    ...base,
    type: q.type,
    stem: q.stem,
    options: q.type === 'true_false' ? base.options : q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct })),
    trueIsCorrect: q.type === 'true_false' ? Boolean(q.options[0]?.correct) : true,
    numericValue: numeric ? String(numeric.value) : '',
    tolerance: numeric ? String(numeric.tolerance) : '0',
    accepted: (text?.accepted ?? []).join('\n'),
    topic: q.topic ?? '',
    legalReference: q.legalReference ?? '',
    difficulty: String(q.difficulty),
    points: String(q.points),
    explanation: q.explanation ?? '',
    tags: q.tags.join(', '),
  };
}

const num = (s: string) => Number(s.trim().replace(',', '.'));

export function validateQuestion(f: QuestionForm): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.stem.trim()) e.stem = 'Nhập nội dung câu hỏi.';
  if (f.type === 'single' || f.type === 'multiple') {
    const filled = f.options.filter((o) => o.text.trim());
    const correct = filled.filter((o) => o.correct).length;
    if (filled.length < 2) e.options = 'Cần ít nhất 2 phương án.';
    else if (f.type === 'single' && correct !== 1) e.options = 'Chọn đúng một phương án đúng.';
    else if (f.type === 'multiple' && correct < 1) e.options = 'Chọn ít nhất một phương án đúng.';
  }
  if (f.type === 'numeric') {
    if (!f.numericValue.trim() || !Number.isFinite(num(f.numericValue))) e.numericValue = 'Nhập đáp án là một số.';
    if (f.tolerance.trim() && (!Number.isFinite(num(f.tolerance)) || num(f.tolerance) < 0)) e.tolerance = 'Sai số cho phép là một số không âm.';
  }
  if (f.type === 'short_text' && !f.accepted.split('\n').some((s) => s.trim())) e.accepted = 'Nhập ít nhất một đáp án được chấp nhận.';
  const d = Number(f.difficulty);
  if (!(d >= 1 && d <= 3)) e.difficulty = 'Độ khó từ 1 đến 3.';
  if (!Number.isFinite(num(f.points)) || num(f.points) <= 0) e.points = 'Điểm phải là số dương.';
  return e;
}

/** The body of POST /question-banks/:id/questions (SPEC "question"). */
export function questionBody(f: QuestionForm): Record<string, unknown> {
  const body: Record<string, unknown> = { type: f.type, stem: f.stem.trim(), difficulty: Number(f.difficulty), points: num(f.points) };
  if (f.type === 'single' || f.type === 'multiple') {
    body.options = f.options.filter((o) => o.text.trim()).map((o) => ({ ...(o.id ? { id: o.id } : {}), text: o.text.trim(), correct: o.correct }));
  }
  if (f.type === 'true_false') {
    body.options = [
      { text: 'Đúng', correct: f.trueIsCorrect },
      { text: 'Sai', correct: !f.trueIsCorrect },
    ];
  }
  if (f.type === 'numeric') body.answer = { value: num(f.numericValue), tolerance: f.tolerance.trim() ? num(f.tolerance) : 0 };
  if (f.type === 'short_text')
    body.answer = {
      accepted: f.accepted
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  if (f.topic.trim()) body.topic = f.topic.trim();
  if (f.legalReference.trim()) body.legalReference = f.legalReference.trim();
  if (f.explanation.trim()) body.explanation = f.explanation.trim();
  const tags = f.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length) body.tags = tags;
  return body;
}
