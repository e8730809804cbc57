import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type ExportColumn, type RawCell, safeSheetName, XLSX_DATETIME_FORMAT, xlsxCell } from '@lc/platform';

/** One worksheet: Vietnamese headers, then one row per item. */
export interface SheetSpec {
  name: string;
  columns: { header: string; kind: ExportColumn<unknown>['kind']; width?: number }[];
  rows: Iterable<RawCell[]>;
}

/** Binds a sheet's columns to its items (so sheets of different row types sit in one list). */
export function sheet<T>(name: string, columns: readonly ExportColumn<T>[], items: Iterable<T>): SheetSpec {
  return {
    name,
    columns: columns.map((c) => ({ header: c.header, kind: c.kind, width: c.width })),
    rows: (function* () {
      for (const item of items) yield columns.map((c) => c.value(item));
    })(),
  };
}

/**
 * A workbook of several sheets through exceljs's streaming writer: each row is committed
 * as it is written. Text cells go through the judging exports' cell rules, so a unit
 * called "=HYPERLINK(…)" arrives as text, never as a formula; numbers stay numbers.
 */
export async function writeWorkbook(sheets: SheetSpec[], out: NodeJS.WritableStream, title?: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as import('node:stream').Stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'legal-contest-platform';
  if (title) wb.title = title;
  const used = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(uniqueName(safeSheetName(s.name), used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.width ?? 16,
      style: c.kind === 'datetime' ? { numFmt: XLSX_DATETIME_FORMAT } : {},
    }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const row of s.rows) ws.addRow(row.map((v, i) => xlsxCell(s.columns[i].kind, v))).commit();
    ws.commit();
  }
  await wb.commit();
}

/** The workbook as a readable stream for an HTTP response. */
export function workbookStream(sheets: SheetSpec[], title?: string): Readable {
  const out = new PassThrough();
  writeWorkbook(sheets, out, title).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

function uniqueName(name: string, used: Set<string>): string {
  let n = name;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = `${name.slice(0, 27)} (${i})`;
  used.add(n.toLowerCase());
  return n;
}
