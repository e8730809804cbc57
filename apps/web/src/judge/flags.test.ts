import { describe, expect, it } from 'vitest';
import { describeFlag, describeFlags, formatShortTime } from './flags';

const at = '2026-05-04T03:00:00.000Z';

describe('describeFlags', () => {
  it('says each flag the server writes as a Vietnamese sentence from its evidence', () => {
    // The shapes written by libs/attempts (attempt-finaliser, attempt-start).
    expect(describeFlag({ code: 'too_fast', at, detail: { timeTakenMs: 74, answered: 4, minSecondsPerQuestion: 3 } })).toBe(
      'Làm quá nhanh: 4 câu trong 0,07 giây (ngưỡng: ít nhất 3 giây mỗi câu)',
    );
    expect(describeFlag({ code: 'too_fast', at, detail: { timeTakenMs: 95_500, answered: 40, minSecondsPerQuestion: 2.5 } })).toBe(
      'Làm quá nhanh: 40 câu trong 1 phút 35,5 giây (ngưỡng: ít nhất 2,5 giây mỗi câu)',
    );
    expect(describeFlag({ code: 'shared_device', at, detail: { accounts: 3 } })).toBe('Dùng chung thiết bị: 3 tài khoản vào vòng thi này từ cùng một thiết bị');
    expect(describeFlag({ code: 'shared_ip', at, detail: { accounts: 12 } })).toBe('Dùng chung mạng: 12 tài khoản vào vòng thi này từ cùng một địa chỉ IP');
    expect(
      describeFlag({ code: 'identical_answers', at, detail: { with: ['0d5c1f2a-1111-4222-8333-944445555666', '9a8b7c6d-1111-4222-8333-944445555666'] } }),
    ).toBe('Bài làm giống hệt 2 lượt thi khác (mã 0d5c1f2a, 9a8b7c6d)');
  });

  it('never shows a raw evidence key', () => {
    for (const f of [
      { code: 'too_fast', at, detail: { timeTakenMs: 74, answered: 4, minSecondsPerQuestion: 3 } },
      { code: 'too_fast', at, detail: { secondsPerQuestion: 1.1 } },
      { code: 'shared_ip', at, detail: { accounts: 2, ip: '203.0.113.7' } },
    ]) {
      expect(describeFlag(f)).not.toMatch(/timeTakenMs|answered|minSecondsPerQuestion|secondsPerQuestion|accounts/);
    }
    expect(describeFlag({ code: 'too_fast', at, detail: { secondsPerQuestion: 1.1 } })).toBe(
      'Làm bài nhanh bất thường — thời gian trung bình mỗi câu: 1,1 giây',
    );
  });

  it('reads codes, objects and maps, and keeps what it does not know', () => {
    expect(describeFlags(['too_fast'])).toEqual(['Làm bài nhanh bất thường']);
    expect(describeFlags([{ kind: 'shared_ip', detail: '5 tài khoản' }])).toEqual(['Nhiều tài khoản từ một địa chỉ IP — 5 tài khoản']);
    expect(describeFlags({ too_fast: true, shared_device: false, focus_lost: 7 })).toEqual([
      'Làm bài nhanh bất thường',
      'Rời khỏi màn hình làm bài — số lần: 7',
    ]);
    expect(describeFlags([{ code: 'new_kind', detail: { score: 3 } }])).toEqual(['new_kind — score: 3']);
    expect(describeFlags(null)).toEqual([]);
  });

  it('writes short times with a decimal comma', () => {
    expect(formatShortTime(74)).toBe('0,07 giây');
    expect(formatShortTime(8_500)).toBe('8,5 giây');
    expect(formatShortTime(72_000)).toBe('1 phút 12 giây');
  });
});
