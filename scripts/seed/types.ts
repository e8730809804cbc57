/**
 * Shape of one demo question for seeding a question bank. Content is plain data so the seed
 * script (and reviewers) can read it without Nest; validity rules live in demo-questions.spec.ts.
 */
export interface DemoQuestion {
  type: 'single' | 'multiple' | 'true_false' | 'numeric' | 'short_text' | 'essay';
  stem: string; // Vietnamese with correct diacritics (NFC)
  options?: { text: string; correct: boolean }[]; // single: 4 options, exactly 1 correct; multiple: 4-5 options, ≥2 correct; true_false: exactly [{text:'Đúng',...},{text:'Sai',...}] one correct
  answer?: { value: number; tolerance?: number } | { accepted: string[] }; // numeric | short_text
  topic: string; // e.g. "Bầu cử - Nguyên tắc bầu cử", "Phòng, chống tham nhũng - Kê khai tài sản"
  legalReference: string; // e.g. "Luật Bầu cử ĐBQH và đại biểu HĐND 2015, Điều 2"
  difficulty: 1 | 2 | 3;
  points: number; // 1 for objective questions, 10 for essays
  explanation: string; // cites the article
  tags: string[];
  rubricHint?: string; // essays only: criteria with points, e.g. "Nội dung pháp lý chính xác (4); Sáng tạo (3); Khả thi (3)"
}
