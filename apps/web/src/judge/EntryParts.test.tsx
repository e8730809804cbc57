import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/errors';
import { ErrorMessage } from '../shared/ui/Feedback';
import { ReconcileForm, RubricForm } from './EntryPage';
import { EntrySubmission, MarksPanel, RubricFields } from './EntryParts';
import { checkMarks } from './marking-model';
import { blindMarks, entry, HEAD, jury, marking, ME, openMarks, OTHER } from './test-fixtures';

const noop = () => undefined;

describe('entry page: the submission', () => {
  it('shows the text, the link opened safely and the file to download', () => {
    const html = renderToStaticMarkup(<EntrySubmission entry={entry} onDownload={noop} />);
    expect(html).toContain('Bài trình bày về Luật Phòng, chống tham nhũng 2018.');
    expect(html).toContain('href="https://youtu.be/abc" target="_blank" rel="noopener noreferrer nofollow"');
    expect(html).toContain('bai-thuyet-trinh.pdf');
    expect(html).toContain('2,4 MB');
    expect(html).toContain('Tải tệp về');
    expect(html).toContain('đã nộp lại 1 lần');
    expect(html).toContain('Thời lượng trình bày: 16 phút 0 giây');
  });
});

describe('entry page: the rubric form', () => {
  it('lists every criterion with its maximum and a running total', () => {
    const html = renderToStaticMarkup(<RubricForm entryId="e1" rubric={jury.rubric} onSaved={noop} />);
    expect(html).toContain('Nội dung (tối đa 50 điểm)');
    expect(html).toContain('Kỹ năng trình bày (tối đa 30 điểm)');
    expect(html).toContain('Hình thức, thời gian (tối đa 20 điểm)');
    expect(html).toContain('inputMode="decimal"');
    expect(html).toMatch(/Tổng: <strong>0<\/strong> \/ 100 điểm/);
    expect(html).toContain('Nộp điểm');
  });

  it('prefills the judge’s own marks for a re-mark', () => {
    const html = renderToStaticMarkup(
      <RubricForm entryId="e1" rubric={jury.rubric} own={{ scores: { content: 45, delivery: 25, form: 12.5 }, comment: 'Nắm vững nội dung' }} onSaved={noop} />,
    );
    expect(html).toContain('value="12,5"');
    expect(html).toMatch(/Tổng: <strong>82,5<\/strong>/);
    expect(html).toContain('Nắm vững nội dung</textarea>');
    expect(html).toContain('Lưu điểm mới');
  });

  it('shows validation errors inline on the fields, tied by aria-describedby', () => {
    const values = { content: '60', delivery: 'x', form: '' };
    const { errors } = checkMarks(jury.rubric, values, '');
    const html = renderToStaticMarkup(<RubricFields rubric={jury.rubric} values={values} errors={errors} onChange={noop} />);
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(3);
    expect(html).toContain('Điểm từ 0 đến 50.');
    expect(html).toContain('Điểm phải là một số, ví dụ 7 hoặc 7,5.');
    expect(html).toMatch(/aria-describedby="[^"]*-error"/);
  });
});

describe('entry page: marks, blind until every judge has filed', () => {
  it('hides the others’ marks from a judge who has not marked', () => {
    const html = renderToStaticMarkup(<MarksPanel marks={blindMarks} rubric={jury.rubric} role="judge" meId={ME} />);
    expect(html).toContain('Chấm độc lập: điểm của các giám khảo khác và điểm tổng hợp chỉ hiện khi tất cả giám khảo của vòng đã nộp điểm bài này.');
    expect(html).not.toContain('<table');
  });

  it('shows a judge who has marked only their own marks while others have not filed', () => {
    const own = { ...openMarks, marks: openMarks.marks.slice(0, 1), marking: undefined };
    const html = renderToStaticMarkup(<MarksPanel marks={own} rubric={jury.rubric} role="judge" meId={ME} />);
    expect(html).toContain('Chấm độc lập');
    expect(html).toContain('<strong>82</strong>');
    expect(html).not.toContain('Trần Thị B');
    expect(html).not.toContain('Điểm tổng hợp');
  });

  it('shows the head judge who replaced which mark', () => {
    const withHistory = {
      ...openMarks,
      history: [
        {
          judgeUserId: OTHER,
          action: 'replace' as const,
          at: '2026-05-04T02:00:00.000Z',
          before: { scores: {}, total: 10, comment: null },
          after: { scores: {}, total: 61, comment: null },
        },
      ],
    };
    const html = renderToStaticMarkup(<MarksPanel marks={withHistory} rubric={jury.rubric} role="head" meId={HEAD} />);
    expect(html).toContain('Lịch sử chấm điểm');
    expect(html).toContain('Trần Thị B sửa điểm 10 → 61');
  });

  it('calls unnamed judges in the history as the table does', () => {
    const unnamed = {
      ...openMarks,
      marks: openMarks.marks.map((m) => ({ ...m, judgeName: undefined })),
      history: [{ judgeUserId: OTHER, action: 'mark' as const, at: '2026-05-04T02:00:00.000Z', before: null, after: { scores: {}, total: 61, comment: null } }],
    };
    const html = renderToStaticMarkup(<MarksPanel marks={unnamed} rubric={jury.rubric} role="head" meId={HEAD} />);
    const n = unnamed.marks.findIndex((m) => m.judgeUserId === OTHER) + 1;
    expect(html).toContain(`Giám khảo ${n} chấm 61`);
  });

  it('shows every judge’s marks and the aggregate once marked', () => {
    const html = renderToStaticMarkup(<MarksPanel marks={openMarks} rubric={jury.rubric} role="judge" meId={ME} />);
    expect(html).toContain('Bạn');
    expect(html).toContain('Trần Thị B');
    expect(html).toContain('<strong>82</strong>');
    expect(html).toContain('Điểm tổng hợp (trung bình cộng, 2 giám khảo): 71,5');
    expect(html).toContain('Điểm cuối: 70,5');
  });

  it('shows the head judge the reconciliation form with the gap', () => {
    const html = renderToStaticMarkup(<ReconcileForm entryId="e1" rubric={jury.rubric} marking={marking} onDone={noop} />);
    expect(html).toContain('Thống nhất điểm (trưởng ban giám khảo)');
    expect(html).toContain('Các giám khảo chênh nhau 21 điểm');
    expect(html).toContain('Giữ điểm tổng hợp');
    expect(html).toContain('Cho điểm cuối theo từng tiêu chí');
    expect(HEAD).toBe(jury.headJudgeUserId);
  });

  it('says the API’s refusals in Vietnamese', () => {
    expect(renderToStaticMarkup(<ErrorMessage error={new ApiError(409, 'marking_not_open', 'Marking starts when the round closes')} />)).toContain(
      'Chưa đến lúc chấm: vòng thi còn đang nhận bài.',
    );
    expect(renderToStaticMarkup(<ErrorMessage error={new ApiError(409, 'results_published', 'x')} />)).toContain('Kết quả đã công bố');
    expect(renderToStaticMarkup(<ErrorMessage error={new ApiError(400, 'invalid_scores', 'x')} />)).toContain('Điểm chưa hợp lệ');
  });
});
