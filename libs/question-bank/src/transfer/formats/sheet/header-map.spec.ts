import { FileRefusedError } from '../types';
import { acceptedColumnNames, columnOf, mapHeader, SHEET_COLUMNS } from './header-map';

function refusal(cells: string[]): {
  message: string;
  code?: string;
  details: { unknown: string[]; missing: string[]; repeated: string[]; accepted: string[] };
} {
  try {
    mapHeader(cells);
  } catch (e) {
    if (!(e instanceof FileRefusedError)) throw e;
    return { message: e.message, code: e.code, details: e.details as never };
  }
  throw new Error('the header was accepted');
}

describe('spreadsheet header mapping', () => {
  it.each([
    ['topic', 'Chủ đề', 'chu de', 'CHỦ ĐỀ'],
    ['legal_reference', 'Căn cứ pháp lý', 'can cu phap ly', 'Legal reference', 'legal-reference'],
    ['type', 'Loại câu hỏi', 'loai cau hoi', 'Loại', 'TYPE'],
    ['difficulty', 'Độ khó', 'do kho', 'Difficulty'],
    ['points', 'Điểm', 'diem', 'Points'],
    ['question', 'Nội dung câu hỏi', 'Câu hỏi', 'noi dung', 'stem', 'Question'],
    ['correct', 'Đáp án', 'dap an', 'Đáp án đúng', 'correct', 'Answer'],
    ['explanation', 'Giải thích', 'giai thich', 'Explanation'],
    ['tolerance', 'Sai số', 'Sai số cho phép', 'tolerance'],
    ['tags', 'Thẻ', 'the', 'Nhãn', 'Tags'],
    ['rubric', 'Hướng dẫn chấm', 'rubric'],
    ['case_sensitive', 'Phân biệt chữ hoa', 'Phân biệt hoa thường', 'case sensitive'],
    ['diacritics_sensitive', 'Phân biệt dấu', 'diacritics_sensitive'],
  ])('reads %s from every way of writing it', (key, ...names) => {
    for (const name of [key, ...names]) expect([name, columnOf(name)]).toEqual([name, key]);
  });

  it('covers every column it declares', () => {
    expect(SHEET_COLUMNS.map((c) => c.key).sort()).toEqual([
      'case_sensitive',
      'correct',
      'diacritics_sensitive',
      'difficulty',
      'explanation',
      'legal_reference',
      'points',
      'question',
      'rubric',
      'tags',
      'tolerance',
      'topic',
      'type',
    ]);
  });

  it('reads option columns A to Z in English and Vietnamese, ignoring case, diacritics and spacing', () => {
    for (const [name, key] of [
      ['Phương án A', 'option_a'],
      ['phuong an b', 'option_b'],
      ['  PHƯƠNG   ÁN  C ', 'option_c'],
      ['Phương án F', 'option_f'],
      ['Lựa chọn D', 'option_d'],
      ['Option E', 'option_e'],
      ['option_z', 'option_z'],
      ['OptionA', 'option_a'],
    ]) {
      expect([name, columnOf(name)]).toEqual([name, key]);
    }
    expect(columnOf('Phương án AB')).toBeNull();
    expect(columnOf('Phương án')).toBeNull();
  });

  it('maps the Vietnamese header of the issue report, options in letter order', () => {
    const h = mapHeader([
      'Chủ đề',
      'Căn cứ pháp lý',
      'Loại câu hỏi',
      'Nội dung câu hỏi',
      'Phương án B',
      'Phương án A',
      'Đáp án',
      '',
      'Độ khó',
      'Điểm',
      'Giải thích',
      'Thẻ',
    ]);
    expect(h.names).toEqual([
      'topic',
      'legal_reference',
      'type',
      'question',
      'option_b',
      'option_a',
      'correct',
      undefined,
      'difficulty',
      'points',
      'explanation',
      'tags',
    ]);
    expect(h.optionColumns).toEqual([5, 4]);
  });

  it('maps English and Vietnamese names mixed in one header', () => {
    expect(mapHeader(['type', 'Nội dung câu hỏi', 'option_a', 'Phương án B', 'Đáp án']).names).toEqual(['type', 'question', 'option_a', 'option_b', 'correct']);
  });

  it('refuses a header with unknown columns, naming them and what is accepted', () => {
    const r = refusal(['Loại câu hỏi', 'Nội dung câu hỏi', 'Ghi chú', 'Phương án A', 'Mức độ']);
    expect(r.code).toBe('import_columns_unrecognised');
    expect(r.message).toBe('The header row does not match the template (unknown columns: Ghi chú, Mức độ)');
    expect(r.details).toEqual({ unknown: ['Ghi chú', 'Mức độ'], missing: [], repeated: [], accepted: acceptedColumnNames() });
    expect(r.details.accepted).toEqual(
      expect.arrayContaining(['type', 'Loại câu hỏi', 'correct', 'Đáp án', 'option_a', 'Phương án A', 'legal_reference', 'Căn cứ pháp lý']),
    );
  });

  it('refuses a header missing the type or the question, and names both when both are missing', () => {
    expect(refusal(['Nội dung câu hỏi', 'Đáp án']).details.missing).toEqual(['type']);
    expect(refusal(['type', 'correct']).details.missing).toEqual(['question']);
    const r = refusal(['Chủ đề', 'Foo']);
    expect(r.message).toBe('The header row does not match the template (unknown columns: Foo; missing columns: type, question)');
    expect(r.details).toEqual(expect.objectContaining({ unknown: ['Foo'], missing: ['type', 'question'] }));
  });

  it('refuses a column given twice under two names', () => {
    const r = refusal(['type', 'question', 'Câu hỏi']);
    expect(r.message).toBe('The header row does not match the template (repeated columns: Câu hỏi)');
    expect(r.details.repeated).toEqual(['Câu hỏi']);
  });
});
