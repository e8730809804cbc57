import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/errors';
import { ImportReportView, refusedFileText } from './ImportPage';

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
    expect(html).toContain('Cột correct ghi &quot;E&quot;, không phải chữ cái của một phương án đã điền (A–D).');
    expect(html).toContain('Nội dung câu hỏi đang trống.');
    expect(html).toContain('Độ khó phải là 1, 2 hoặc 3.');
    expect(html).toContain('Đã bỏ qua các cột không có trong tệp mẫu: ghi_chu.');
    expect(html).toContain('Dòng 5 (Moodle activities)');
    expect(html).toContain('Chưa hỗ trợ câu hỏi ghép đôi (matching).');
    expect(html).not.toMatch(/question text|difficulty must|not supported|not in the template|line 5/);
  });

  it('says why a whole file is refused', () => {
    expect(refusedFileText(new ApiError(400, 'import_file_refused', 'The first row must be the header of question-template.csv; the column "type" is missing'))).toBe(
      'Không nhập được tệp: Dòng đầu tiên phải là dòng tiêu đề như tệp mẫu question-template.csv: thiếu cột "type".',
    );
    expect(refusedFileText(new ApiError(413, 'import_too_large', 'The file needs too much memory to import at once; split it'))).toBe('Không nhập được tệp: Tệp cần quá nhiều bộ nhớ để nhập một lần: hãy chia thành nhiều tệp.');
    expect(refusedFileText(new ApiError(400, 'import_invalid', 'The file has 2 problems; nothing was imported'))).toBeNull();
  });
});
