import { readdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { readSheetRows, type SheetRow } from './sheet-rows';

const LIMITS = { maxRows: 300, rowNoun: 'accounts' };

async function rowsOf(buf: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const r of readSheetRows('xlsx', buf, LIMITS)) rows.push(r);
  return rows;
}

const openDescriptors = () => readdirSync('/proc/self/fd').length;

describe('readSheetRows on XLSX files written as Excel writes them (worksheets before shared strings and workbook)', () => {
  let file: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Cán bộ').addRows([
      ['Họ và tên', 'Email', 'Vai trò'],
      ['Vũ Thị Lan', 'lan@stp.vn', 'ban tổ chức'],
    ]);
    wb.addWorksheet('Ghi chú').addRows([['không đọc']]);
    file = Buffer.from(await wb.xlsx.writeBuffer());
  });

  it('reads the first worksheet every time, one by one and several at once (exceljs#3064 failed about one read in ten)', async () => {
    const expected = [
      { row: 1, cells: ['Họ và tên', 'Email', 'Vai trò'] },
      { row: 2, cells: ['Vũ Thị Lan', 'lan@stp.vn', 'ban tổ chức'] },
    ];
    const outcomes = new Map<string, number>();
    const note = (r: SheetRow[] | Error) => {
      const key = r instanceof Error ? r.message : JSON.stringify(r) === JSON.stringify(expected) ? 'ok' : JSON.stringify(r);
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    };
    for (let i = 0; i < 150; i++) note(await rowsOf(file).catch((e: Error) => e));
    for (let i = 0; i < 40; i++) (await Promise.all([1, 2, 3, 4].map(() => rowsOf(file).catch((e: Error) => e)))).forEach(note);
    expect(Object.fromEntries(outcomes)).toEqual({ ok: 310 });
  });

  it('leaves no file open behind it (the reader parked worksheets in temporary files it never closed)', async () => {
    await rowsOf(file);
    const before = openDescriptors();
    for (let i = 0; i < 50; i++) await rowsOf(file);
    // Two per read on the old reader (100 here); a few of the worker's own may come and go meanwhile.
    expect(openDescriptors() - before).toBeLessThan(10);
  });
});
