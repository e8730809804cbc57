import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Actor } from '@lc/identity';
import { AuditService, badRequest, conflict, foldStem, notFound, Page } from '@lc/platform';
import { QuestionContent, QuestionInput } from './question-content';
import { CreateQuestionDto, DuplicateMode, ListQuestionsQuery, UpdateQuestionDto } from './question.dto';
import { filterSql } from './question-filter';
import { normaliseQuestion, sameContent } from './question-rules';
import {
  archiveQuestion,
  findDuplicates,
  insertQuestions,
  insertVersion,
  lockBank,
  questionPage,
  questionRow,
  QuestionRow,
  rowToContent,
  touchQuestion,
  updateVersionInPlace,
} from './question-store';
import { QuestionView, toQuestionView } from './question-view';

/** What a write answers: the question, and whether it made something new. */
export interface QuestionWriteResult extends QuestionView {
  /** create: false when an existing duplicate was returned (duplicates=skip). */
  created?: boolean;
  /** update: true when the edit made a new version (the old one is locked in a round). */
  newVersion?: boolean;
}

@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, bankId: string, dto: CreateQuestionDto, duplicates?: DuplicateMode): Promise<QuestionWriteResult> {
    const organisationId = await this.access.require(actor, 'questionBank', bankId, 'write');
    const content = validOrThrow(dto);
    return this.db.transaction(async (m) => {
      await lockBank(m, bankId);
      const existing = (await findDuplicates(m, bankId, [foldStem(content.stem)])).values().next().value;
      if (existing && duplicates !== 'keep') {
        if (duplicates === 'skip') return { ...(await this.load(m, bankId, existing)), created: false };
        throw conflict('duplicate_question', 'This bank already holds a question with the same text', { existingQuestionId: existing });
      }
      const [id] = await insertQuestions(m, bankId, actor.id, [content]);
      await this.audit.record(actor, { action: 'question.create', entityType: 'question', entityId: id, after: content, organisationId }, m);
      return { ...(await this.load(m, bankId, id)), created: true };
    });
  }

  async list(actor: Actor, bankId: string, query: ListQuestionsQuery): Promise<Page<QuestionView>> {
    await this.access.require(actor, 'questionBank', bankId, 'read');
    const params: unknown[] = [];
    const where = filterSql(
      {
        bankId,
        topic: query.topic,
        types: query.type ? [query.type] : undefined,
        difficulty: query.difficulty,
        q: query.q,
        tag: query.tag,
        archived: query.archived,
      },
      params,
    );
    const { rows, total } = await questionPage(this.db.manager, where, params, query.limit, query.offset);
    return { items: rows.map(toQuestionView), total };
  }

  async get(actor: Actor, bankId: string, questionId: string): Promise<QuestionView> {
    await this.access.require(actor, 'questionBank', bankId, 'read');
    return this.load(this.db.manager, bankId, questionId);
  }

  /**
   * Applies an edit. A version some round has frozen is never touched: the edit becomes a
   * new version and the question points at it; attempts keep the version they saw.
   */
  async update(actor: Actor, bankId: string, questionId: string, dto: UpdateQuestionDto, duplicates?: DuplicateMode): Promise<QuestionWriteResult> {
    const organisationId = await this.access.require(actor, 'questionBank', bankId, 'write');
    return this.db.transaction(async (m) => {
      await lockBank(m, bankId);
      const row = await this.row(m, bankId, questionId, true);
      const current = toQuestionView(row);
      if (current.archivedAt) throw conflict('question_archived', 'This question is archived; archived questions cannot be edited');
      const before = rowToContent(row);
      const content = validOrThrow(mergeEdit(before, dto));
      if (sameContent(before, content)) return { ...current, newVersion: false };
      if (foldStem(content.stem) !== foldStem(before.stem) && duplicates !== 'keep') {
        const other = (await findDuplicates(m, bankId, [foldStem(content.stem)], questionId)).values().next().value;
        if (other) throw conflict('duplicate_question', 'This bank already holds a question with the same text', { existingQuestionId: other });
      }
      const newVersion = current.locked;
      if (newVersion) await insertVersion(m, questionId, current.version + 1, actor.id, content, bankId);
      else await updateVersionInPlace(m, current.versionId, content, bankId);
      if (!newVersion) await touchQuestion(m, questionId);
      await this.audit.record(actor, { action: 'question.update', entityType: 'question', entityId: questionId, before, after: content, organisationId }, m);
      return { ...(await this.load(m, bankId, questionId)), newVersion };
    });
  }

  /** Archived questions leave lists, duplicate checks and new pools; frozen pools keep them. */
  async archive(actor: Actor, bankId: string, questionId: string): Promise<QuestionView> {
    const organisationId = await this.access.require(actor, 'questionBank', bankId, 'write');
    return this.db.transaction(async (m) => {
      await this.load(m, bankId, questionId, true);
      await archiveQuestion(m, questionId);
      await this.audit.record(actor, { action: 'question.archive', entityType: 'question', entityId: questionId, organisationId }, m);
      return this.load(m, bankId, questionId);
    });
  }

  private async row(m: EntityManager, bankId: string, questionId: string, forUpdate = false): Promise<QuestionRow> {
    const row = await questionRow(m, bankId, questionId, forUpdate);
    if (!row) throw notFound('Question');
    return row;
  }

  private async load(m: EntityManager, bankId: string, questionId: string, forUpdate = false): Promise<QuestionView> {
    return toQuestionView(await this.row(m, bankId, questionId, forUpdate));
  }
}

function validOrThrow(input: QuestionInput): QuestionContent {
  const r = normaliseQuestion(input);
  if (r.problems) throw badRequest('invalid_question', `Invalid question: ${r.problems.join('; ')}`, { problems: r.problems });
  return r.content;
}

/**
 * An edit on top of the current content. Changing the type starts the options and answer
 * afresh (a numeric question has no options to keep).
 */
export function mergeEdit(before: QuestionContent, dto: UpdateQuestionDto): QuestionInput {
  const typeChanged = dto.type !== undefined && dto.type !== before.type;
  const base: QuestionInput = { ...before, options: typeChanged ? [] : before.options, answer: typeChanged ? null : before.answer };
  const edit = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as QuestionInput;
  return { ...base, ...edit };
}
