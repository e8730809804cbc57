import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { sampleStats } from './sample';
import { StatisticsView, type StatisticsViewProps } from './StatisticsView';

const noop = () => undefined;
const render = (over: Partial<StatisticsViewProps>) =>
  renderToStaticMarkup(
    h(StatisticsView, {
      loading: false,
      error: null,
      data: undefined,
      onRetry: noop,
      period: { from: '', to: '' },
      onPeriod: noop,
      onDownload: noop,
      download: {},
      report: { onDownload: noop, state: {} },
      thisYear: 2026,
      ...over,
    }),
  );
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('StatisticsView', () => {
  it('shows the figures, every chart and the bad questions, with both downloads', () => {
    const html = render({ data: sampleStats() });
    const t = text(html);
    expect(t).toContain('Tải báo cáo XLSX');
    expect(t).toContain('Lượt dự thi 10');
    expect(t).toContain('Người dự thi 5');
    expect(t).toContain('Điểm trung bình 45%');
    for (const title of [
      'Lượt dự thi và người dự thi theo ngày',
      'Lượt dự thi theo tỉnh, thành phố',
      'Lượt dự thi theo đơn vị',
      'Vòng 1: số bài theo khoảng điểm',
      'Vòng 1: tỷ lệ trả lời đúng từng câu',
    ]) {
      expect(t).toContain(title);
    }
    expect(html.match(/role="img"/g)?.length).toBeGreaterThanOrEqual(6);
    // An entrant without a province is counted as "Không rõ", not dropped.
    expect(t).toContain('Không rõ');
    // The bad question is listed with why, and its bar drawn as flagged.
    expect(t).toContain('Câu hỏi cần xem lại (1)');
    expect(t).toContain('Tuổi bầu cử là bao nhiêu? — 0% đúng.');
    expect(t).toContain('Phương án sai được chọn nhiều hơn đáp án');
    expect(html).toContain('class="sc-bar sc-flagged"');
    expect(t).toContain('Tải báo cáo kỳ (XLSX)');
    expect(html).toContain('<option value="1">6 tháng đầu năm</option>');
  });
  it('says so when nobody has entered yet, and draws no empty charts', () => {
    const empty = sampleStats({
      totals: { registrations: 3, entries: 0, uniqueEntrants: 0, submitted: 0, expired: 0, voided: 0, averageScorePercent: null },
      perDay: [],
      byProvince: [],
      byCommune: [],
      byUnit: [],
      questions: [],
    });
    const html = render({ data: empty });
    expect(text(html)).toContain('Chưa có lượt dự thi nào trong khoảng thời gian này.');
    expect(html).not.toContain('<svg');
    expect(text(html)).toContain('Lượt đăng ký 3');
  });
  it('tells what went wrong, with a retry, when the statistics cannot be loaded', () => {
    const html = render({ error: new ApiError(404, 'not_found', 'Contest not found') });
    expect(html).toMatch(/role="alert"/);
    expect(text(html)).toContain('Thử lại');
    expect(html).not.toContain('<svg');
  });
  it('shows progress while loading and while questions are still being grouped', () => {
    expect(text(render({ loading: true }))).toContain('Đang tổng hợp số liệu…');
    const html = render({ data: sampleStats({ questionsStatus: 'pending', questions: [] }) });
    expect(text(html)).toContain('trang sẽ tự cập nhật');
    expect(text(html)).not.toContain('Câu hỏi cần xem lại');
  });
  it('offers the period report only to those who may download it', () => {
    expect(text(render({ data: sampleStats(), report: null }))).not.toContain('Tải báo cáo kỳ');
  });
  it('labels the date filter and marks a wrong period', () => {
    const html = render({ data: sampleStats() });
    expect(html).toMatch(/<label class="field-label" for="stats-from">Từ ngày<\/label>/);
    expect(html).toMatch(/<input id="stats-to" type="date"/);
  });
});
