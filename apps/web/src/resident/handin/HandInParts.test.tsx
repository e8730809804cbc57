import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { ErrorSummary } from '../../shared/ui/Feedback';
import { entry, openMarks } from '../../judge/test-fixtures';
import { checkHandIn } from './handin-model';
import { HandInFields, MyEntryCard, MyMarks } from './HandInParts';

const noop = () => undefined;
const empty = { text: '', link: '', file: null, dropOldFile: false };

describe('hand-in page', () => {
  it('tells what files are accepted and how big, before anyone uploads', () => {
    const html = renderToStaticMarkup(
      <HandInFields values={empty} errors={{}} existing={null} onText={noop} onLink={noop} onFile={noop} onDropOldFile={noop} />,
    );
    expect(html).toContain('type="file"');
    expect(html).toContain('accept=".pdf,.docx,.pptx');
    expect(html).toContain('Tối đa 200,0 MB.');
    expect(html).toContain('Không nhận tệp có macro');
    expect(html).not.toContain('dropOldFile');
  });

  it('shows the problems on the fields', () => {
    const values = { ...empty, link: 'ftp://x', file: { name: 'bai.exe', size: 10 } };
    const { errors } = checkHandIn(values);
    const html = renderToStaticMarkup(
      <HandInFields values={values} errors={errors} existing={null} onText={noop} onLink={noop} onFile={noop} onDropOldFile={noop} />,
    );
    expect(html).toContain('Đường dẫn phải bắt đầu bằng https://');
    expect(html).toContain('Định dạng .exe không được nhận.');
    expect(html).toContain('Đã chọn: bai.exe (10 B)');
  });

  it('warns that replacing without a file drops the file handed in', () => {
    const html = renderToStaticMarkup(
      <HandInFields
        values={{ ...empty, text: 'mới' }}
        errors={{ dropOldFile: 'Chọn lại tệp' }}
        existing={entry}
        onText={noop}
        onLink={noop}
        onFile={noop}
        onDropOldFile={noop}
      />,
    );
    expect(html).toContain('nộp lại không kèm tệp sẽ xóa tệp “bai-thuyet-trinh.pdf” đã nộp');
    expect(html).toContain('Chọn lại tệp');
  });

  it('shows what was handed in', () => {
    const html = renderToStaticMarkup(<MyEntryCard entry={entry} onDownload={noop} />);
    expect(html).toContain('Bài bạn đã nộp');
    expect(html).toContain('lần nộp thứ 2');
    expect(html).toContain('bai-thuyet-trinh.pdf');
    expect(html).toContain('https://youtu.be/abc');
  });

  it('shows the jury’s marks without judges’ names after publication', () => {
    const html = renderToStaticMarkup(
      <MyMarks marks={{ ...openMarks, marks: openMarks.marks.map((m) => ({ ...m, judgeUserId: '', judgeName: undefined })) }} />,
    );
    expect(html).toContain('Điểm cuối: <strong>70,5</strong> (đã trừ 1 điểm)');
    expect(html).toContain('Giám khảo 1');
    expect(html).toContain('Giám khảo 2');
    expect(html).not.toContain('Trần Thị B');
    expect(html).toContain('Nắm vững nội dung');
  });

  it('heads the marks with the rubric’s labels, not its keys', () => {
    const rubric = [
      { key: 'content', label: 'Nội dung', maxPoints: 50 },
      { key: 'delivery', label: 'Kỹ năng trình bày', maxPoints: 30 },
      { key: 'form', label: 'Hình thức, thời gian', maxPoints: 20 },
    ];
    const html = renderToStaticMarkup(
      <MyMarks marks={{ ...openMarks, rubric, marks: openMarks.marks.map((m) => ({ ...m, judgeUserId: '', judgeName: undefined })) }} />,
    );
    const heads = [...html.matchAll(/<th scope="col">(.*?)<\/th>/g)].map((m) => m[1].replace(/<[^>]+>/g, '|'));
    expect(heads).toEqual([
      'Giám khảo',
      'Nội dung|tối đa 50 điểm|',
      'Kỹ năng trình bày|tối đa 30 điểm|',
      'Hình thức, thời gian|tối đa 20 điểm|',
      'Tổng',
      'Nhận xét',
    ]);
    expect(html).not.toMatch(/>content</);
    expect(html).toContain('<td>45</td><td>25</td><td>12</td><td>82</td>');
  });

  it('says upload refusals in Vietnamese', () => {
    const html = renderToStaticMarkup(<ErrorSummary errors={{}} labels={{}} serverError={new ApiError(415, 'unsupported_file_type', 'x')} />);
    expect(html).toContain('Định dạng tệp không được nhận.');
    expect(renderToStaticMarkup(<ErrorSummary errors={{}} labels={{}} serverError={new ApiError(409, 'entries_closed', 'x')} />)).toContain(
      'Vòng thi đã hết hạn nộp bài',
    );
    const say = (status: number, code: string) => renderToStaticMarkup(<ErrorSummary errors={{}} labels={{}} serverError={new ApiError(status, code, 'x')} />);
    expect(say(409, 'entries_closed')).toContain('hạn tính đến lúc bài tải lên xong');
    expect(say(409, 'entry_marked')).toContain('Giám khảo đã chấm bài này');
    expect(say(408, 'upload_timeout')).toContain('Bài chưa được nộp');
    expect(say(413, 'entry_text_too_long')).toContain('tối đa 50.000 ký tự');
    expect(say(400, 'invalid_text')).toContain('ký tự không hợp lệ');
  });
});
