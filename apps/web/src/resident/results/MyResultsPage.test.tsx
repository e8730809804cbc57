import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PublicResultRow } from '../../shared/api/judging-types';
import { explanation } from '../../judge/test-fixtures';
import { normaliseAttempt } from '../attempt/attempt-model';
import { AnswerKey, hasAnswerKey } from './AnswerKey';
import { MyPlace, WinnersTable } from './MyResultsPage';

const me: PublicResultRow = {
  rank: 2,
  displayName: 'Trần Thị Bình',
  unit: 'UBND xã A',
  province: 'Huế',
  score: 8,
  maxScore: 10,
  timeTakenMs: 95_000,
  prize: { code: 'nhi', name: 'Giải Nhì', level: 2, group: null, boundaryTie: false },
};

/** GET /attempts/:id once published: questions, the resident's answers and the review (answer key). */
const published = normaliseAttempt({
  id: 'a2',
  roundId: 'r1',
  status: 'submitted',
  deadlineAt: '2026-05-04T03:15:00.000Z',
  score: 1,
  maxScore: 2,
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
    { id: 'q2', type: 'numeric', stem: 'Bao nhiêu điều?', points: 1, options: [] },
  ],
  answers: { q1: { optionIds: ['o1'], seq: 1, savedAt: 'x' }, q2: { value: 90, seq: 2, savedAt: 'x' } },
  review: [
    {
      questionId: 'q1',
      correct: false,
      earned: 0,
      correctOptionIds: ['o2'],
      acceptedAnswers: null,
      correctValue: null,
      explanation: 'Luật có hiệu lực từ 01/7/2019.',
      legalReference: 'Điều 95 Luật PCTN 2018',
    },
    {
      questionId: 'q2',
      correct: true,
      earned: 1,
      correctOptionIds: [],
      acceptedAnswers: null,
      correctValue: { value: 96, tolerance: 0 },
      explanation: null,
      legalReference: null,
    },
  ],
});

describe('resident results page', () => {
  it('shows my place, my prize and why', () => {
    const html = renderToStaticMarkup(<MyPlace me={me} total={120} why={explanation} kind="quiz" />);
    expect(html).toContain('<dt>Hạng</dt><dd>2/120</dd>');
    expect(html).toContain('<dt>Điểm</dt><dd>8/10</dd>');
    expect(html).toContain('1 phút 35 giây');
    expect(html).toContain('Bạn đạt <strong>Giải Nhì</strong>');
    expect(html).toContain('Vì sao xếp hạng này?');
    expect(html).toContain('Xếp sau người hạng 1 vì điểm thấp hơn');
  });

  it('says when I am not ranked or won nothing', () => {
    expect(renderToStaticMarkup(<MyPlace me={null} total={120} kind="quiz" />)).toContain('Bạn không có trong bảng xếp hạng');
    expect(renderToStaticMarkup(<MyPlace me={{ ...me, prize: null }} total={120} kind="judged" />)).toContain('Bạn chưa đạt giải ở vòng này.');
  });

  it('lists the winners with shortened names', () => {
    const html = renderToStaticMarkup(
      <WinnersTable
        winners={[{ ...me, rank: 1, displayName: 'Nguyễn V. A.', prize: { code: 'nhat', name: 'Giải Nhất', level: 1, group: null, boundaryTie: false } }]}
        kind="quiz"
      />,
    );
    expect(html).toContain('Nguyễn V. A.');
    expect(html).toContain('Giải Nhất');
    expect(renderToStaticMarkup(<WinnersTable winners={[]} kind="quiz" />)).toContain('không có người đạt giải');
  });

  it('shows the answer key with explanations for the counted attempt', () => {
    expect(hasAnswerKey(published)).toBe(true);
    const html = renderToStaticMarkup(<AnswerKey attempt={published} />);
    expect(html).toMatch(/2018<span class="tag">Bạn chọn<\/span>/);
    expect(html).toMatch(/2019<span class="tag tag-ok">Đáp án đúng<\/span>/);
    expect(html).toContain('Chưa đúng · 0/1 điểm');
    expect(html).toContain('Giải thích:</strong> Luật có hiệu lực từ 01/7/2019.');
    expect(html).toContain('Căn cứ: Điều 95 Luật PCTN 2018');
    expect(html).toContain('Câu trả lời của bạn: <strong>90</strong>');
    expect(html).toContain('Đáp án: <strong>96</strong>');
  });

  it('knows an attempt without the key (results not published)', () => {
    const raw = { id: 'a', deadlineAt: 'x', questions: [{ id: 'q1', type: 'single', stem: 's', options: [{ id: 'o1', text: 't' }] }], answers: {} };
    expect(hasAnswerKey(normaliseAttempt(raw))).toBe(false);
  });
});
