import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/errors';
import type { Round } from '../shared/api/types';
import { CorrectionItem } from './CorrectionsPanel';
import { ExportJobView } from './ExportsPanel';
import { ClosePanel, FlaggedWinnersList, PublishPanel } from './JudgeResultsPage';
import { publishBlockers } from './results-model';
import { StaffResultsTable, WhyLines } from './ResultsTable';
import { correction, explanation, exportJob, flaggedWinner, ME, OTHER, staffResults } from './test-fixtures';

const noop = () => undefined;
const round: Round = {
  id: 'r1',
  contestId: 'c1',
  seq: 1,
  title: 'Tuần 1',
  description: null,
  kind: 'quiz',
  status: 'open',
  entry: 'open',
  opensAt: '2020-01-01T00:00:00.000Z',
  closesAt: '2999-01-01T00:00:00.000Z',
  opensAtLocal: null,
  closesAtLocal: null,
  timeZone: 'Asia/Ho_Chi_Minh',
  questionCount: 10,
  leaderboard: { visibility: 'live', freezeAt: null, hidePredictionFigures: true },
  prizes: [],
  durationSeconds: 900,
  maxAttempts: 2,
  attemptScoring: 'best',
  predictionQuestion: { prompt: 'Bao nhiêu người trả lời đúng tất cả?', actual: null },
};

describe('results table', () => {
  it('pages the ranking with prizes and a "why" button per row', () => {
    const res = staffResults();
    const html = renderToStaticMarkup(<StaffResultsTable roundId="r1" rows={res.items} kind="quiz" />);
    expect(html.match(/Vì sao xếp hạng này\?/g)).toHaveLength(2);
    expect(html).toContain('Giải Nhất');
    expect(html).toContain('dự đoán 412 (lệch 3)');
    expect(html).toContain('0010******89');
    expect(html).toContain('aria-expanded="false"');
  });

  it('opens the explanation under the row, in the server’s Vietnamese words', () => {
    const res = staffResults();
    const html = renderToStaticMarkup(<StaffResultsTable roundId="r1" rows={res.items} kind="quiz" initialWhy={{ [OTHER]: { data: explanation } }} />);
    expect(html).toContain('Xếp sau người hạng 1 vì điểm thấp hơn: 8 điểm so với 9 điểm.');
    expect(html).toContain('Người D. T. 2 xếp hạng 2 trên 2 người dự thi.'); // staff read it in the third person
    expect(html).toContain(`id="why-${OTHER}"`);
    expect(html).toContain('aria-expanded="true"');
    expect(html).not.toContain(`id="why-${ME}"`);
  });

  it('shows a failed explanation in Vietnamese', () => {
    expect(renderToStaticMarkup(<WhyLines state={{ error: new ApiError(409, 'round_not_closed', 'close it first') }} />)).toContain(
      'Vòng thi chưa đóng nên chưa có kết quả.',
    );
    expect(renderToStaticMarkup(<WhyLines state={{ error: new ApiError(0, 'network', 'x') }} />)).toContain('Không có kết nối mạng');
  });
});

