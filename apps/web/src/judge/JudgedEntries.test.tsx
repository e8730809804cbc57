import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StaffAttemptRow } from './api';
import { AttemptList, checkReason } from './FlaggedAttempts';
import { contentLabel, JudgedEntryList } from './JudgedEntries';
import { judgedRow } from './test-fixtures';

const noop = () => undefined;

describe('judge round page: judged entries', () => {
  it('lists entries with their marking state and a link to mark them', () => {
    const html = renderToStaticMarkup(
      <JudgedEntryList
        page={{
          items: [
            judgedRow,
            { ...judgedRow, id: 'e2', fullName: 'Phạm D', flagged: false, markedByMe: false, marked: 0, marking: undefined, hasText: false, link: null },
          ],
          total: 2,
        }}
        flaggedOnly={false}
      />,
    );
    expect(html).toContain('href="#/giam-khao/bai/e1"');
    expect(html).toContain('Cần thống nhất điểm');
    expect(html).toContain('2/3 giám khảo đã chấm · bạn đã chấm');
    expect(html).toContain('0/3 giám khảo đã chấm');
    expect(html).toContain('Xem bài và chấm');
    expect(html).not.toContain('điểm cuối 70,5 ·'); // nothing after the final mark
    expect(contentLabel(judgedRow)).toBe('văn bản · đường dẫn · tệp bai-thuyet-trinh.pdf');
  });

  it('says when nothing needs reconciling', () => {
    expect(renderToStaticMarkup(<JudgedEntryList page={{ items: [], total: 0 }} flaggedOnly />)).toContain('Không có bài nào cần trưởng ban thống nhất điểm.');
  });
});

