import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeCsv } from '@lc/platform';
import { RESULT_COLUMNS } from './result-columns';
import { probingSource, resultRow } from '../../test/export-rows';

describe('CSV export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes UTF-8 with a BOM, masked identities and neutralised formulas, readable back', async () => {
    const file = join(dir, 'results.csv');
    async function* rows() {
      for (let i = 0; i < 3; i++) yield resultRow(i);
    }
    const { rows: n } = await writeCsv(rows(), RESULT_COLUMNS, createWriteStream(file));
    expect(n).toBe(3);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const records: string[][] = parse(bytes, { bom: true });
    expect(records).toHaveLength(4);
    expect(records[0].slice(0, 4)).toEqual(['Hạng', 'Họ và tên', 'Số CCCD', 'Số điện thoại']);
    const [first, second] = [records[1], records[2]];
    expect(first[1]).toBe(`'=HYPERLINK("http://evil","Nguyễn")`);
    expect(first[2]).toBe('001******789');
    expect(first[3]).toBe('091****678');
    expect(first[4]).toBe('Thành phố Hồ Chí Minh');
    expect(first[7]).toBe('9.5');
    expect(first[9]).toBe('754.25');
    expect(first[10]).toBe('');
    expect(first[12]).toBe('01/03/2026 23:59:59.123');
    expect(first[15]).toBe('Giải Nhất');
    expect(second[1]).toBe('Nguyễn Thị Hồng Nhung 1');
    expect(second[2]).toBe('079******001');
    expect(second[3]).toBe('098****321');
    expect(second[6]).toBe(`'@Đội tuyên truyền`);
    expect(bytes.toString('utf8')).not.toContain('001203004789');
  });

  it('streams: output is flowing before the source is exhausted', async () => {
    const file = join(dir, 'big.csv');
    const out = createWriteStream(file);
    const src = probingSource(30_000, 20_000, () => out.bytesWritten);
    const { rows } = await writeCsv(src.rows, RESULT_COLUMNS, out);
    expect(rows).toBe(30_000);
    expect(src.seen.bytesAtProbe).toBeGreaterThan(100_000);
    expect(statSync(file).size).toBeGreaterThan(src.seen.bytesAtProbe);
    const records: string[][] = parse(readFileSync(file), { bom: true });
    expect(records).toHaveLength(30_001);
    expect(records[30_000][0]).toBe('30000');
  });

  it('fails, rather than hangs, when the source fails mid-way', async () => {
    async function* broken() {
      yield resultRow(0);
      throw new Error('cursor lost');
    }
    const out = createWriteStream(join(dir, 'broken.csv'));
    await expect(writeCsv(broken(), RESULT_COLUMNS, out)).rejects.toThrow('cursor lost');
    // Closed before the directory is removed: a file still opening made afterAll's rmSync fail (ENOTEMPTY).
    out.destroy();
    await new Promise<void>((closed) => (out.closed ? closed() : out.once('close', () => closed())));
  });
});
