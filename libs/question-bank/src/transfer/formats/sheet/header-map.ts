import { foldVietnamese } from '../../../../../platform/src/text/fold';
import { fileRefused } from '../types';

/**
 * The columns of a question spreadsheet, each with its English name (the key, as exports
 * and question-template.csv write it) and its Vietnamese name (as the Vietnamese template
 * writes it). Headers match ignoring case, diacritics, spacing and punctuation, so
 * "Căn cứ pháp lý", "can cu phap ly" and "legal reference" are the same column.
 */
export const SHEET_COLUMNS = [
  { key: 'topic', vi: 'Chủ đề', also: [] },
  { key: 'legal_reference', vi: 'Căn cứ pháp lý', also: ['can_cu', 'legal_ref'] },
  { key: 'type', vi: 'Loại câu hỏi', also: ['loai'] },
  { key: 'difficulty', vi: 'Độ khó', also: [] },
  { key: 'points', vi: 'Điểm', also: ['so_diem'] },
  { key: 'question', vi: 'Nội dung câu hỏi', also: ['cau_hoi', 'noi_dung', 'stem'] },
  { key: 'correct', vi: 'Đáp án', also: ['dap_an_dung', 'answer'] },
  { key: 'explanation', vi: 'Giải thích', also: [] },
  { key: 'tolerance', vi: 'Sai số', also: ['sai_so_cho_phep'] },
  { key: 'tags', vi: 'Thẻ', also: ['nhan'] },
  { key: 'rubric', vi: 'Hướng dẫn chấm', also: [] },
  { key: 'case_sensitive', vi: 'Phân biệt chữ hoa', also: ['phan_biet_hoa_thuong'] },
  { key: 'diacritics_sensitive', vi: 'Phân biệt dấu', also: [] },
] as const;

export type SheetColumn = (typeof SHEET_COLUMNS)[number]['key'];
/** A file without these cannot be read at all. */
export const REQUIRED_COLUMNS: SheetColumn[] = ['type', 'question'];

/** "Phương án A", "Option A", "option_a", "Lựa chọn A": the option columns, A to Z. */
const OPTION = /^(?:option|phuong_an|lua_chon)_?([a-z])$/;
export const optionKey = (letter: string): string => `option_${letter.toLowerCase()}`;
export const optionVi = (letter: string): string => `Phương án ${letter.toUpperCase()}`;

/** A header cell as a lookup key: folded (case, diacritics), punctuation and spaces as "_". */
export function headerKey(cell: string): string {
  return foldVietnamese(cell.normalize('NFC').trim())
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const BY_KEY = new Map<string, string>();
for (const c of SHEET_COLUMNS) {
  for (const name of [c.key, c.vi, ...c.also]) BY_KEY.set(headerKey(name), c.key);
}

/** The canonical column a header cell names (SheetColumn or option_<letter>), or null. */
export function columnOf(cell: string): string | null {
  const k = headerKey(cell);
  const option = OPTION.exec(k);
  if (option) return optionKey(option[1]);
  return BY_KEY.get(k) ?? null;
}

/** Every header name the importer accepts, as the two templates write them (for the refusal). */
export function acceptedColumnNames(): string[] {
  const letters = ['A', 'B', 'C', 'D', '…'];
  return [
    ...SHEET_COLUMNS.flatMap((c) => [c.key, c.vi]),
    ...letters.map((l) => (l === '…' ? 'option_…' : optionKey(l))),
    ...letters.map((l) => (l === '…' ? 'Phương án …' : optionVi(l))),
  ];
}

export interface HeaderMap {
  /** Column index → canonical column (undefined: a blank header cell, ignored). */
  names: (string | undefined)[];
  /** Option columns in letter order, as column indexes. */
  optionColumns: number[];
}

/**
 * Maps a header row to the canonical columns, or refuses the whole file — one refusal
 * naming every unknown, repeated and missing column — before any row is read: a
 * misread header would otherwise turn into a wrong error on every row.
 */
export function mapHeader(cells: string[]): HeaderMap {
  const names = cells.map((c) => (c.trim() ? (columnOf(c) ?? null) : undefined));
  const unknown = cells.filter((c, i) => names[i] === null).map((c) => c.trim());
  const seen = new Set<string>();
  const repeated: string[] = [];
  names.forEach((n, i) => {
    if (!n) return;
    if (seen.has(n)) repeated.push(cells[i].trim());
    seen.add(n);
  });
  const missing = REQUIRED_COLUMNS.filter((r) => !seen.has(r));
  if (unknown.length || missing.length || repeated.length) {
    const parts = [
      unknown.length ? `unknown columns: ${unknown.join(', ')}` : '',
      repeated.length ? `repeated columns: ${repeated.join(', ')}` : '',
      missing.length ? `missing columns: ${missing.join(', ')}` : '',
    ].filter(Boolean);
    throw fileRefused(
      `The header row does not match the template (${parts.join('; ')})`,
      { unknown, missing, repeated, accepted: acceptedColumnNames() },
      'import_columns_unrecognised',
    );
  }
  const optionColumns = names
    .map((n, i) => ({ n, i }))
    .filter((x): x is { n: string; i: number } => !!x.n && x.n.startsWith('option_'))
    .sort((a, b) => a.n.localeCompare(b.n))
    .map((x) => x.i);
  return { names: names.map((n) => n ?? undefined), optionColumns };
}
