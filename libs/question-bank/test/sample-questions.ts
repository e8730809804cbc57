import type { QuestionContent } from '../src/questions/question-content';

/**
 * Questions that exercise every field and the characters each format must escape: GIFT's
 * control characters, XML/HTML markup, spreadsheet formula prefixes, newlines, Vietnamese.
 * Used by the round-trip tests (unit and e2e).
 */
export function sampleQuestions(): QuestionContent[] {
  const opt = (text: string, correct: boolean, i: number) => ({ id: `o${i}`, text, correct });
  const base = {
    options: [],
    points: 1,
    difficulty: 1,
    topic: null,
    legalReference: null,
    explanation: null,
    rubric: null,
    tags: [] as string[],
    answer: null,
  };
  return [
    {
      ...base,
      type: 'single',
      stem: 'Công dân đủ bao nhiêu tuổi trở lên thì có quyền bầu cử?',
      options: ['16 tuổi', '18 tuổi', '20 tuổi', '21 tuổi'].map((t, i) => opt(t, i === 1, i)),
    },
    {
      ...base,
      type: 'single',
      stem: 'Ký tự nào {không} phải ký tự điều khiển ~ = # : \\ của GIFT? <b>&amp;</b>',
      options: ['~', '=', '#', '{', '}', '\\ (gạch chéo ngược)'].map((t, i) => opt(t, i === 5, i)),
      topic: 'Luật Bầu cử/Chương V',
      difficulty: 2,
      points: 2.5,
      legalReference: 'Luật Bầu cử ĐBQH và đại biểu HĐND 2015, Điều 69',
      explanation: 'Dòng một.\nDòng hai: "trích dẫn" & <thẻ>.',
      tags: ['bầu cử', 'ký tự đặc biệt'],
    },
    {
      ...base,
      type: 'multiple',
      stem: '=SUM(A1:A3) là công thức; những nguyên tắc bầu cử nào đúng?',
      options: ['Phổ thông', 'Bình đẳng', 'Công khai', '+84 trực tiếp'].map((t, i) => opt(t, i !== 2, i)),
      topic: 'Luật Bầu cử/Chương I',
    },
    {
      ...base,
      type: 'multiple',
      stem: 'Chỉ một đáp án đúng nhưng là câu nhiều lựa chọn?',
      options: ['Đúng là nó', 'Không phải'].map((t, i) => opt(t, i === 0, i)),
      topic: 'Luật Bầu cử/Chương I',
    },
    {
      ...base,
      type: 'true_false',
      stem: 'Cử tri được nhờ người khác bỏ phiếu thay.\nHãy chọn.',
      options: [opt('Đúng', false, 0), opt('Sai', true, 1)],
      difficulty: 3,
    },
    {
      ...base,
      type: 'true_false',
      stem: 'Ngày bầu cử phải là ngày chủ nhật.',
      options: [opt('Đúng', true, 0), opt('Sai', false, 1)],
      topic: 'Phòng chống tham nhũng',
    },
    { ...base, type: 'numeric', stem: 'Nhiệt độ đóng băng của nước (°C) trừ năm?', answer: { value: -5, tolerance: 0 } },
    {
      ...base,
      type: 'numeric',
      stem: 'Số pi với hai chữ số thập phân?',
      answer: { value: 3.14, tolerance: 0.005 },
      points: 3,
      topic: 'Phòng chống tham nhũng',
    },
    {
      ...base,
      type: 'short_text',
      stem: 'Thủ đô của Việt Nam là thành phố nào?',
      answer: { accepted: ['Hà Nội', 'Ha Noi'], caseSensitive: false, diacriticsSensitive: false },
    },
    {
      ...base,
      type: 'short_text',
      stem: 'Viết tắt của Hội đồng nhân dân?',
      answer: { accepted: ['HĐND'], caseSensitive: true, diacriticsSensitive: true },
      tags: ['viết tắt'],
    },
    {
      ...base,
      type: 'essay',
      stem: 'Trình bày một sáng kiến tuyên truyền pháp luật về phòng, chống tham nhũng.',
      rubric: 'Nội dung (4), sáng tạo (3), khả thi (3).',
      points: 10,
      difficulty: 3,
      topic: 'Phòng chống tham nhũng',
    },
    { ...base, type: 'single', stem: '@mention và -5 là gì?', options: ['-5', '@a', 'b'].map((t, i) => opt(t, i === 0, i)), explanation: '=1+1' },
  ] as QuestionContent[];
}

/** A question as the round-trip compares it: option ids are per bank, so they are left out. */
export function comparable(q: QuestionContent): unknown {
  return { ...q, options: q.options.map((o) => ({ text: o.text, correct: o.correct })) };
}
