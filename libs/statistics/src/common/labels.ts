import type { QuestionFlag } from '../contest/question-stats';

/** Vietnamese words for the codes the statistics carry, for spreadsheets. */
export const STATUS_LABELS: Record<string, string> = {
  draft: 'Nháp',
  scheduled: 'Đã lên lịch',
  open: 'Đang mở',
  closed: 'Đã đóng',
  published: 'Đã công bố',
  archived: 'Lưu trữ',
};

export const KIND_LABELS: Record<string, string> = { quiz: 'Trắc nghiệm', judged: 'Chấm điểm' };

export const QUESTION_TYPE_LABELS: Record<string, string> = {
  single: 'Một đáp án',
  multiple: 'Nhiều đáp án',
  true_false: 'Đúng/Sai',
  numeric: 'Số',
  short_text: 'Trả lời ngắn',
  essay: 'Tự luận',
};

export const FLAG_LABELS: Record<QuestionFlag, string> = {
  too_hard: 'Tỷ lệ đúng rất thấp',
  too_easy: 'Tỷ lệ đúng rất cao',
  key_suspect: 'Phương án sai được chọn nhiều hơn đáp án đúng (xem lại đáp án)',
};

export function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}

/** 2026-05-04 → 04/05/2026. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
