import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { QuestionContent } from '../../../questions/question-content';
import { decodeText } from '../decode-text';
import { ExportedFile, fileRefused, ParseItem } from '../types';
import { exportHeader, MAX_SHEET_ROWS, questionToRow, readHeader, rowToQuestion, SheetHeader } from './sheet-columns';

/**
 * CSV in the template's columns: UTF-8 with or without BOM (or Excel's UTF-16), separated
 * by commas, or by semicolons or tabs as Excel writes them where the comma is the
 * decimal separator (Vietnamese settings).
 */
export async function* parseCsv(buf: Buffer): AsyncGenerator<ParseItem> {
  const text = decodeText(buf);
  const parser = parse({ delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, max_record_size: 200_000, skip_empty_lines: false });
  Readable.from([text]).pipe(parser);
  let header: SheetHeader | null = null;
  let row = 0;
  let count = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (record.every((c) => !c.trim())) continue;
      if (!header) {
        header = readHeader(record);
        continue;
      }
      if (++count > MAX_SHEET_ROWS) throw fileRefused(`The file has more than ${MAX_SHEET_ROWS} questions; split it`);
      yield rowToQuestion(header, record, row);
    }
  } catch (e) {
    if (e instanceof CsvError) throw fileRefused(`The CSV could not be read near line ${(e as CsvError & { lines?: number }).lines ?? '?'}: ${e.message}`);
    throw e;
  }
  if (!header) throw fileRefused('The file is empty');
}

/** The separator that occurs most outside quotes in the header line. */
function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of text.slice(0, 10_000)) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ',';
}

/** Cells Excel would run as formulas get a leading "'" (the import removes it again). */
export const guardFormula = (v: string | number): string | number => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function writeCsv(questions: QuestionContent[]): ExportedFile {
  const optionCount = Math.max(0, ...questions.map((q) => q.options.length));
  const rows = [exportHeader(optionCount), ...questions.map((q) => questionToRow(q, optionCount).map((v) => guardFormula(typeof v === 'number' && v < 0 ? String(v) : v)))];
  const csv = stringify(rows, { bom: true, record_delimiter: '\r\n' });
  return { content: Buffer.from(csv, 'utf8'), contentType: 'text/csv; charset=utf-8', extension: 'csv', skipped: 0 };
}
