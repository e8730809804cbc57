import type { QuestionType } from '../pool/question-pool.types';
import { escapeLike, foldStem } from '../../../platform/src/text/fold';
import { underTopicSql } from '../topics/topic-store';

export interface QuestionFilter {
  bankId: string;
  /** Topic id or path; subtopics included. */
  topic?: string;
  types?: QuestionType[];
  difficulty?: number;
  /** Text search, case- and diacritics-insensitive. */
  q?: string;
  tag?: string;
  archived?: boolean;
  /** One question only (a pinned selection rule). */
  questionId?: string;
}

/** WHERE conditions over aliases q, v, t for a filter; appends its parameters to `params`. */
export function filterSql(f: QuestionFilter, params: unknown[]): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`q.bank_id = ${p(f.bankId)}`, f.archived ? 'q.archived_at IS NOT NULL' : 'q.archived_at IS NULL'];
  if (f.questionId) where.push(`q.id = ${p(f.questionId)}`);
  if (f.topic) where.push(underTopicSql(p(f.topic), 'q.bank_id'));
  if (f.types?.length) where.push(`v.type = ANY(${p(f.types)}::varchar[])`);
  if (f.difficulty) where.push(`v.difficulty = ${p(f.difficulty)}`);
  if (f.tag) where.push(`${p(f.tag)} = ANY(v.tags)`);
  const text = f.q ? foldStem(f.q) : '';
  if (text) where.push(`v.stem_folded LIKE ${p(`%${escapeLike(text)}%`)}`);
  return where.join(' AND ');
}
