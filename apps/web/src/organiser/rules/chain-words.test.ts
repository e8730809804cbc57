import { describe, expect, it } from 'vitest';
import { TIE_BREAK_STEPS } from '../../shared/api/rules-types';
import { addableSteps, chainNotes, chainSentence, STEP_WORDS } from './chain-words';

const quiz = { kind: 'quiz' as const, hasPrediction: true, attemptScoring: 'best' as const, manyAttempts: false };

describe('the chain in plain Vietnamese', () => {
  it('reads the published chain in order, each step after "nếu" the previous one is equal', () => {
    expect(chainSentence(['score', 'prediction', 'under-before-over', 'time-taken'])).toBe(
      'Xếp trên là người có điểm cao hơn; nếu bằng điểm, người dự đoán gần đúng hơn (chênh lệch với kết quả nhỏ hơn); ' +
        'nếu dự đoán chênh lệch như nhau, người dự đoán không vượt quá kết quả (dưới trước trên); ' +
        'nếu vẫn như nhau, người làm bài nhanh hơn (thời gian làm bài ngắn hơn). Bằng nhau ở mọi tiêu chí trên thì đồng hạng.',
    );
  });

  it('words every step, first and after another', () => {
    for (const s of TIE_BREAK_STEPS) {
      expect(chainSentence([s])).toBe(`Xếp trên là người ${STEP_WORDS[s].better}. Bằng nhau ở mọi tiêu chí trên thì đồng hạng.`);
      const other = s === 'score' ? 'submitted-at' : 'score';
      expect(chainSentence([other, s])).toContain(`nếu ${STEP_WORDS[other].equal}, người ${STEP_WORDS[s].better}.`);
    }
    expect(chainSentence(['since-open', 'submitted-at'])).toContain('nộp bài sớm hơn tính từ lúc mở vòng; nếu nộp cùng lúc, người nộp bài sớm hơn.');
    expect(chainSentence([])).toMatch(/đồng hạng/);
  });

  it('offers "under before over" only once the chain has the prediction step, and never twice', () => {
    expect(addableSteps(['score'], 'quiz')).toEqual(['prediction', 'time-taken', 'since-open', 'submitted-at']);
    expect(addableSteps(['score', 'prediction'], 'quiz')).toEqual(['under-before-over', 'time-taken', 'since-open', 'submitted-at']);
    expect(addableSteps(['score', 'prediction', 'under-before-over'], 'quiz')).not.toContain('under-before-over');
    expect(addableSteps(['score'], 'judged')).toEqual(['since-open', 'submitted-at']);
  });

  it('says what the live board ignores, when equal distances fall through, and which attempt counts', () => {
    const notes = chainNotes(['score', 'prediction', 'time-taken'], { ...quiz, manyAttempts: true });
    expect(notes.join(' ')).toMatch(/bảng xếp hạng trực tiếp bỏ qua tiêu chí dự đoán/);
    expect(notes.join(' ')).toMatch(/một dự đoán dưới và một dự đoán trên kết quả, được xét tiếp tiêu chí sau/);
    expect(notes.join(' ')).toMatch(/lượt tốt nhất/);
    expect(chainNotes(['score', 'prediction', 'under-before-over'], quiz).join(' ')).not.toMatch(/xét tiếp tiêu chí sau/);
    expect(chainNotes(['score', 'prediction'], { ...quiz, hasPrediction: false })).toEqual([
      'Vòng thi chưa có câu hỏi dự đoán nên tiêu chí dự đoán không có tác dụng.',
    ]);
    expect(chainNotes(['time-taken', 'score'], { ...quiz, hasPrediction: false })[0]).toMatch(/Tiêu chí điểm không đứng đầu/);
    expect(chainNotes(['score'], { ...quiz, manyAttempts: true, attemptScoring: 'last' })).toEqual([
      'Người thi nhiều lượt được tính bằng lượt nộp cuối cùng, dù lượt trước tốt hơn.',
    ]);
  });
});
