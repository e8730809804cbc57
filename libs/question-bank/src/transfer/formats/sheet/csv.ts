import { stringify } from 'csv-stringify/sync';
import { QuestionContent } from '../../../questions/question-content';
// By relative path, not '@lc/platform': this runs in the import worker thread, where Nest must not load.
import { readCsvRows } from '../../../../../platform/src/files/sheet-rows';
import { neutraliseFormula } from '../../../../../platform/src/files/formula';
import { ExportedFile, ParseItem } from '../types';
import { exportHeader, parseSheet, questionToRow, SHEET_LIMITS } from './sheet-columns';

/** CSV in the template's columns (encodings and separators: readCsvRows). */
export function parseCsv(buf: Buffer): AsyncGenerator<ParseItem> {
  return parseSheet(readCsvRows(buf, SHEET_LIMITS), 'The file is empty');
}

export function writeCsv(questions: QuestionContent[]): ExportedFile {
  const optionCount = Math.max(0, ...questions.map((q) => q.options.length));
  const rows = [
    exportHeader(optionCount),
    ...questions.map((q) => questionToRow(q, optionCount).map((v) => (typeof v === 'string' || v < 0 ? neutraliseFormula(String(v)) : v))),
  ];
  const csv = stringify(rows, { bom: true, record_delimiter: '\r\n' });
  return { content: Buffer.from(csv, 'utf8'), contentType: 'text/csv; charset=utf-8', extension: 'csv', skipped: 0 };
}
