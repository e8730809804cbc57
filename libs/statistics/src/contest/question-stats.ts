import { type DrawnQuestion, scoreQuestion, type SavedAnswer } from '@lc/attempts';
import type { PoolQuestion, QuestionType } from '@lc/question-bank';
import { percent } from '../common/histogram';

/**
 * One group from SQL: how many entries of a round gave one particular answer to one
 * question version. Choice answers are the bank's option ids (sorted), other answers the
 * raw value; null when the question was left unanswered.
 */
export interface AnswerGroup {
  roundId: string;
  versionId: string;
  answer: string[] | string | number | null;
  count: number;
  /** Sum and number of the per-answer times measured for this group (ms). */
  timeSumMs: number;
  timeCount: number;
}

export type QuestionFlag = 'too_hard' | 'too_easy' | 'key_suspect';

export interface QuestionThresholds {
  /** Below this share of correct answers (percent) a question is flagged too hard. */
  lowCorrectPercent: number;
  /** Above this share it is flagged too easy. */
  highCorrectPercent: number;
  /** Fewer draws than this say nothing either way. */
  minDrawn: number;
}

export const DEFAULT_THRESHOLDS: QuestionThresholds = { lowCorrectPercent: 20, highCorrectPercent: 95, minDrawn: 10 };

export interface ChoiceCount {
  optionId: string;
  text: string;
  correct: boolean;
  /** Entries that chose this option. */
  count: number;
}

export interface QuestionStat {
  roundId: string;
  questionId: string;
  versionId: string;
  type: QuestionType;
  stem: string;
  /** Entries that were given this question. */
  drawn: number;
  answered: number;
  correct: number;
  /** correct / drawn in percent (one decimal); null for essays. */
  correctPercent: number | null;
  /** Mean time spent on the question (ms), measured between the answers' receive times. */
  averageTimeMs: number | null;
  /** Choice questions: how often each option was picked. */
  choices: ChoiceCount[] | null;
  flags: QuestionFlag[];
}

const CHOICE: QuestionType[] = ['single', 'multiple', 'true_false'];

/**
 * Per question version and round: draws, answers, correct answers and time, from the
 * grouped answers. Correctness is decided by the same scoring function submissions use,
 * once per distinct answer rather than once per entry.
 */
export function questionStats(groups: AnswerGroup[], versions: Map<string, PoolQuestion>, t: QuestionThresholds = DEFAULT_THRESHOLDS): QuestionStat[] {
  const stats = new Map<string, QuestionStat & { timeSum: number; timeN: number }>();
  for (const g of groups) {
    const q = versions.get(g.versionId);
    if (!q) continue;
    const id = `${g.roundId}:${g.versionId}`;
    let s = stats.get(id);
    if (!s) {
      s = {
        roundId: g.roundId,
        questionId: q.questionId,
        versionId: q.versionId,
        type: q.type,
        stem: q.stem,
        drawn: 0,
        answered: 0,
        correct: 0,
        correctPercent: null,
        averageTimeMs: null,
        choices: CHOICE.includes(q.type) ? q.options.map((o) => ({ optionId: o.id, text: o.text, correct: o.correct, count: 0 })) : null,
        flags: [],
        timeSum: 0,
        timeN: 0,
      };
      stats.set(id, s);
    }
    const verdict = judge(q, g.answer);
    s.drawn += g.count;
    if (verdict.answered) s.answered += g.count;
    if (verdict.correct) s.correct += g.count;
    s.timeSum += g.timeSumMs;
    s.timeN += g.timeCount;
    if (s.choices && Array.isArray(g.answer)) {
      for (const ref of g.answer) {
        const c = s.choices.find((x) => x.optionId === ref);
        if (c) c.count += g.count;
      }
    }
  }
  return [...stats.values()].map(({ timeSum, timeN, ...s }) => {
    const out: QuestionStat = {
      ...s,
      correctPercent: q(s.type) ? percent(s.correct, s.drawn) : null,
      averageTimeMs: timeN > 0 ? Math.round(timeSum / timeN) : null,
    };
    out.flags = flagsOf(out, t);
    return out;
  });
}

const q = (type: QuestionType) => type !== 'essay';

function judge(q: PoolQuestion, answer: AnswerGroup['answer']): { answered: boolean; correct: boolean } {
  if (answer === null) return { answered: false, correct: false };
  // Bank option ids stand in for the opaque ids: the draw maps each to itself.
  const draw: DrawnQuestion = {
    key: 'k',
    versionId: q.versionId,
    ruleIndex: 0,
    type: q.type,
    points: q.points,
    options: q.options.map((o) => ({ id: o.id, ref: o.id })),
  };
  const saved: SavedAnswer = Array.isArray(answer) ? { optionIds: answer } : { value: answer };
  const r = scoreQuestion(draw, saved, q, { partialCredit: false });
  return { answered: r.answered, correct: r.correct === true };
}

/** Why a question deserves a second look: almost nobody or almost everybody gets it, or a wrong option beats the key. */
export function flagsOf(s: Pick<QuestionStat, 'type' | 'drawn' | 'correctPercent' | 'choices'>, t: QuestionThresholds): QuestionFlag[] {
  if (s.drawn < t.minDrawn || s.correctPercent === null) return [];
  const flags: QuestionFlag[] = [];
  if (s.correctPercent < t.lowCorrectPercent) flags.push('too_hard');
  if (s.correctPercent > t.highCorrectPercent) flags.push('too_easy');
  if (s.type !== 'multiple' && s.choices?.length) {
    const bestRight = Math.max(0, ...s.choices.filter((c) => c.correct).map((c) => c.count));
    const bestWrong = Math.max(0, ...s.choices.filter((c) => !c.correct).map((c) => c.count));
    if (bestWrong > bestRight) flags.push('key_suspect');
  }
  return flags;
}
