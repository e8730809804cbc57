/** One selection rule of a round: draw `count` questions from a bank, optionally filtered. */
export interface SelectionRule {
  bankId: string;
  topic?: string;
  difficulty?: number;
  types?: QuestionType[];
  count: number;
  /** A pinned question (a live round's `questionIds`): the rule draws exactly this question of `bankId`, count 1. */
  questionId?: string;
}

/** A question named by id, as the organisation's banks hold it (for rules that pin questions). */
export interface PinnedQuestion {
  questionId: string;
  bankId: string;
  type: QuestionType;
}

export const QUESTION_TYPES = ['single', 'multiple', 'true_false', 'numeric', 'short_text', 'essay'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface PoolOption {
  id: string;
  text: string;
  correct: boolean;
}

/** A frozen, immutable question version as attempts draw and score it. */
export interface PoolQuestion {
  versionId: string;
  questionId: string;
  type: QuestionType;
  stem: string;
  options: PoolOption[];
  /** numeric: { value, tolerance }; short_text: { accepted, caseSensitive?, diacriticsSensitive? }; else null */
  answer: { value: number; tolerance?: number } | { accepted: string[]; caseSensitive?: boolean; diacriticsSensitive?: boolean } | null;
  points: number;
  difficulty: number;
  topic: string | null;
  explanation: string | null;
  legalReference: string | null;
  /** Essay questions: guidance for judges. */
  rubric?: string | null;
}

/** The candidates for each selection rule, in rule order. */
export type FrozenPool = { rule: SelectionRule; questions: PoolQuestion[] }[];
