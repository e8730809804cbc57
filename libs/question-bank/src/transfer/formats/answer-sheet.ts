import { isNumericAnswer, isShortTextAnswer, QuestionContent } from '../../questions/question-content';
import { escapeXml as esc } from '../../text/html-to-text';
import { ExportedFile } from './types';

const TYPE_LABEL: Record<QuestionContent['type'], string> = {
  single: 'Một lựa chọn',
  multiple: 'Nhiều lựa chọn',
  true_false: 'Đúng/Sai',
  numeric: 'Điền số',
  short_text: 'Trả lời ngắn',
  essay: 'Tự luận',
};

/**
 * A printable answer key for organisers: one self-contained UTF-8 HTML page (print it or
 * save it as PDF from any browser), every question with its correct answer marked.
 */
export function writeAnswerSheet(bankName: string, questions: QuestionContent[], at: Date): ExportedFile {
  const date = at.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
  const items = questions.map((q, i) => item(q, i + 1)).join('\n');
  const html = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Đáp án — ${esc(bankName)}</title>
<style>
  body { font-family: "Times New Roman", "Noto Serif", serif; font-size: 13pt; margin: 2cm; color: #000; }
  h1 { font-size: 16pt; text-align: center; margin-bottom: 0; }
  .meta { text-align: center; font-style: italic; margin-bottom: 1.5em; }
  .q { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1em; }
  .stem { font-weight: bold; white-space: pre-wrap; }
  .info { font-size: 10.5pt; color: #333; }
  ol.options { list-style: upper-alpha; margin: .3em 0; }
  .correct { font-weight: bold; text-decoration: underline; }
  .correct::after { content: " ✔"; }
  .answer, .explanation, .rubric { margin: .2em 0 0 1.5em; white-space: pre-wrap; }
  @media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>ĐÁP ÁN — ${esc(bankName)}</h1>
<p class="meta">${questions.length} câu hỏi · in lúc ${esc(date)} (giờ Việt Nam)</p>
${items}
</body>
</html>
`;
  return { content: Buffer.from(html, 'utf8'), contentType: 'text/html; charset=utf-8', extension: 'html', skipped: 0 };
}

function item(q: QuestionContent, n: number): string {
  const info = [TYPE_LABEL[q.type], `độ khó ${q.difficulty}`, `${q.points} điểm`, q.topic, q.legalReference].filter(Boolean).map((s) => esc(String(s)));
  const parts = [`<section class="q">`, `<div class="stem">Câu ${n}. ${esc(q.stem)}</div>`, `<div class="info">${info.join(' · ')}</div>`];
  if (q.options.length) {
    parts.push('<ol class="options">', ...q.options.map((o) => `<li${o.correct ? ' class="correct"' : ''}>${esc(o.text)}</li>`), '</ol>');
  }
  if (isNumericAnswer(q.answer)) {
    const tol = q.answer.tolerance ? ` (± ${q.answer.tolerance})` : '';
    parts.push(`<div class="answer"><b>Đáp án:</b> ${q.answer.value}${tol}</div>`);
  }
  if (isShortTextAnswer(q.answer)) parts.push(`<div class="answer"><b>Đáp án chấp nhận:</b> ${q.answer.accepted.map(esc).join(' | ')}</div>`);
  if (q.rubric) parts.push(`<div class="rubric"><b>Hướng dẫn chấm:</b> ${esc(q.rubric)}</div>`);
  if (q.explanation) parts.push(`<div class="explanation"><b>Giải thích:</b> ${esc(q.explanation)}</div>`);
  parts.push('</section>');
  return parts.join('\n');
}
