import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Actor } from '@lc/identity';

export interface TopicView {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  /** Current, non-archived questions filed directly under this topic. */
  questionCount: number;
}

@Injectable()
export class TopicsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The bank's topic tree, flat, in path order (a parent before its children). */
  async list(actor: Actor, bankId: string): Promise<TopicView[]> {
    await this.access.require(actor, 'questionBank', bankId, 'read');
    return this.db.query(
      `SELECT t.id, t.parent_id AS "parentId", t.name, t.path,
         (SELECT count(*)::int FROM question q JOIN question_version v ON v.id = q.current_version_id
           WHERE q.bank_id = t.bank_id AND q.archived_at IS NULL AND v.topic_id = t.id) AS "questionCount"
       FROM topic t WHERE t.bank_id = $1 ORDER BY t.path`,
      [bankId],
    );
  }
}
