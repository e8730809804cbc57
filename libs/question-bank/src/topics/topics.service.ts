import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Actor } from '@lc/identity';
import { AuditService, badRequest, conflict, isUniqueViolation, notFound } from '@lc/platform';
import { lockBank } from '../questions/question-store';
import { childPath, relocate, topicName } from './topic-rules';
import {
  deleteTopic,
  findTopic,
  insertTopic,
  listTopics,
  movePaths,
  renameTopic,
  subtreePaths,
  takenPath,
  topicUse,
  topicView,
  type TopicRow,
  type TopicView,
} from './topic-store';

export type { TopicView };

/**
 * A bank's topic tree. Writes hold the bank's lock (as imports do, which create topics by
 * path) so a move and an import never see each other half done; a rename or move rewrites
 * the path of the topic and of everything under it in one statement.
 */
@Injectable()
export class TopicsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The bank's topic tree, flat, in path order (a parent before its children). */
  async list(actor: Actor, bankId: string): Promise<TopicView[]> {
    await this.access.require(actor, 'questionBank', bankId, 'read');
    return listTopics(this.db.manager, bankId);
  }

  async create(actor: Actor, bankId: string, dto: { name: string; parentId?: string | null }): Promise<TopicView> {
    const organisationId = await this.access.require(actor, 'questionBank', bankId, 'write');
    const name = this.nameOf(dto.name);
    const id = await this.db.transaction(async (m) => {
      await lockBank(m, bankId);
      const parent = dto.parentId ? await this.find(m, bankId, dto.parentId, 'parentId') : null;
      const path = childPath(parent?.path ?? null, name);
      if (path.problem !== undefined) throw badRequest('invalid_topic', path.problem);
      if (path.path.split('/').length > 10) throw badRequest('invalid_topic', 'topics nest at most 10 levels deep');
      const id = await insertTopic(m, bankId, parent?.id ?? null, name, path.path);
      if (!id) throw conflict('topic_exists', `The bank already has the topic "${path.path}"`, { path: path.path });
      await this.audit.record(actor, { action: 'topic.create', entityType: 'topic', entityId: id, after: { bankId, path: path.path }, organisationId }, m);
      return id;
    });
    return this.view(bankId, id);
  }

  /** Renames and/or moves a topic (parentId null: to the top level), its subtopics with it. */
  async update(actor: Actor, bankId: string, topicId: string, dto: { name?: string; parentId?: string | null }): Promise<TopicView> {
    const organisationId = await this.access.require(actor, 'questionBank', bankId, 'write');
    if (dto.name === undefined && dto.parentId === undefined) throw badRequest('nothing_to_change', 'Give a new name or a new parentId');
    await this.db.transaction(async (m) => {
      await lockBank(m, bankId);
      const topic = await this.find(m, bankId, topicId, 'topicId');
      const parent =
        dto.parentId === undefined
          ? topic.parent_id
            ? await this.find(m, bankId, topic.parent_id, 'parentId')
            : null
          : dto.parentId === null
            ? null
            : await this.find(m, bankId, dto.parentId, 'parentId');
      const name = dto.name === undefined ? topic.name : this.nameOf(dto.name);
      const r = relocate(topic.path, await subtreePaths(m, bankId, topic.path), { parentPath: parent?.path ?? null, name });
      if (r.problem !== undefined) throw badRequest(r.problem.includes('under itself') ? 'topic_cycle' : 'invalid_topic', r.problem);
      const target = r.moves.get(topic.path)!;
      if (target === topic.path) return;
      const taken = await takenPath(m, bankId, [...r.moves.values()], [...r.moves.keys()]);
      if (taken) throw conflict('topic_exists', `The bank already has the topic "${taken}"`, { path: taken });
      await movePaths(m, bankId, topic.path, target).catch((e: unknown) => {
        // A subtopic landing on a sibling's old path mid-statement: refused like any taken path.
        if (isUniqueViolation(e)) throw conflict('topic_exists', `The bank already has a topic under "${target}" with that path`, { path: target });
        throw e;
      });
      await renameTopic(m, topic.id, name, parent?.id ?? null);
      await this.audit.record(
        actor,
        {
          action: 'topic.update',
          entityType: 'topic',
          entityId: topic.id,
          before: { path: topic.path },
          after: { path: target, moved: r.moves.size },
          organisationId,
        },
        m,
      );
    });
    return this.view(bankId, topicId);
  }

  /**
   * Deletes an empty topic. Not empty — subtopics, questions, or earlier versions of
   * questions (kept as past rounds used them, and never changed) filed under it — is a 409
   * saying which, with the counts.
   */
  async remove(actor: Actor, bankId: string, topicId: string): Promise<void> {
    const organisationId = await this.access.require(actor, 'questionBank', bankId, 'write');
    await this.db.transaction(async (m) => {
      await lockBank(m, bankId);
      const topic = await this.find(m, bankId, topicId, 'topicId');
      const use = await topicUse(m, topic.id);
      if (use.subtopics || use.questions) {
        throw conflict(
          'topic_not_empty',
          `The topic "${topic.path}" still holds ${use.questions} question(s) and ${use.subtopics} subtopic(s); move or delete them first`,
          { questions: use.questions, subtopics: use.subtopics },
        );
      }
      if (use.versions) {
        throw conflict(
          'topic_in_use',
          `Earlier or archived versions of ${use.versions} question(s) are filed under "${topic.path}" and are kept unchanged; rename the topic instead`,
          { versions: use.versions },
        );
      }
      await deleteTopic(m, topic.id);
      await this.audit.record(
        actor,
        { action: 'topic.delete', entityType: 'topic', entityId: topic.id, before: { bankId, path: topic.path }, organisationId },
        m,
      );
    });
  }

  private nameOf(raw: string): string {
    const n = topicName(raw);
    if (n.problem !== undefined) throw badRequest('invalid_topic', n.problem);
    return n.name;
  }

  /** A topic of this bank; another bank's topic is as missing as a made-up id. */
  private async find(m: EntityManager, bankId: string, id: string, field: string): Promise<TopicRow> {
    const row = await findTopic(m, bankId, id);
    if (!row) throw field === 'parentId' ? badRequest('parent_not_found', 'The parent topic is not a topic of this bank', { parentId: id }) : notFound('Topic');
    return row;
  }

  private async view(bankId: string, id: string): Promise<TopicView> {
    return (await topicView(this.db.manager, bankId, id))!;
  }
}
