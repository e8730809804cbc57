import { JUDGED_STEPS, TIE_BREAK_STEPS, type AttemptScoring, type TieBreakStep } from '../../shared/api/rules-types';

/**
 * The tie-break steps in plain Vietnamese: the one place the web app names them. The
 * server's explanation of a rank (libs/judging/src/ranking/explain.ts) words them the same
 * way, but only inside its sentences, and the API does not send step names.
 */
interface StepWords {
  /** The step as a list item. */
  label: string;
  /** Who goes first by this step: "người …". */
  better: string;
  /** Two people equal on this step: "nếu …". */
  equal: string;
}

export const STEP_WORDS: Record<TieBreakStep, StepWords> = {
  score: { label: 'Điểm cao hơn', better: 'có điểm cao hơn', equal: 'bằng điểm' },
  prediction: { label: 'Dự đoán gần đúng hơn', better: 'dự đoán gần đúng hơn (chênh lệch với kết quả nhỏ hơn)', equal: 'dự đoán chênh lệch như nhau' },
  'under-before-over': {
    label: 'Dưới trước trên (cùng chênh lệch, dự đoán không vượt quá kết quả xếp trước)',
    better: 'dự đoán không vượt quá kết quả (dưới trước trên)',
    equal: 'vẫn như nhau',
  },
  'time-taken': { label: 'Thời gian làm bài ngắn hơn', better: 'làm bài nhanh hơn (thời gian làm bài ngắn hơn)', equal: 'cùng thời gian làm bài' },
  'since-open': { label: 'Nộp bài sớm hơn, tính từ lúc mở vòng', better: 'nộp bài sớm hơn tính từ lúc mở vòng', equal: 'nộp cùng lúc' },
  'submitted-at': { label: 'Nộp bài sớm hơn', better: 'nộp bài sớm hơn', equal: 'nộp cùng lúc' },
};

export const ATTEMPT_SCORING_LABEL: Record<AttemptScoring, string> = {
  best: 'Lượt tốt nhất',
  last: 'Lượt nộp cuối cùng',
};

export interface ChainContext {
  kind: 'quiz' | 'judged';
  /** The round has a prediction question. */
  hasPrediction: boolean;
  attemptScoring: AttemptScoring;
  /** Residents may enter more than once. */
  manyAttempts: boolean;
}

/** The steps a round of this kind may use: judged entries have no prediction and no time taken. */
export function allowedSteps(kind: ChainContext['kind']): TieBreakStep[] {
  return kind === 'judged' ? [...JUDGED_STEPS] : [...TIE_BREAK_STEPS];
}

/**
 * Steps the organiser may still add. "Dưới trước trên" is offered only once the chain has
 * the prediction step, since it only separates equal prediction distances.
 */
export function addableSteps(chain: readonly TieBreakStep[], kind: ChainContext['kind']): TieBreakStep[] {
  return allowedSteps(kind).filter((s) => !chain.includes(s) && (s !== 'under-before-over' || chain.includes('prediction')));
}

/** "Xếp trên là người có điểm cao hơn; nếu bằng điểm, người …; …. Bằng nhau ở mọi tiêu chí thì đồng hạng." */
export function chainSentence(chain: readonly TieBreakStep[]): string {
  if (!chain.length) return 'Chưa có tiêu chí xếp hạng nào: mọi người sẽ đồng hạng.';
  const parts = chain.map((s, i) =>
    i === 0 ? `Xếp trên là người ${STEP_WORDS[s].better}` : `nếu ${STEP_WORDS[chain[i - 1]].equal}, người ${STEP_WORDS[s].better}`,
  );
  return `${parts.join('; ')}. Bằng nhau ở mọi tiêu chí trên thì đồng hạng.`;
}

/** What else the organiser should know about this chain, one sentence each. */
export function chainNotes(chain: readonly TieBreakStep[], ctx: ChainContext): string[] {
  const notes: string[] = [];
  if (chain.length && chain[0] !== 'score') notes.push('Tiêu chí điểm không đứng đầu: người điểm thấp hơn có thể xếp trên người điểm cao hơn.');
  const prediction = chain.includes('prediction');
  if (prediction && ctx.kind === 'quiz' && !ctx.hasPrediction) notes.push('Vòng thi chưa có câu hỏi dự đoán nên tiêu chí dự đoán không có tác dụng.');
  if (prediction && ctx.hasPrediction)
    notes.push('Kết quả của câu dự đoán chỉ biết khi vòng đóng: bảng xếp hạng trực tiếp bỏ qua tiêu chí dự đoán, kết quả chính thức áp dụng đủ các tiêu chí.');
  if (prediction && ctx.hasPrediction && !chain.includes('under-before-over'))
    notes.push(
      'Hai người cùng chênh lệch, một dự đoán dưới và một dự đoán trên kết quả, được xét tiếp tiêu chí sau. Thêm “Dưới trước trên” nếu muốn xếp người dự đoán không vượt quá kết quả lên trước.',
    );
  if (ctx.manyAttempts)
    notes.push(
      ctx.attemptScoring === 'best'
        ? 'Người thi nhiều lượt được tính bằng lượt tốt nhất theo chính các tiêu chí này.'
        : 'Người thi nhiều lượt được tính bằng lượt nộp cuối cùng, dù lượt trước tốt hơn.',
    );
  return notes;
}
