import { describe, expect, it } from 'vitest';
import type { VerificationOutcome } from '../shared/api/verification-types';
import {
  composeReason,
  describePrizeChange,
  disqualificationSummary,
  disqualificationWarning,
  disqualifyReason,
  formatBirthDate,
  OTHER,
} from './winners-model';

describe('composeReason', () => {
  it('sends the chosen purpose, with the note when there is one', () => {
    expect(composeReason('Xác minh danh tính trước khi trao giải', '')).toEqual({ reason: 'Xác minh danh tính trước khi trao giải' });
    expect(composeReason('Xác minh danh tính trước khi trao giải', '  gọi điện   hẹn ngày ')).toEqual({
      reason: 'Xác minh danh tính trước khi trao giải: gọi điện hẹn ngày',
    });
  });

  it('needs words of its own for another reason, and a choice at all', () => {
    expect(composeReason(OTHER, 'xem')).toEqual({ problem: expect.stringContaining('ít nhất 5') });
    expect(composeReason(OTHER, 'Thanh tra yêu cầu đối chiếu')).toEqual({ reason: 'Thanh tra yêu cầu đối chiếu' });
    expect(composeReason('', 'gì đó')).toEqual({ problem: 'Chọn lý do.' });
  });

  it('refuses a disqualification without a real reason', () => {
    expect(disqualifyReason(' sai ')).toEqual({ problem: expect.any(String) });
    expect(disqualifyReason('CCCD không khớp')).toEqual({ reason: 'CCCD không khớp' });
  });
});

describe('what the organiser reads after a disqualification', () => {
  it('says who holds each prize now', () => {
    expect(describePrizeChange({ userId: 'c', fullName: 'Trần Minh Châu', before: 'Giải Nhì', after: 'Giải Nhất' })).toBe(
      'Trần Minh Châu: nay nhận Giải Nhất (trước là Giải Nhì).',
    );
    expect(describePrizeChange({ userId: 'd', fullName: 'Đỗ Quang Dũng', before: null, after: 'Giải Nhì' })).toBe('Đỗ Quang Dũng: nay nhận Giải Nhì.');
    expect(describePrizeChange({ userId: 'a', fullName: 'Lê Văn An', before: 'Giải Nhất', after: null })).toBe('Lê Văn An: không còn Giải Nhất.');
  });

  it('tells a correction, a re-close and a re-close still to do apart', () => {
    const o = { resultStatus: 'published', reclosed: false, recloseError: null } as VerificationOutcome;
    expect(disqualificationSummary(o, 'An')).toMatch(/đính chính/);
    expect(disqualificationSummary({ ...o, resultStatus: 'provisional', reclosed: true }, 'An')).toMatch(/tính lại theo thể lệ/);
    expect(disqualificationSummary({ ...o, resultStatus: 'provisional', recloseError: { code: 'x', message: 'lỗi' } }, 'An')).toMatch(/đóng vòng lại/);
    expect(disqualificationSummary({ ...o, resultStatus: 'provisional', reclosed: true }, 'An', 'judged')).toMatch(
      /^Đã loại An\. Bài dự thi của người này đã bị loại khỏi xếp hạng/,
    );
  });

  it('warns, before confirming, what happens to attempts or to a judged entry', () => {
    expect(disqualificationWarning('quiz')).toMatch(/^Các lượt thi của người này trong vòng bị hủy/);
    expect(disqualificationWarning('judged')).toMatch(/^Bài dự thi của người này bị loại khỏi xếp hạng/);
  });

  it('shows dates of birth the Vietnamese way', () => {
    expect(formatBirthDate('1990-05-17')).toBe('17/05/1990');
    expect(formatBirthDate(null)).toBe('—');
  });
});
