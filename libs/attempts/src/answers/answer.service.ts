import { Injectable } from '@nestjs/common';
import { type Actor } from '@lc/identity';
import { AppConfig, badRequest, conflict, notFound } from '@lc/platform';
import type { SavedAnswer } from '../attempt/attempt-answer.entity';
import { AttemptRecords } from '../attempt/attempt-records.service';
import { attemptClosed, deadlinePassed, roundClosed, tooManyRequests } from '../common/errors';
import { type AnswerKind, AttemptHotStore, type SaveResult } from '../hot/attempt-hot-store';
import { toNumber } from '../scoring/scoring';
import { OPAQUE_ID, SaveAnswerDto } from './answer.dto';

export interface SavedAnswerAck {
  questionId: string;
  seq: number;
  savedAt: string;
}

/** Who may change answers (the attempt's own resident; the store checks which one). */
export const RESIDENT = ['resident'] as const;

/** Answer changes per attempt per minute: generous for people, a wall for scripts. */
export const ANSWERS_PER_MINUTE = 300;

/**
 * The autosave hot path: one Redis script call (EVALSHA) decides and stores; PostgreSQL
 * receives the answer later, in a batch, from the worker.
 */
@Injectable()
export class AnswerService {
  constructor(
    private readonly hot: AttemptHotStore,
    private readonly records: AttemptRecords,
    private readonly config: AppConfig,
  ) {}

  async save(actor: Actor, attemptId: string, questionId: string, dto: SaveAnswerDto): Promise<SavedAnswerAck> {
    if (!OPAQUE_ID.test(questionId)) throw notFound('Question');
    const { kind, answer } = answerOf(dto);
    let r = await this.hot.save(attemptId, actor.id, questionId, kind, answer, dto.seq, this.config.answerGraceMs, ANSWERS_PER_MINUTE);
    if (r.r === 'missing') {
      // Redis lost the attempt (or it aged out): rebuild it from PostgreSQL once.
      const row = await this.records.hydrate(attemptId);
      if (!row || row.userId !== actor.id) throw notFound('Attempt');
      if (row.status !== 'in_progress') throw attemptClosed(row.status);
      r = await this.hot.save(attemptId, actor.id, questionId, kind, answer, dto.seq, this.config.answerGraceMs, ANSWERS_PER_MINUTE);
    }
    return ack(questionId, r);
  }
}

function answerOf(dto: SaveAnswerDto): { kind: AnswerKind; answer: SavedAnswer } {
  const hasOptions = dto.optionIds !== undefined;
  const hasValue = dto.value !== undefined;
  if (hasOptions && hasValue) throw badRequest('answer_invalid', 'Give either optionIds or value, not both');
  if (!hasOptions && !hasValue) throw badRequest('answer_invalid', 'Give optionIds (choice questions) or value (number or text); null or [] clears the answer');
  // optionIds: null clears, like [] (it passed validation as "optional" and then failed here with a 500).
  if (hasOptions) return dto.optionIds?.length ? { kind: 'o', answer: { optionIds: dto.optionIds } } : { kind: 'x', answer: { optionIds: [] } };
  const v = dto.value;
  if (v === null || (typeof v === 'string' && !v.trim())) return { kind: 'x', answer: { value: null } };
  if (typeof v === 'number') return { kind: 'n', answer: { value: v } };
  const text = v!.normalize('NFC');
  return { kind: toNumber(text) === null ? 's' : 'n', answer: { value: text } };
}

function ack(questionId: string, r: SaveResult): SavedAnswerAck {
  switch (r.r) {
    case 'ok':
      return { questionId, seq: r.seq, savedAt: new Date(r.now).toISOString() };
    case 'missing':
    case 'forbidden':
      throw notFound('Attempt');
    case 'closed':
      throw attemptClosed(r.status);
    case 'round_closed':
      throw roundClosed(r.closedAt, r.now);
    case 'deadline':
      throw deadlinePassed(r.deadlineAt, r.now);
    case 'rate':
      throw tooManyRequests(r.retryMs);
    case 'unknown_question':
      throw notFound('Question');
    case 'unknown_option':
      throw badRequest('unknown_option', "That option is not one of this question's options in this attempt", { optionId: r.optionId });
    case 'one_option':
      throw badRequest('one_option_only', 'This question takes exactly one option');
    case 'wrong_kind':
      throw badRequest(
        'wrong_answer_kind',
        r.type === 'numeric'
          ? 'This question takes a number'
          : ['single', 'multiple', 'true_false'].includes(r.type)
            ? 'This question takes optionIds'
            : 'This question takes a text value',
        { type: r.type },
      );
    case 'stale':
      throw conflict('stale_answer', 'A newer change of this answer was already saved', { seq: r.seq });
  }
}
