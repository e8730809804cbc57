import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/errors';
import { columnsProblem } from './import-columns';
import { ColumnsRefusal, ImportReportView, nextFormat, refusedFileText, TemplatePanel } from './ImportPage';

describe('import report', () => {
  it('shows the rows of a refused file with Vietnamese reasons', () => {
    // What the api answers for test/browser/fixtures/question-bad-rows.csv, plus a warning and a skip.
    const report = {
      dry: true,
      imported: 0,
      duplicates: 0,
      errors: [
        { row: 4, reason: 'correct "E" is not the letter of a filled option (A–D)' },
        { row: 6, reason: 'the question text is empty' },
        { row: 7, reason: 'difficulty must be 1, 2 or 3' },
      ],
      warnings: [{ ref: 'file', reason: 'columns not in the template were ignored: ghi_chu' }],
      skipped: [{ ref: 'line 5 (Moodle activities)', reason: 'matching questions are not supported' }],
    };
    const html = renderToStaticMarkup(<ImportReportView report={report} bankId="b1" />);
    expect(html).toContain('Tệp có 3 lỗi.');
    expect(html).toContain('Cột Đáp án (correct) ghi &quot;E&quot;, không phải chữ cái của một phương án đã điền (A–D).');
    expect(html).toContain('Nội dung câu hỏi đang trống.');
    expect(html).toContain('Độ khó phải là 1, 2 hoặc 3.');
    expect(html).toContain('Đã bỏ qua các cột không có trong tệp mẫu: ghi_chu.');
    expect(html).toContain('Dòng 5 (Moodle activities)');
    expect(html).toContain('Chưa hỗ trợ câu hỏi ghép đôi (matching).');
    expect(html).not.toMatch(/question text|difficulty must|not supported|not in the template|line 5/);
  });

  it('says why a whole file is refused', () => {
    expect(refusedFileText(new ApiError(400, 'import_file_refused', 'The first worksheet is empty'))).toBe(
      'Không nhập được tệp: Trang tính đầu tiên của tệp trống.',
    );
    expect(refusedFileText(new ApiError(413, 'import_too_large', 'The file needs too much memory to import at once; split it'))).toBe(
      'Không nhập được tệp: Tệp cần quá nhiều bộ nhớ để nhập một lần: hãy chia thành nhiều tệp.',
    );
    expect(refusedFileText(new ApiError(400, 'import_invalid', 'The file has 2 problems; nothing was imported'))).toBeNull();
  });

  it('says in one Vietnamese sentence which columns of the header are unknown or missing', () => {
    const x = new ApiError(
      400,
      'import_columns_unrecognised',
      'The header row does not match the template (unknown columns: Câu hỏi chính, Ghi chú; missing columns: question)',
      {
        unknown: ['Câu hỏi chính', 'Ghi chú'],
        missing: ['question'],
        repeated: [],
        accepted: ['type', 'Loại câu hỏi', 'question', 'Nội dung câu hỏi'],
      },
    );
    const p = columnsProblem(x)!;
    expect(p.summary).toBe(
      'Không nhập được tệp: dòng tiêu đề không khớp tệp mẫu — không nhận ra 2 cột “Câu hỏi chính”, “Ghi chú”; thiếu cột bắt buộc “Nội dung câu hỏi (question)”. Chưa câu nào được nhập. Hãy sửa tên cột theo tệp mẫu rồi thử lại.',
    );
    const html = renderToStaticMarkup(<ColumnsRefusal problem={p} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Các tên cột được chấp nhận');
    expect(html).toContain('type, Loại câu hỏi, question, Nội dung câu hỏi');
    expect(columnsProblem(new ApiError(400, 'import_columns_unrecognised', 'x', { unknown: ['Foo'], missing: [], repeated: ['Câu hỏi'] }))!.summary).toContain(
      'không nhận ra cột “Foo”; cột bị lặp “Câu hỏi”.',
    );
    expect(columnsProblem(new ApiError(400, 'import_invalid', 'x'))).toBeNull();
    expect(refusedFileText(x)).toBeNull();
  });

  it('offers the templates and lists the Vietnamese columns the importer reads', () => {
    const html = renderToStaticMarkup(<TemplatePanel />);
    expect(html).toContain('Tải tệp mẫu Excel');
    expect(html).toContain('Tải tệp mẫu CSV');
    for (const c of ['Loại câu hỏi', 'Nội dung câu hỏi', 'Phương án A, B, C…', 'Đáp án', 'Chủ đề', 'Căn cứ pháp lý', 'Độ khó', 'Điểm', 'Giải thích', 'Thẻ'])
      expect(html).toContain(c);
  });

  it('takes the format of each new file from its name, keeping a chosen one the name cannot tell', () => {
    expect(nextFormat('cau-hoi.xlsx', 'csv')).toBe('xlsx');
    expect(nextFormat('cau-hoi.csv', 'xlsx')).toBe('csv');
    expect(nextFormat('aiken.txt', 'aiken')).toBe('aiken');
    expect(nextFormat('gift.txt', 'csv')).toBe('gift');
    expect(nextFormat('cau-hoi', 'aiken')).toBe('aiken');
  });
});
