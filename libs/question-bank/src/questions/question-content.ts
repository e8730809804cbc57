import type { QuestionType } from '../pool/question-pool.types';

export interface OptionContent {
  /** Stable within the question across versions; what attempts and answer keys refer to. */
  id: string;
  text: string;
  correct: boolean;
}

export interface NumericAnswer {
  value: number;
  tolerance: number;
}

export interface ShortTextAnswer {
  accepted: string[];
  caseSensitive: boolean;
  diacriticsSensitive: boolean;
}

export type AnswerContent = NumericAnswer | ShortTextAnswer | null;

/** What one question version holds, validated and normalised. */
export interface QuestionContent {
  type: QuestionType;
  stem: string;
  options: OptionContent[];
  answer: AnswerContent;
  points: number;
  difficulty: number;
  /** Topic path, levels separated by "/". */
  topic: string | null;
  legalReference: string | null;
  explanation: string | null;
  /** Essay questions: what judges should look for. */
  rubric: string | null;
  tags: string[];
}

/** A question as the API or an import file gives it, before validation. */
export interface QuestionInput {
  type?: string;
  stem?: string;
  options?: { id?: string; text?: string; correct?: boolean }[] | null;
  answer?: { value?: number; tolerance?: number; accepted?: string[]; caseSensitive?: boolean; diacriticsSensitive?: boolean } | null;
  topic?: string | null;
  legalReference?: string | null;
  difficulty?: number | null;
  points?: number | null;
  explanation?: string | null;
  rubric?: string | null;
  tags?: string[] | null;
}

export const isNumericAnswer = (a: AnswerContent): a is NumericAnswer => a !== null && 'value' in a;
export const isShortTextAnswer = (a: AnswerContent): a is ShortTextAnswer => a !== null && 'accepted' in a;

/** The labels a true/false question always shows, true first. */
export const TRUE_FALSE_LABELS = ['Đúng', 'Sai'] as const;