describe('close and publish', () => {
  it('asks before closing, offers organisers an early close and the prediction value', () => {
    const html = renderToStaticMarkup(<ClosePanel round={round} results={null} organiser onClosed={noop} defaultConfirming />);
    expect(html).toContain('Đóng vòng “Tuần 1”?');
    expect(html).toContain('Đóng sớm trước giờ đóng');
    expect(html).toContain('Đáp án (giá trị thực tế) của câu hỏi dự đoán');
    const judge = renderToStaticMarkup(<ClosePanel round={round} results={null} organiser={false} onClosed={noop} defaultConfirming />);
    expect(judge).toContain('Chỉ ban tổ chức mới đóng sớm được.');
    expect(judge).not.toContain('Đóng sớm trước giờ đóng');
  });

  it('asks for no prediction value when the server counts it (a typed one would be refused)', () => {
    const counted = renderToStaticMarkup(
      <ClosePanel
        round={{ ...round, prediction: { target: 'perfect-score-entrants', countBy: 'people' } }}
        results={null}
        organiser
        onClosed={noop}
        defaultConfirming
      />,
    );
    expect(counted).not.toContain('Đáp án (giá trị thực tế) của câu hỏi dự đoán');
    expect(counted).toContain('Đáp án câu hỏi dự đoán do hệ thống tự đếm khi đóng vòng: số người trả lời đúng tất cả các câu.');
    const custom = renderToStaticMarkup(
      <ClosePanel round={{ ...round, prediction: { target: 'custom', countBy: 'people' } }} results={null} organiser onClosed={noop} defaultConfirming />,
    );
    expect(custom).toContain('Đáp án (giá trị thực tế) của câu hỏi dự đoán');
  });

  it('offers a recompute once closed and nothing once published', () => {
    expect(renderToStaticMarkup(<ClosePanel round={round} results={staffResults()} organiser onClosed={noop} />)).toContain('Tính lại kết quả');
    expect(renderToStaticMarkup(<ClosePanel round={round} results={staffResults({ status: 'published' })} organiser onClosed={noop} />)).toBe('');
  });

  it('publishes only after a confirmation that says what becomes visible', () => {
    const before = renderToStaticMarkup(<PublishPanel roundId="r1" results={staffResults()} onPublished={noop} />);
    expect(before).toContain('Công bố kết quả…');
    expect(before).not.toContain('role="alertdialog"');
    const confirm = renderToStaticMarkup(<PublishPanel roundId="r1" results={staffResults()} onPublished={noop} defaultConfirming />);
    expect(confirm).toContain('role="alertdialog"');
    expect(confirm).toContain('đáp án và giải thích sẽ hiển thị cho người dự thi');
    expect(confirm).toContain('Công bố 2 người');
    // A judged round has no answer key: the confirmation speaks of marks and comments, and lists no withheld keys.
    const judged = renderToStaticMarkup(<PublishPanel roundId="r1" kind="judged" results={staffResults()} onPublished={noop} defaultConfirming />);
    expect(judged).toContain('điểm theo tiêu chí và nhận xét của ban giám khảo (không kèm tên giám khảo) sẽ hiển thị cho người dự thi');
    expect(judged).not.toContain('đáp án');
    expect(renderToStaticMarkup(<PublishPanel roundId="r1" results={staffResults({ stale: true })} onPublished={noop} />)).toContain(
      'hãy tính lại kết quả trước khi công bố',
    );
    expect(
      renderToStaticMarkup(
        <PublishPanel roundId="r1" results={staffResults({ status: 'published', publishedAt: '2026-05-05T03:00:00.000Z' })} onPublished={noop} />,
      ),
    ).toContain('Kết quả đã công bố lúc 10:00, 05/05/2026');
  });
});

