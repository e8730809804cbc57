import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { badRequest, DomainError, notFound } from '@lc/platform';
import { filterSql } from '../questions/question-filter';
import { bankHasTopic, bankOrganisation, lockMatching, questionsOfOrganisation, type VersionRow, versionsById, versionsInBankOrder } from './pool-store';
import { FrozenPool, type PinnedQuestion, PoolQuestion, QUESTION_TYPES, SelectionRule } from './question-pool.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The seam between question banks and rounds. */
@Injectable()
export class QuestionPoolService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Validates the rules against what the organisation's banks hold (404 for a bank that is
   * not the organisation's, 400 naming the rule when it matches too few questions), locks
   * every candidate version so it never changes, and returns them per rule, in bank order.
   * One transaction: either every rule is frozen or none.
   */
  async freeze(organisationId: string, rules: SelectionRule[]): Promise<FrozenPool> {
    if (!rules.length) throw badRequest('selection_empty', 'A round needs at least one selection rule');
    return this.db.transaction(async (m) => {
      const pool: FrozenPool = [];
      for (const [i, rule] of rules.entries()) pool.push({ rule, questions: await this.freezeRule(m, organisationId, rule, i) });
      return pool;
    });
  }

  /**
   * The questions named by id, in the order asked, each with its bank and current type, so a
   * round can pin them (rules with `questionId`; `freeze` then locks their current versions).
   * An id that is not a live question of the organisation's banks is refused with the others
   * like it (404 `questions_not_found`, details.questionIds): whether it exists elsewhere is not said.
   */
  async pinned(organisationId: string, questionIds: string[]): Promise<PinnedQuestion[]> {
    const valid = [...new Set(questionIds.filter((id) => UUID.test(id)))];
    const rows = valid.length ? await questionsOfOrganisation(this.db.manager, organisationId, valid) : [];
    const byId = new Map(rows.map((r) => [r.question_id, r]));
    const missing = questionIds.filter((id) => !byId.has(id.toLowerCase()));
    if (missing.length)
      throw new DomainError('questions_not_found', 404, `No question of the organisation's banks has these ids: ${missing.join(', ')}`, {
        questionIds: missing,
      });
    return questionIds.map((id) => {
      const r = byId.get(id.toLowerCase())!;
      return { questionId: r.question_id, bankId: r.bank_id, type: r.type };
    });
  }

  /** The versions by id, in the order asked (ids that do not exist are left out). */
  async versions(versionIds: string[]): Promise<PoolQuestion[]> {
    const ids = [...new Set(versionIds.filter((id) => UUID.test(id)))];
    if (!ids.length) return [];
    const rows = await versionsById(this.db.manager, ids);
    const byId = new Map(rows.map((r) => [r.version_id, toPoolQuestion(r)]));
    return versionIds.map((id) => byId.get(id)).filter((q): q is PoolQuestion => !!q);
  }

  private async freezeRule(m: EntityManager, organisationId: string, rule: SelectionRule, i: number): Promise<PoolQuestion[]> {
    const name = `selection[${i}]`;
    if (!Number.isInteger(rule.count) || rule.count < 1)
      throw badRequest('selection_invalid', `${name}: count must be a whole number of at least 1`, { rule: i });
    if (rule.difficulty !== undefined && ![1, 2, 3].includes(rule.difficulty))
      throw badRequest('selection_invalid', `${name}: difficulty must be 1, 2 or 3`, { rule: i });
    const badType = rule.types?.find((t) => !QUESTION_TYPES.includes(t));
    if (badType) throw badRequest('selection_invalid', `${name}: unknown question type "${badType}"`, { rule: i });
    const owner = UUID.test(rule.bankId) ? await bankOrganisation(m, rule.bankId) : undefined;
    if (owner !== organisationId) throw notFound('Question bank', { rule: i, bankId: rule.bankId });
    if (rule.topic) {
      if (!(await bankHasTopic(m, rule.bankId, rule.topic)))
        throw badRequest('selection_topic_unknown', `${name}: the bank has no topic "${rule.topic}"`, { rule: i, topic: rule.topic });
    }

    const params: unknown[] = [];
    const where = filterSql({ bankId: rule.bankId, topic: rule.topic, difficulty: rule.difficulty, types: rule.types, questionId: rule.questionId }, params);
    const locked = await lockMatching(m, where, params);
    if (locked.length < rule.count) {
      throw badRequest('selection_too_few', `${name}: needs ${rule.count} questions but the bank holds ${locked.length} that match`, {
        rule: i,
        needed: rule.count,
        available: locked.length,
      });
    }
    return (await versionsInBankOrder(m, locked)).map(toPoolQuestion);
  }
}

function toPoolQuestion(r: VersionRow): PoolQuestion {
  return {
    versionId: r.version_id,
    questionId: r.question_id,
    type: r.type,
    stem: r.stem,
    options: r.options,
    answer: r.answer,
    points: Number(r.points),
    difficulty: r.difficulty,
    topic: r.topic,
    explanation: r.explanation,
    legalReference: r.legal_reference,
    rubric: r.rubric,
  };
}
