import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CorrectionCandidate } from '../shared/api/staff-console-types';
import { attemptText, picksAsFields, pickText, standingText, togglePick } from './correction-picker';
import { CorrectionPreviewView, CorrectionsPanel } from './CorrectionsPanel';
import { checkCorrection } from './results-model';

const A1 = '0d5c1f2a-1111-4222-8333-944445555661';
const A2 = '0d5c1f2a-1111-4222-8333-944445555662';

const person: CorrectionCandidate = {
  userId: 'u1',
  fullName: 'Nguyễn Văn An',
  phoneMasked: '090****678',
  unit: 'Sở Tư pháp',
  rank: 1,
  score: 9.5,
  prize: 'Giải Nhất',
  attempts: [
    { id: A2, attemptNo: 2, status: 'void', score: 10, submittedAt: '2026-05-05T03:00:00.000Z', counted: false },
    { id: A1, attemptNo: 1, status: 'submitted', score: 9.5, submittedAt: '2026-05-05T02:00:00.000Z', counted: true },
  ],
};

describe('correction picker', () => {
  it('says each person and attempt in words', () => {
    expect(standingText(person)).toBe('Hạng 1 · 9,5 điểm · Giải Nhất');
    expect(standingText({ rank: null, score: null, prize: null })).toBe('Chưa được xếp hạng');
    expect(attemptText(person.attempts[1])).toBe('Lượt 1 · 9,5 điểm · đang được tính');
    expect(attemptText(person.attempts[0])).toBe('Lượt 2 · 10 điểm · đã hủy');
  });

  it('picks a counted attempt to void and a void one to reinstate, and builds the request from the picks', () => {
    let picks = togglePick([], person, person.attempts[1]);
    picks = togglePick(picks, person, person.attempts[0]);
    expect(picks.map(pickText)).toEqual(['Hủy lượt 1 của Nguyễn Văn An', 'Khôi phục lượt 2 của Nguyễn Văn An']);
    const c = checkCorrection('quiz', { reason: 'Gian lận đã xác minh', predictionActual: '', ...picksAsFields(picks) });
    expect(c.body).toEqual({ reason: 'Gian lận đã xác minh', voidAttemptIds: [A1], reinstateAttemptIds: [A2] });
    expect(togglePick(picks, person, person.attempts[1]).map((p) => p.attemptId)).toEqual([A2]);
    expect(checkCorrection('quiz', { reason: 'Gian lận đã xác minh', predictionActual: '', ...picksAsFields([]) }).errors.voidIds).toMatch(
      /^Chọn ít nhất một việc/,
    );
  });

  it('renders the panel with a person search and no attempt-id boxes', () => {
    const html = renderToStaticMarkup(<CorrectionsPanel roundId="r1" kind="quiz" names={{}} onCorrected={() => undefined} />);
    expect(html).toContain('Tìm người dự thi');
    expect(html).toContain('Họ tên (không cần dấu), vài số cuối điện thoại, hoặc hạng.');
    expect(html).toContain('Xem trước thay đổi');
    expect(html).not.toContain('Xác nhận đính chính');
    expect(html).not.toMatch(/Mã lượt thi|mỗi dòng một mã/);
  });

  it('previews whose rank, score or prize would change, by name', () => {
    const html = renderToStaticMarkup(
      <CorrectionPreviewView
        names={{ u1: 'Nguyễn Văn An', u2: 'Trần Thị Bình' }}
        preview={{
          roundId: 'r1',
          dryRun: true,
          version: 3,
          request: { voidAttemptIds: ['a1'] },
          prizeNames: { nhat: 'Giải Nhất', nhi: 'Giải Nhì' },
          changes: [
            { userId: 'u1', before: { userId: 'u1', rank: 1, attemptId: 'a1', score: 9.5, award: 'nhat' }, after: null, changed: ['removed'] },
            {
              userId: 'u2',
              before: { userId: 'u2', rank: 2, attemptId: 'b1', score: 8, award: 'nhi' },
              after: { userId: 'u2', rank: 1, attemptId: 'b1', score: 8, award: 'nhat' },
              changed: ['rank', 'award'],
            },
          ],
        }}
      />,
    );
    expect(html).toContain('Xem trước: 2 người thay đổi');
    expect(html).toContain('Nguyễn Văn An');
    expect(html).toContain('Bị loại khỏi bảng xếp hạng (trước đó hạng 1, Giải Nhất)');
    expect(html).toContain('Hạng: 2 → 1');
    expect(html).toContain('Giải: Giải Nhì → Giải Nhất');
    expect(html).toContain('kết quả sẽ thành phiên bản 3');
  });
});
