import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { RESULT_COLUMNS } from './result-columns';
import { probingSource, resultRow } from '../../test/export-rows';
import { safeSheetName, writeXlsx, xlsxStream } from '@lc/platform';

async function readSheet(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0];
}

describe('XLSX export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-xlsx-'));
  // Best effort: on a loaded machine a destroyed stream's file can still appear while the folder
  // is removed (ENOTEMPTY even with retries); a leftover temp folder is no test failure.
  afterAll(() => {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      /* left in the OS temp folder */
    }
  });

  it('writes a workbook that reads back with typed, masked and neutralised cells', async () => {
    const file = join(dir, 'results.xlsx');
    const { rows } = await writeXlsx([resultRow(0), resultRow(1)], RESULT_COLUMNS, createWriteStream(file), {
      sheetName: 'Vòng 1: kết quả?',
      title: 'Cuộc thi',
    });
    expect(rows).toBe(2);
    const ws = await readSheet(file);
    expect(ws.name).toBe('Vòng 1  kết quả');
    expect(ws.rowCount).toBe(3);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(RESULT_COLUMNS.map((c) => c.header));
    const r1 = ws.getRow(2);
    expect(r1.getCell(1).value).toBe(1);
    expect(r1.getCell(2).value).toBe(`'=HYPERLINK("http://evil","Nguyễn")`);
    expect(r1.getCell(2).formula).toBeUndefined();
    expect(r1.getCell(3).value).toBe('001******789');
    expect(r1.getCell(4).value).toBe('091****678');
    expect(r1.getCell(8).value).toBe(9.5);
    expect(r1.getCell(10).value).toBe(754.25);
    expect(r1.getCell(11).value).toBeNull();
    expect(r1.getCell(13).value).toEqual(new Date('2026-03-01T23:59:59.123Z')); // Vietnam wall-clock
    expect(r1.getCell(13).numFmt).toBe('dd/mm/yyyy hh:mm:ss.000');
    expect(r1.getCell(16).value).toBe('Giải Nhất');
    const r2 = ws.getRow(3);
    expect(r2.getCell(2).value).toBe('Nguyễn Thị Hồng Nhung 1');
    expect(r2.getCell(7).value).toBe(`'@Đội tuyên truyền`);
    expect(r2.getCell(11).value).toBe(1200);
  });

  it('streams: the zip is being written before the source is exhausted', async () => {
    const file = join(dir, 'big.xlsx');
    const out = createWriteStream(file);
    const src = probingSource(15_000, 12_000, () => out.bytesWritten);
    const { rows } = await writeXlsx(src.rows, RESULT_COLUMNS, out);
    expect(rows).toBe(15_000);
    expect(src.seen.bytesAtProbe).toBeGreaterThan(0);
    expect(statSync(file).size).toBeGreaterThan(src.seen.bytesAtProbe);
    const ws = await readSheet(file);
    expect(ws.rowCount).toBe(15_001);
    expect(ws.getRow(15_001).getCell(1).value).toBe(15_000);
  });

  it('offers the workbook as a readable stream', async () => {
    const chunks: Buffer[] = [];
    for await (const c of xlsxStream([resultRow(3)], RESULT_COLUMNS)) chunks.push(c as Buffer);
    const buf = Buffer.concat(chunks);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(2).getCell(2).value).toBe('Nguyễn Thị Hồng Nhung 3');
  });

  it('makes sheet names Excel accepts', () => {
    expect(safeSheetName('a/b[c]*?:' + 'x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('')).toBe('Sheet1');
  });

  it('fails, rather than hangs, when the source fails mid-way', async () => {
    async function* broken() {
      yield resultRow(0);
      throw new Error('cursor lost');
    }
    const file = createWriteStream(join(dir, 'broken.xlsx'));
    await expect(writeXlsx(broken(), RESULT_COLUMNS, file)).rejects.toThrow('cursor lost');
    expect(file.destroyed).toBe(true);
    const s = xlsxStream(broken(), RESULT_COLUMNS);
    await expect(
      (async () => {
        for await (const _ of s);
      })(),
    ).rejects.toThrow('cursor lost');
  });
});
