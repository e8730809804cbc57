import { describe, expect, it } from 'vitest';
import { checkCorrection, describeChange, describeRequest, exportPhase, exportProgressText, formatBytes, pageInfo, readIds } from './results-model';
import { correction, exportJob } from './test-fixtures';

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

describe('correction diff in words', () => {
  it('shows who left, who moved and the prize that moved with them', () => {
    expect(describeChange(correction.changes[0])).toEqual(['Bị loại khỏi bảng xếp hạng (trước đó hạng 1, Giải Nhất)']);
    expect(describeChange(correction.changes[1])).toEqual(['Hạng: 2 → 1', 'Giải: — → Giải Nhất']);
    expect(describeChange({ userId: 'p', before: null, after: { userId: 'p', rank: 4, attemptId: 'a', score: 7.5 }, changed: ['added'] })).toEqual([
      'Thêm vào bảng xếp hạng: hạng 4, 7,5 điểm',
    ]);
    expect(describeRequest(correction)).toBe('hủy 1 lượt thi');
    expect(describeRequest({ ...correction, request: { predictionActual: 420 } })).toBe('sửa đáp án câu dự đoán thành 420');
  });
});

describe('correction form', () => {
  it('needs a reason and, for a quiz, something to correct', () => {
    const empty = checkCorrection('quiz', { reason: '', voidIds: '', reinstateIds: '', predictionActual: '' });
    expect(empty.body).toBeNull();
    expect(empty.errors.reason).toMatch(/ít nhất 5 ký tự/);
    expect(empty.errors.voidIds).toMatch(/Chọn ít nhất một việc/);
    expect(checkCorrection('judged', { reason: 'Chấm lại theo biên bản', voidIds: '', reinstateIds: '', predictionActual: '' }).body).toEqual({
      reason: 'Chấm lại theo biên bản',
    });
  });

  it('reads pasted attempt ids and refuses bad or contradictory ones', () => {
    expect(readIds(`${A}\n${B}, ${A}`)).toEqual([A, B]);
    const ok = checkCorrection('quiz', { reason: 'Gian lận đã xác minh', voidIds: `${A}\n`, reinstateIds: B, predictionActual: '415' });
    expect(ok.body).toEqual({ reason: 'Gian lận đã xác minh', voidAttemptIds: [A], reinstateAttemptIds: [B], predictionActual: 415 });
    expect(checkCorrection('quiz', { reason: 'Gian lận đã xác minh', voidIds: 'abc', reinstateIds: '', predictionActual: '' }).errors.voidIds).toMatch(
      /không hợp lệ: abc/,
    );
    expect(checkCorrection('quiz', { reason: 'Gian lận đã xác minh', voidIds: A, reinstateIds: A, predictionActual: '' }).errors.reinstateIds).toMatch(
      /vừa hủy vừa khôi phục/,
    );
    expect(checkCorrection('quiz', { reason: 'Sửa đáp án', voidIds: '', reinstateIds: '', predictionActual: 'nhiều' }).errors.predictionActual).toMatch(
      /phải là một số/,
    );
  });
});

describe('export progress and paging', () => {
  it('words each phase of an export job', () => {
    expect(exportProgressText(exportJob())).toBe('Đã ghi 1.200/5.000 dòng (24%)');
    expect(exportProgressText(exportJob({ status: 'queued' }))).toMatch(/Đang chờ/);
    expect(exportProgressText(exportJob({ status: 'done', progress: { rowsWritten: 5000, rowsTotal: 5000, percent: 100 }, bytes: 3_400_000 }))).toBe(
      'Xong: 5.000 dòng, 3,2 MB.',
    );
    expect(exportPhase(exportJob({ status: 'failed' }))).toBe('failed');
    expect(formatBytes(900)).toBe('900 B');
  });

  it('pages a ranking', () => {
    expect(pageInfo(120, 50, 50)).toEqual({ page: 1, pages: 3, from: 51, to: 100 });
    expect(pageInfo(0, 50, 0)).toEqual({ page: 0, pages: 1, from: 0, to: 0 });
  });
});
