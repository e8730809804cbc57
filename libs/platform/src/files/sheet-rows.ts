import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { decodeText } from './decode-text';
import { fileRefused, FileRefusedError } from './file-refused';
import { checkXlsxZip, worksheetsLast, XLSX_LIMITS } from './zip-guard';

/** One non-blank row of a spreadsheet, as the texts a person sees, with its 1-based row number. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface SheetLimits {
  /** Data rows (the header not counted) before the file is refused. */
  maxRows: number;
  /** What the rows are, for the refusal: "questions", "accounts". */
  rowNoun: string;
}

export type SheetFormat = 'xlsx' | 'csv';

/**
 * The non-blank rows of a CSV or of an XLSX's first worksheet, header included. Pure (no
 * Nest, no aliases): question imports call it from their worker thread.
 */
export function readSheetRows(format: SheetFormat, buf: Buffer, limits: SheetLimits): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? readXlsxRows(buf, limits) : readCsvRows(buf, limits);
}

const tooMany = (l: SheetLimits) => fileRefused(`The file has more than ${l.maxRows} ${l.rowNoun}; split it`);

/**
 * UTF-8 with or without BOM (or Excel's UTF-16), separated by commas, or by semicolons or
 * tabs as Excel writes them where the comma is the decimal separator (Vietnamese settings).
 */
export async function* readCsvRows(buf: Buffer, limits: SheetLimits): AsyncGenerator<SheetRow> {
  const text = decodeText(buf);
  const parser = parse({ delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, max_record_size: 200_000, skip_empty_lines: false });
  Readable.from([text]).pipe(parser);
  let row = 0;
  let count = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (record.every((c) => !c.trim())) continue;
      if (++count > limits.maxRows + 1) throw tooMany(limits);
      yield { row, cells: record };
    }
  } catch (e) {
    if (e instanceof CsvError) throw fileRefused(`The CSV could not be read near line ${(e as CsvError & { lines?: number }).lines ?? '?'}: ${e.message}`);
    throw e;
  }
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

/**
 * The first worksheet. The zip is checked first (zip-guard: bombs, entities, row count),
 * then read as a stream so memory does not grow with the sheet.
 */
export async function* readXlsxRows(buf: Buffer, limits: SheetLimits): AsyncGenerator<SheetRow> {
  const parts = await checkXlsxZip(buf, { ...XLSX_LIMITS, maxSheetRows: limits.maxRows, rowNoun: limits.rowNoun });
  let count = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([worksheetsLast(buf, parts)]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const cells = rowCells(row);
        if (cells.every((c) => !c.trim())) continue;
        if (++count > limits.maxRows + 1) throw tooMany(limits);
        yield { row: row.number, cells };
      }
      break; // the first worksheet holds the data
    }
  } catch (e) {
    if (e instanceof FileRefusedError) throw e;
    throw fileRefused(`The XLSX file could not be read: ${String((e as Error).message).slice(0, 200)}`);
  }
}

function rowCells(row: ExcelJS.Row): string[] {
  const values = row.values as unknown[];
  const out: string[] = [];
  for (let i = 1; i < values.length; i++) out.push(cellText(values[i]));
  return out;
}

/** A cell as the text a person sees (rich text joined, formulas by their result). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    if ('result' in o) return cellText(o.result);
    if (o.error) return '';
  }
  return String(v);
}
