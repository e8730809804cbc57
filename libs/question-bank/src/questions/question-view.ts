import type { QuestionType } from '../pool/question-pool.types';
import type { AnswerContent, OptionContent } from './question-content';
import { QuestionRow } from './question-store';

/** A question as staff see it: its current version, with the answer key. */
export interface QuestionView {
  id: string;
  bankId: string;
  versionId: string;
  /** 1 for the original; an edit of a locked version adds one. */
  version: number;
  /** A round's pool holds this version: the next edit makes a new version. */
  locked: boolean;
  type: QuestionType;
  stem: string;
  options: OptionContent[];
  answer: AnswerContent;
  points: number;
  difficulty: number;
  topic: string | null;
  topicId: string | null;
  legalReference: string | null;
  explanation: string | null;
  rubric: string | null;
  tags: string[];
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toQuestionView(r: QuestionRow): QuestionView {
  return {
    id: r.id,
    bankId: r.bank_id,
    versionId: r.version_id,
    version: r.version_no,
    locked: r.locked_at !== null,
    type: r.type,
    stem: r.stem,
    options: r.options,
    answer: r.answer,
    points: Number(r.points),
    difficulty: r.difficulty,
    topic: r.topic,
    topicId: r.topic_id,
    legalReference: r.legal_reference,
    explanation: r.explanation,
    rubric: r.rubric,
    tags: r.tags,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