describe('flagged winners before publication', () => {
  const flagged = staffResults({ flaggedWinners: [flaggedWinner('a1', 'Giải Nhất'), flaggedWinner('a2', 'Giải Nhì')] });

  it('lists each flagged, unreviewed winner in the confirmation, with void / keep / evidence, and does not let it publish', () => {
    const before = renderToStaticMarkup(<PublishPanel roundId="r1" results={flagged} onPublished={noop} />);
    expect(before).toContain('2 người đạt giải có lượt thi bị gắn cờ chưa được xem xét');
    const html = renderToStaticMarkup(<PublishPanel roundId="r1" results={flagged} onPublished={noop} defaultConfirming />);
    expect(html).toContain('Chưa công bố được: 2 người đạt giải có lượt thi bị gắn cờ mà ban giám khảo chưa xem xét.');
    expect(html).toContain('Bot A. 1 · Giải Nhất · lượt 1');
    expect(html).toContain('Dấu hiệu chưa xem xét: Làm bài nhanh bất thường');
    expect(html.match(/>Giữ kết quả</g)).toHaveLength(2);
    expect(html.match(/>Hủy kết quả</g)).toHaveLength(2);
    expect(html).toContain('href="#/giam-khao/vong/r1"');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Công bố<\/button>/);
    expect(renderToStaticMarkup(<PublishPanel roundId="r1" results={staffResults()} onPublished={noop} defaultConfirming />)).not.toMatch(
      /disabled=""[^>]*>Công bố</,
    );
  });

  it('shows the server’s 409 in Vietnamese with the winners it names', () => {
    const refused = new ApiError(409, 'flagged_winners_unreviewed', '1 prize winner(s)…', [flaggedWinner('a9', 'Giải Ba')]);
    const html = renderToStaticMarkup(<PublishPanel roundId="r1" results={staffResults()} onPublished={noop} defaultConfirming defaultError={refused} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Chưa công bố được: có người đạt giải với lượt thi bị gắn cờ mà ban giám khảo chưa xem xét.');
    expect(html).toContain('Bot A. 9 · Giải Ba');
    expect(publishBlockers(staffResults(), refused).map((w) => w.attemptId)).toEqual(['a9']);
    expect(publishBlockers(flagged, new ApiError(409, 'results_stale', 'x')).map((w) => w.attemptId)).toEqual(['a1', 'a2']);
    expect(publishBlockers(staffResults(), null)).toEqual([]);
  });

  it('drops a winner the judge has just voided or kept, before the results are read again', () => {
    expect(publishBlockers(flagged, null, new Set(['a1'])).map((w) => w.attemptId)).toEqual(['a2']);
    const refused = new ApiError(409, 'flagged_winners_unreviewed', 'x', [flaggedWinner('a9', 'Giải Ba'), flaggedWinner('a8', 'Giải Ba')]);
    expect(publishBlockers(staffResults(), refused, new Set(['a9'])).map((w) => w.attemptId)).toEqual(['a8']);
  });

  it('opens the reason form in place to keep or void a winner', () => {
    const html = renderToStaticMarkup(
      <FlaggedWinnersList roundId="r1" winners={[flaggedWinner('a1', 'Giải Nhất')]} onReviewed={noop} defaultActing={{ id: 'a1', action: 'clear' }} />,
    );
    expect(html).toContain('Lý do giữ kết quả (đã xem xét dấu hiệu bất thường)');
    expect(html).toContain('Xác nhận giữ kết quả');
  });
});

describe('exports and corrections', () => {
  it('shows an export job’s progress bar, then its download', () => {
    const running = renderToStaticMarkup(<ExportJobView job={exportJob()} onDownload={noop} />);
    expect(running).toContain('<progress max="100" value="24"');
    expect(running).toContain('Đã ghi 1.200/5.000 dòng (24%)');
    expect(running).not.toContain('Tải về');
    const job = {
      ...exportJob({ status: 'done', fileName: 'Kết quả vòng 1 - Tuần 1.xlsx', progress: { rowsWritten: 5000, rowsTotal: 5000, percent: 100 } }),
      label: 'Kết quả vòng 1 — Tuần 1 (XLSX)',
    };
    const done = renderToStaticMarkup(<ExportJobView job={job} onDownload={noop} />);
    expect(done).toContain('<strong>Kết quả vòng 1 — Tuần 1 (XLSX)</strong>: Xong: 5.000 dòng.');
    expect(done).toContain('Tải về “Kết quả vòng 1 — Tuần 1 (XLSX)”');
    expect(done).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    // An older server without labels: named from scope and format, never by an id.
    expect(
      renderToStaticMarkup(
        <ExportJobView job={exportJob({ status: 'done', scope: 'winners', format: 'csv', fileName: 'x1.csv', label: '' })} onDownload={noop} />,
      ),
    ).toContain('Tải về “Người đạt giải (CSV)”');
    const failed = renderToStaticMarkup(<ExportJobView job={exportJob({ status: 'failed', error: 'disk full' })} onDownload={noop} />);
    expect(failed).not.toContain('<progress');
    expect(failed).toContain('Không tạo được tệp');
  });

  it('shows a correction’s reason and the diff, by name where known', () => {
    const html = renderToStaticMarkup(<CorrectionItem c={correction} names={{ [OTHER]: 'Trần Thị B' }} />);
    expect(html).toContain('Lượt thi dùng chung thiết bị với 4 tài khoản');
    expect(html).toContain('Yêu cầu: hủy 1 lượt thi.');
    expect(html).toContain('Trần Thị B');
    expect(html).toContain('Hạng: 2 → 1');
    expect(html).toContain(`Mã ${ME.slice(0, 8)}`);
    expect(html).toContain('Bị loại khỏi bảng xếp hạng');
  });
});
