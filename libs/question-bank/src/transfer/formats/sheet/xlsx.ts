import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { QuestionContent } from '../../../questions/question-content';
import { ExportedFile, fileRefused, FileRefusedError, ParseItem } from '../types';
import { exportHeader, MAX_SHEET_ROWS, questionToRow, readHeader, rowToQuestion, SheetHeader } from './sheet-columns';
import { checkXlsxZip, XLSX_LIMITS } from './zip-guard';

/**
 * The first worksheet, in the template's columns. The zip is checked first (zip-guard),
 * then read as a stream so memory does not grow with the sheet.
 */
export async function* parseXlsx(buf: Buffer): AsyncGenerator<ParseItem> {
  await checkXlsxZip(buf, { ...XLSX_LIMITS, maxSheetRows: MAX_SHEET_ROWS });
  let header: SheetHeader | null = null;
  let count = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
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
        if (!header) {
          header = readHeader(cells);
          continue;
        }
        if (++count > MAX_SHEET_ROWS) throw fileRefused(`The file has more than ${MAX_SHEET_ROWS} questions; split it`);
        yield rowToQuestion(header, cells, row.number);
      }
      break; // the first worksheet holds the questions
    }
  } catch (e) {
    if (e instanceof FileRefusedError) throw e;
    throw fileRefused(`The XLSX file could not be read: ${String((e as Error).message).slice(0, 200)}`);
  }
  if (!header) throw fileRefused('The first worksheet is empty');
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

export async function writeXlsx(questions: QuestionContent[]): Promise<ExportedFile> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  // Shared strings: exceljs writes inline strings as t="str" and decodes them twice on reading.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('questions', { views: [{ state: 'frozen', ySplit: 1 }] });
  const optionCount = Math.max(0, ...questions.map((q) => q.options.length));
  const header = ws.addRow(exportHeader(optionCount));
  header.font = { bold: true };
  header.commit();
  for (const q of questions) ws.addRow(questionToRow(q, optionCount)).commit();
  ws.commit();
  await wb.commit();
  return {
    content: Buffer.concat(chunks),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    skipped: 0,
  };
}
