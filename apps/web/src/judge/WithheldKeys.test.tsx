import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { publishedMessage, WithheldKeysList } from './WithheldKeys';

const q = (i: number, until = '2026-05-17T13:00:00.000Z') => ({
  questionId: `q${i}`,
  stem: `Câu ${i}: Ai có quyền bầu cử?`,
  reason: 'in_open_round' as const,
  until,
  rounds: [{ id: 'r2', contestId: 'c', seq: 2, title: 'Tuần 2', status: 'open' as const, closesAt: until }],
});

describe('withheld keys at publication', () => {
  it('names the questions, until when and the rounds still drawing them', () => {
    const html = renderToStaticMarkup(<WithheldKeysList questions={[q(1), q(2, '2026-05-24T13:00:00.000Z')]} />);
    expect(html).toContain('Đáp án của <strong>2</strong> câu hỏi sẽ được giữ kín (chậm nhất đến 20:00, 24/05/2026)');
    expect(html).toContain('Câu 1: Ai có quyền bầu cử? — đến 20:00, 17/05/2026 (vòng 2: Tuần 2)');
  });

  it('keeps a long list short, and says so when nothing is withheld', () => {
    const html = renderToStaticMarkup(<WithheldKeysList questions={Array.from({ length: 13 }, (_, i) => q(i))} />);
    expect(html.match(/<li>/g)).toHaveLength(10);
    expect(html).toContain('và 3 câu khác.');
    expect(renderToStaticMarkup(<WithheldKeysList questions={[]} />)).toContain('Đáp án của mọi câu hỏi trong vòng này sẽ hiển thị');
    expect(publishedMessage([], 'judged')).toBe(
      'Đã công bố kết quả. Người dự thi đã xem được thứ hạng, giải, điểm theo tiêu chí và nhận xét của ban giám khảo.',
    );
    expect(publishedMessage([q(1)])).toBe(
      'Đã công bố kết quả. Người dự thi đã xem được thứ hạng, giải và đáp án, trừ đáp án của 1 câu hỏi còn dùng trong vòng thi đang mở.',
    );
  });
});
