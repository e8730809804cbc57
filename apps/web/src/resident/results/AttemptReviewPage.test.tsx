import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { normaliseAttempt } from '../attempt/attempt-model';
import { AttemptReview } from './AttemptReviewPage';

const raw = {
  id: 'a1',
  roundId: 'r1',
  status: 'submitted',
  deadlineAt: '2026-05-04T03:15:00.000Z',
  score: 1,
  maxScore: 2,
  timeTakenMs: 95_000,
  questions: [
    {
      id: 'q1',
      type: 'single',
      stem: 'Luật Phòng, chống tham nhũng có hiệu lực từ năm nào?',
      points: 1,
      options: [
        { id: 'o1', text: '2018' },
        { id: 'o2', text: '2019' },
      ],
    },
  ],
  answers: { q1: { optionIds: ['o1'], seq: 1, savedAt: 'x' } },
};

describe('attempt review page', () => {
  it('shows the answer key through the shared component once published', () => {
    const html = renderToStaticMarkup(
      <AttemptReview
        attempt={normaliseAttempt({
          ...raw,
          review: [
            {
              questionId: 'q1',
              correct: false,
              earned: 0,
              correctOptionIds: ['o2'],
              acceptedAnswers: null,
              correctValue: null,
              explanation: 'Luật có hiệu lực từ 01/7/2019.',
              legalReference: 'Điều 95',
            },
          ],
        })}
      />,
    );
    expect(html).toContain('Xem lại bài làm');
    expect(html).toContain('1 phút 35 giây');
    expect(html).toMatch(/<li class="is-correct">2019<span class="tag tag-ok">Đáp án đúng<\/span><\/li>/);
    expect(html).toContain('Chưa đúng · 0/1 điểm'); // the points line only the shared AnswerKey has
    expect(html).toContain('Luật có hiệu lực từ 01/7/2019.');
    expect(html).not.toContain('sẽ hiển thị sau khi');
    expect(html).toContain('href="#/vong/r1"');
  });

  it('shows the answers given, and says the key comes with the results, before publication', () => {
    const html = renderToStaticMarkup(<AttemptReview attempt={normaliseAttempt(raw)} />);
    expect(html).toContain('Đáp án và giải thích sẽ hiển thị sau khi ban tổ chức công bố kết quả vòng thi.');
    expect(html).toMatch(/<li class=" is-chosen">2018<span class="tag">Bạn chọn<\/span><\/li>/);
    expect(html).not.toContain('Đáp án đúng');
  });

  it('gives the reason and the date instead of a key another open round still draws', () => {
    const html = renderToStaticMarkup(
      <AttemptReview
        attempt={normaliseAttempt({
          ...raw,
          review: [
            {
              questionId: 'q1',
              correct: null,
              earned: null,
              correctOptionIds: [],
              acceptedAnswers: null,
              correctValue: null,
              explanation: null,
              legalReference: null,
              keyWithheld: { reason: 'in_open_round', until: '2026-05-17T13:00:00.000Z' },
            },
          ],
        })}
      />,
    );
    expect(html).toContain('Đáp án được giữ kín đến 20:00, 17/05/2026 vì câu hỏi này còn dùng trong vòng thi đang mở.');
    expect(html).toContain('Câu trả lời của bạn: <strong>2018</strong>');
    expect(html).not.toContain('Đáp án đúng');
    expect(html).not.toContain('Chưa đúng');
    expect(html).not.toContain('sẽ hiển thị sau khi');
  });
});
