import { once } from 'node:events';
import { PassThrough, Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { ExportColumn, xlsxCell, XLSX_DATETIME_FORMAT } from './columns';
import type { RowSource } from './csv-writer';

export interface XlsxOptions {
  sheetName?: string;
  /** Shown in the workbook properties (e.g. the contest and round). */
  title?: string;
}

/** Rows between checks that the zip and the output keep up, so a slow reader holds back the producer. */
const CHECK_EVERY = 200;
/** Sheet XML allowed to wait for compression before the producer pauses. */
const MAX_ZIP_LAG_BYTES = 2 * 1024 * 1024;

interface BufferedStream {
  _writableState?: { length?: number };
  _readableState?: { length?: number };
}

/**
 * exceljs hands each sheet's XML to the zip without backpressure (its buffer ignores
 * write()'s result), so a fast source would pile the whole sheet up in memory waiting
 * for compression. This reads how much is queued in the streams between the sheet and
 * the zip (archiver's PassThrough); null if exceljs's internals ever change shape.
 */
function zipLag(ws: unknown): number | null {
  const pipes = (ws as { stream?: { pipes?: unknown } }).stream?.pipes;
  if (!Array.isArray(pipes) || pipes.length === 0) return null;
  let n = 0;
  for (const p of pipes as BufferedStream[]) n += (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0);
  return n;
}

async function keepUp(ws: unknown, out: Writable): Promise<void> {
  const lag = zipLag(ws);
  if (lag === null) await new Promise((r) => setImmediate(r));
  else for (let l = lag; l > MAX_ZIP_LAG_BYTES; l = zipLag(ws) ?? 0) await new Promise((r) => setTimeout(r, 2));
  if (out.writableNeedDrain) await once(out, 'drain');
}

/**
 * XLSX through exceljs's streaming WorkbookWriter: each row is committed (serialised
 * into the zip stream) as soon as it is read, so memory stays flat however many rows
 * the source yields. Writes to `out` and resolves with the number of data rows once the
 * workbook is complete.
 */
export async function writeXlsx<T>(rows: RowSource<T>, columns: readonly ExportColumn<T>[], out: Writable, opts: XlsxOptions = {}): Promise<{ rows: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'legal-contest-platform';
  if (opts.title) wb.title = opts.title;
  const ws = wb.addWorksheet(safeSheetName(opts.sheetName ?? 'Kết quả'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width ?? 16,
    style: c.kind === 'datetime' ? { numFmt: XLSX_DATETIME_FORMAT } : c.kind === 'national-id' || c.kind === 'phone' ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  // exceljs gives every cell a fresh style object, so its style cache (a WeakMap keyed by the
  // object) never hits and each cell's style is rebuilt; one shared object per column hits.
  const shared = ws.columns.map((c) => ({ ...(c.style ?? {}) }));
  let n = 0;
  try {
    for await (const row of rows) {
      const r = ws.addRow(columns.map((c) => xlsxCell(c.kind, c.value(row))));
      r.eachCell((cell, col) => (cell.style = shared[col - 1]));
      r.commit();
      if (++n % CHECK_EVERY === 0) await keepUp(ws, out);
    }
  } catch (e) {
    // Half a workbook is unreadable: close the output as failed (a file is released, a response aborted).
    out.destroy(e instanceof Error ? e : new Error(String(e)));
    throw e;
  }
  ws.commit();
  await wb.commit();
  if (!out.writableFinished) await finished(out);
  return { rows: n };
}

/** The same workbook as a readable stream (for an HTTP response or an upload). */
export function xlsxStream<T>(rows: RowSource<T>, columns: readonly ExportColumn<T>[], opts: XlsxOptions = {}): Readable {
  const out = new PassThrough();
  writeXlsx(rows, columns, out, opts).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

/** Excel limits sheet names to 31 characters without : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet1'
  );
}
