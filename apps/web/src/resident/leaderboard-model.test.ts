import { describe, expect, it } from 'vitest';
import { concealedNotice, myRankText } from './leaderboard-model';

const entrants = { reason: 'prediction_open' as const, topN: 20, hidden: ['total', 'ranks-beyond-top'] as const };

describe('leaderboard while the prediction is open', () => {
  it('says what is hidden and why', () => {
    expect(concealedNotice({ ...entrants, hidden: [...entrants.hidden] })).toBe(
      'Vòng thi có câu hỏi dự đoán và đang mở: bảng xếp hạng chỉ hiện 20 người đứng đầu, không hiện tổng số người dự thi, để không ai đọc được đáp án. Đầy đủ sau khi vòng thi đóng.',
    );
    expect(concealedNotice({ reason: 'prediction_open', topN: 20, hidden: ['total', 'scores', 'ranks-beyond-top'] })).toContain(
      'không hiện tổng số người dự thi và điểm của người khác',
    );
  });

  it('gives the own rank inside the top, and the reason outside it', () => {
    const c = { ...entrants, hidden: [...entrants.hidden] };
    expect(myRankText({ rank: 3, score: 7.5 }, null, c)).toBe('Thứ hạng của bạn: 3 · 7,5 điểm');
    expect(myRankText({ rank: 3, score: 7 }, 40, null)).toBe('Thứ hạng của bạn: 3/40 · 7 điểm');
    expect(myRankText({ rank: null, score: 2 }, null, c)).toBe('Bạn ngoài 20 người đứng đầu; thứ hạng được giữ kín đến khi vòng thi đóng · 2 điểm');
    expect(myRankText({ rank: null, score: null }, null, c)).toBeNull();
  });
});