describe('judge round page: flagged attempts (quiz)', () => {
  const attempt: StaffAttemptRow = {
    id: 'a1',
    attemptNo: 2,
    status: 'submitted',
    startedAt: '2026-05-04T02:59:00.000Z',
    deadlineAt: '2026-05-04T03:09:00.000Z',
    userId: 'u1',
    fullName: 'Nguyễn Văn An',
    unit: 'Phòng Tư pháp huyện Gia Viễn',
    province: 'Ninh Bình',
    score: 10,
    maxScore: 10,
    timeTakenMs: 21_000,
    submittedAt: '2026-05-04T03:00:00.000Z',
    flags: [
      { code: 'too_fast', at: '2026-05-04T03:00:00.000Z', detail: { timeTakenMs: 21_000, answered: 10, minSecondsPerQuestion: 3 } },
      { code: 'shared_device', at: '2026-05-04T03:00:00.000Z', detail: { accounts: 5 } },
    ],
    ip: '203.0.113.7',
    deviceId: 'dev-1',
    userAgent: 'Zalo',
    events: 4,
    review: { state: 'pending', pendingFlags: ['too_fast', 'shared_device'], clearedAt: null, clearedBy: null, reason: null },
  };

  it('shows the flags with their evidence and the void action', () => {
    const html = renderToStaticMarkup(
      <AttemptList page={{ items: [attempt], total: 1 }} flaggedOnly acting={null} onAct={noop} onDone={noop} onCancel={noop} />,
    );
    expect(html).toContain('Làm quá nhanh: 10 câu trong 21 giây (ngưỡng: ít nhất 3 giây mỗi câu)');
    expect(html).toContain('Dùng chung thiết bị: 5 tài khoản vào vòng thi này từ cùng một thiết bị');
    expect(html).not.toMatch(/timeTakenMs|accounts:/);
    expect(html).toContain('Địa chỉ IP: 203.0.113.7');
    expect(html).toContain('Hủy kết quả');
  });

  it("names the entrant's unit and province, so a judge can tell colleagues sharing an office computer from strangers", () => {
    const html = renderToStaticMarkup(
      <AttemptList page={{ items: [attempt], total: 1 }} flaggedOnly acting={null} onAct={noop} onDone={noop} onCancel={noop} />,
    );
    expect(html).toContain('Phòng Tư pháp huyện Gia Viễn · Ninh Bình');
    const bare = renderToStaticMarkup(
      <AttemptList
        page={{ items: [{ ...attempt, unit: null, province: null }], total: 1 }}
        flaggedOnly
        acting={null}
        onAct={noop}
        onDone={noop}
        onCancel={noop}
      />,
    );
    // Neither known: no empty line for them.
    const subs = (h: string) => (h.match(/class="sub"/g) ?? []).length;
    expect(subs(html) - subs(bare)).toBe(1);
  });

  it('offers reinstate for a void attempt and opens the reason form in place', () => {
    // As GET /rounds/:id/entries sends it: the reason is the review's.
    const voided: StaffAttemptRow = {
      ...attempt,
      status: 'void',
      review: { state: 'void', pendingFlags: [], clearedAt: null, clearedBy: null, reason: 'Dùng chung thiết bị' },
    };
    const card = renderToStaticMarkup(
      <AttemptList page={{ items: [voided], total: 1 }} flaggedOnly acting={null} onAct={noop} onDone={noop} onCancel={noop} />,
    );
    expect(card).toContain('Khôi phục');
    expect(card).toContain('Lý do hủy: Dùng chung thiết bị');
    const html = renderToStaticMarkup(
      <AttemptList page={{ items: [voided], total: 1 }} flaggedOnly acting={{ id: 'a1', action: 'reinstate' }} onAct={noop} onDone={noop} onCancel={noop} />,
    );
    expect(html).toContain('Lý do khôi phục');
    expect(html).toContain('Xác nhận khôi phục');
  });

  it('offers to keep an attempt awaiting review, and says why a cleared one was kept', () => {
    const pending = { ...attempt, review: { state: 'pending' as const, pendingFlags: ['too_fast'], clearedAt: null, clearedBy: null, reason: null } };
    const html = renderToStaticMarkup(
      <AttemptList page={{ items: [pending], total: 1 }} flaggedOnly acting={null} onAct={noop} onDone={noop} onCancel={noop} />,
    );
    expect(html).toContain('Chưa xem xét');
    expect(html).toContain('Giữ kết quả');
    const form = renderToStaticMarkup(
      <AttemptList page={{ items: [pending], total: 1 }} flaggedOnly acting={{ id: 'a1', action: 'clear' }} onAct={noop} onDone={noop} onCancel={noop} />,
    );
    expect(form).toContain('Lý do giữ kết quả (đã xem xét dấu hiệu bất thường)');
    expect(form).toContain('Xác nhận giữ kết quả');
    const cleared = {
      ...attempt,
      review: { state: 'cleared' as const, pendingFlags: [], clearedAt: '2026-05-05T03:00:00.000Z', clearedBy: 'j1', reason: 'Đã gọi điện xác minh' },
    };
    const done = renderToStaticMarkup(
      <AttemptList page={{ items: [cleared], total: 1 }} flaggedOnly acting={null} onAct={noop} onDone={noop} onCancel={noop} />,
    );
    expect(done).toContain('Đã xem xét, giữ kết quả');
    expect(done).toContain('Lý do giữ kết quả: Đã gọi điện xác minh (10:00, 05/05/2026)');
    expect(done).not.toContain('>Giữ kết quả<');
  });

  it('offers no button on an attempt just reviewed until the list is read back', () => {
    const pending = { ...attempt, review: { state: 'pending' as const, pendingFlags: ['too_fast'], clearedAt: null, clearedBy: null, reason: null } };
    const html = renderToStaticMarkup(
      <AttemptList page={{ items: [pending], total: 1 }} flaggedOnly acting={null} onAct={noop} onDone={noop} onCancel={noop} updating={new Set(['a1'])} />,
    );
    expect(html).toContain('Đang cập nhật…');
    expect(html).not.toContain('Giữ kết quả');
    expect(html).not.toContain('Hủy kết quả');
  });

  it('needs a reason of at least 5 characters', () => {
    expect(checkReason('abc')).toMatch(/ít nhất 5 ký tự/);
    expect(checkReason('Dùng chung thiết bị')).toBeNull();
  });
});
