import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { parseNumber, readHeader, rowToQuestion } from './sheet-columns';
import { checkXlsxZip, RowCounter, XLSX_LIMITS } from '../../../../../platform/src/files/zip-guard';
import { neutraliseFormula } from '../../../../../platform/src/files/formula';

const header = readHeader(['Topic', 'type', 'question', 'Option A', 'option_b', 'option_c', 'correct', 'tolerance', '']);

describe('spreadsheet columns', () => {
  it('maps headers by name, in any case, and ignores blank header cells', () => {
    expect(header.names).toEqual(['topic', 'type', 'question', 'option_a', 'option_b', 'option_c', 'correct', 'tolerance', undefined]);
    expect(() => readHeader(['topic', 'stem?', 'notes'])).toThrow('The header row does not match the template (unknown columns: notes; missing columns: type)');
  });

  it('reads the type as the Vietnamese template writes it', () => {
    const vi = readHeader(['Loại câu hỏi', 'Nội dung câu hỏi', 'Phương án A', 'Phương án B', 'Đáp án']);
    expect(rowToQuestion(vi, ['Một đáp án đúng', 'Q', 'a', 'b', 'B'], 2).input?.type).toBe('single');
    expect(rowToQuestion(vi, ['NHIỀU ĐÁP ÁN ĐÚNG', 'Q', 'a', 'b', 'A,B'], 3).input?.type).toBe('multiple');
    expect(rowToQuestion(vi, ['Đúng / Sai', 'Q', 'Đúng', 'Sai', 'A'], 4).input?.type).toBe('true_false');
    expect(rowToQuestion(vi, ['Điền số', 'Q', '', '', '5'], 5).input?.type).toBe('numeric');
    expect(rowToQuestion(vi, ['Trả lời ngắn', 'Q', '', '', 'x'], 6).input?.type).toBe('short_text');
    expect(rowToQuestion(vi, ['tu luan', 'Q', '', '', ''], 7).input?.type).toBe('essay');
  });

  it('reads correct letters, numbers with a decimal comma, and accepted answers', () => {
    expect(rowToQuestion(header, ['', 'multiple', 'Q', 'a', 'b', 'c', 'a; C'], 2).input?.options?.map((o) => o.correct)).toEqual([true, false, true]);
    expect(rowToQuestion(header, ['', 'numeric', 'Q', '', '', '', '0,5', '0,1'], 3).input?.answer).toEqual({ value: 0.5, tolerance: 0.1 });
    expect(rowToQuestion(header, ['', 'short_text', 'Q', '', '', '', 'Hà Nội | Ha Noi\nHN'], 4).input?.answer?.accepted).toEqual(['Hà Nội', 'Ha Noi', 'HN']);
    expect(rowToQuestion(header, ['', 'true_false', 'Q', '', '', '', 'Sai'], 5).input?.options).toEqual([
      { text: 'Đúng', correct: false },
      { text: 'Sai', correct: true },
    ]);
  });

  it('names what is wrong with a row', () => {
    expect(rowToQuestion(header, ['', 'single', 'Q', 'a', 'b', '', 'C'], 7)).toEqual({
      ref: 'row 7',
      row: 7,
      problems: ['correct "C" is not the letter of a filled option (A–B)'],
    });
    expect(rowToQuestion(header, ['', 'numeric', 'Q', 'a', '', '', '1'], 8).problems).toEqual([
      'a numeric question has no options: put the number in the correct column',
    ]);
  });

  it('guards formulas on export and removes the guard on import', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(rowToQuestion(header, ['', 'essay', "'=1+1"], 9).input?.stem).toBe('=1+1');
    expect(parseNumber('1.000,5')).toBeNull();
    expect(parseNumber('-2e3')).toBe(-2000);
  });
});

describe('checkXlsxZip', () => {
  function zip(content: Buffer, declared: number, gap = 0): Buffer {
    const name = Buffer.from('xl/a.xml');
    const data = deflateRawSync(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    const body = Buffer.concat([local, name, data, Buffer.alloc(gap)]);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(46 + name.length, 12);
    eocd.writeUInt32LE(body.length, 16);
    return Buffer.concat([body, central, name, eocd]);
  }

  it('accepts an honest zip and refuses one that lies about its size or hides data', async () => {
    const xml = Buffer.from('<a>hello</a>');
    await expect(checkXlsxZip(zip(xml, xml.length))).resolves.toEqual([{ name: 'xl/a.xml', start: 0, end: expect.any(Number) }]);
    await expect(checkXlsxZip(zip(Buffer.alloc(1_000_000), 10))).rejects.toThrow(/unpacks to more than it declares/);
    await expect(checkXlsxZip(zip(xml, xml.length + 5))).rejects.toThrow(/different size/);
    await expect(checkXlsxZip(zip(xml, xml.length, 7))).rejects.toThrow(/unexpected data/);
    await expect(checkXlsxZip(zip(xml, xml.length), { maxEntries: 10, maxTotalBytes: 5 })).rejects.toThrow(/unpack to more than/);
  });
});

describe('rows counted before parsing', () => {
  const sheet =
    '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2" spans="1:3"/>' +
    '<row r="3"><c r="A3" s="2"/></row><row r="4"><c r="A4" t="inlineStr"><is><t>Câu</t></is></c></row>' +
    '<row r="5" x14ac:dyDescent="0.25"><c r="B5"><v>12</v></c></row></sheetData><rowBreaks count="0"/></worksheet>';

  it('counts rows holding a value, wherever the chunks are cut', () => {
    for (let cut = 0; cut <= sheet.length; cut++) {
      for (const size of [1, 3, 7]) {
        const c = new RowCounter();
        c.feed(sheet.slice(0, cut));
        for (let i = cut; i < sheet.length; i += size) c.feed(sheet.slice(i, i + size));
        expect(c.count).toBe(3);
      }
    }
  });

  it('refuses a sheet with more rows than allowed in the zip check, before any parser reads it', async () => {
    const book = async (rows: number) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('questions');
      ws.addRow(['topic', 'type', 'stem']);
      for (let i = 0; i < rows; i++) ws.addRow(['Chủ đề', 'single', `Câu hỏi số ${i}?`]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    await expect(checkXlsxZip(await book(50), { ...XLSX_LIMITS, maxSheetRows: 50, rowNoun: 'questions' })).resolves.toContainEqual(
      expect.objectContaining({ name: 'xl/worksheets/sheet1.xml' }),
    );
    await expect(checkXlsxZip(await book(51), { ...XLSX_LIMITS, maxSheetRows: 50, rowNoun: 'questions' })).rejects.toThrow(
      'The file has more than 50 questions; split it',
    );
  });
});
