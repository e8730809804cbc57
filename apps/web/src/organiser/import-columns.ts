import { ApiError } from '../shared/api/errors';
import type { ImportColumnsRefusal } from '../shared/api/staff-console-types';

/**
 * The columns the importer reads, as the Vietnamese template names them (the server's list:
 * libs/question-bank transfer/formats/sheet/header-map.ts; the English names work too).
 */
export const TEMPLATE_COLUMNS_VI = {
  required: ['Loại câu hỏi', 'Nội dung câu hỏi'],
  optional: [
    'Phương án A, B, C…',
    'Đáp án',
    'Chủ đề',
    'Căn cứ pháp lý',
    'Độ khó',
    'Điểm',
    'Giải thích',
    'Thẻ',
    'Sai số',
    'Hướng dẫn chấm',
    'Phân biệt chữ hoa',
    'Phân biệt dấu',
  ],
};

const REQUIRED_VI: Record<string, string> = { type: 'Loại câu hỏi', question: 'Nội dung câu hỏi' };

export interface ColumnsProblem {
  /** One sentence for the top of the page. */
  summary: string;
  unknown: string[];
  missing: string[];
  repeated: string[];
  accepted: string[];
}

const quoted = (xs: string[]): string => xs.map((x) => `“${x}”`).join(', ');

/** 400 import_columns_unrecognised, said in Vietnamese; null for any other error. */
export function columnsProblem(x: unknown): ColumnsProblem | null {
  if (!(x instanceof ApiError) || x.code !== 'import_columns_unrecognised') return null;
  const d = (x.details && typeof x.details === 'object' ? x.details : {}) as Partial<ImportColumnsRefusal>;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  const unknown = list(d.unknown);
  const missing = list(d.missing).map((m) => (REQUIRED_VI[m] ? `${REQUIRED_VI[m]} (${m})` : m));
  const repeated = list(d.repeated);
  const parts = [
    unknown.length ? `không nhận ra ${unknown.length === 1 ? 'cột' : `${unknown.length} cột`} ${quoted(unknown)}` : '',
    missing.length ? `thiếu cột bắt buộc ${quoted(missing)}` : '',
    repeated.length ? `cột bị lặp ${quoted(repeated)}` : '',
  ].filter(Boolean);
  const summary = `Không nhập được tệp: dòng tiêu đề không khớp tệp mẫu — ${parts.join('; ')}. Chưa câu nào được nhập. Hãy sửa tên cột theo tệp mẫu rồi thử lại.`;
  return { summary, unknown, missing, repeated, accepted: list(d.accepted) };
}
