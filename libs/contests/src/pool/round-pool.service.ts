import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { badRequest, DomainError } from '@lc/platform';
import { type PinnedQuestion, type PoolQuestion, QuestionPoolService, type SelectionRule } from '@lc/question-bank';
import { RoundQuestion } from './round-question.entity';
import { poolRows, roundSelection } from './round-pool-store';

/** One round's frozen pool: per selection rule, how many to draw and the candidates. */
export interface RoundPool {
  roundId: string;
  poolVersion: number;
  rules: { count: number; questions: PoolQuestion[] }[];
  /** Every candidate by version id, for scoring. */
  byVersion: Map<string, PoolQuestion>;
}

const CACHE_LIMIT = 500;

/**
 * Freezes a round's pool (through the question bank, which locks the versions) and serves
 * it to the hot path from memory: a frozen pool never changes under the same poolVersion.
 */
@Injectable()
export class RoundPoolService {
  private readonly cache = new Map<string, Promise<RoundPool>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionPoolService,
  ) {}

  /** Validates and freezes `selection`, replacing the round's pool. Returns the new poolVersion. */
  async freeze(
    m: EntityManager,
    round: { id: string; seq: number; title: string; poolVersion: number },
    organisationId: string,
    selection: SelectionRule[],
  ): Promise<number> {
    let frozen;
    try {
      frozen = await this.questions.freeze(organisationId, selection);
    } catch (e) {
      if (e instanceof DomainError) {
        throw new DomainError(e.code, e.status, `Round ${round.seq} ("${round.title}"): ${e.message}`, {
          round: round.seq,
          roundId: round.id,
          cause: e.details ?? null,
        });
      }
      throw e;
    }
    const rules = frozen.map((f, i) => ({ count: selection[i]?.count ?? f.rule.count, questions: f.questions }));
    const shortfall = poolShortfall(rules);
    if (shortfall) {
      throw badRequest('pool_too_small', `Round ${round.seq} ("${round.title}"): ${shortfall}`, { round: round.seq, roundId: round.id });
    }
    await m.delete(RoundQuestion, { roundId: round.id });
    const rows = new Map<string, Partial<RoundQuestion>>();
    frozen.forEach((f, ruleIndex) => {
      for (const q of f.questions)
        rows.set(`${ruleIndex}:${q.versionId}`, { roundId: round.id, ruleIndex, questionVersionId: q.versionId, questionId: q.questionId, content: q });
    });
    const all = [...rows.values()];
    for (let i = 0; i < all.length; i += 500) await m.insert(RoundQuestion, all.slice(i, i + 500) as QueryDeepPartialEntity<RoundQuestion>[]);
    return round.poolVersion + 1;
  }

  /** Questions named by id (a live round's questionIds), checked against the organisation's banks by the question bank. */
  pinned(organisationId: string, questionIds: string[]): Promise<PinnedQuestion[]> {
    return this.questions.pinned(organisationId, questionIds);
  }

  /** The pool as of `poolVersion`, from memory after the first call. */
  load(roundId: string, poolVersion: number): Promise<RoundPool> {
    const key = `${roundId}:${poolVersion}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.read(roundId, poolVersion);
      hit.catch(() => this.cache.delete(key));
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private async read(roundId: string, poolVersion: number): Promise<RoundPool> {
    const rows = await poolRows(this.db, roundId);
    const selection = await roundSelection(this.db, roundId);
    const rules = selection.map((r) => ({ count: r.count, questions: [] as PoolQuestion[] }));
    const byVersion = new Map<string, PoolQuestion>();
    for (const r of rows) {
      rules[r.rule_index]?.questions.push(r.content);
      byVersion.set(r.content.versionId, r.content);
    }
    return { roundId, poolVersion, rules, byVersion };
  }
}

/**
 * Rules may overlap (a question matching two rules is drawn at most once), so besides each
 * rule holding enough candidates the rules together must hold enough distinct questions.
 */
export function poolShortfall(rules: { count: number; questions: { questionId: string }[] }[]): string | null {
  for (const [i, r] of rules.entries()) {
    if (r.questions.length < r.count) return `selection rule ${i + 1} needs ${r.count} questions but only ${r.questions.length} match`;
  }
  const distinct = new Set(rules.flatMap((r) => r.questions.map((q) => q.questionId))).size;
  const total = rules.reduce((n, r) => n + r.count, 0);
  if (distinct < total) return `the selection rules draw ${total} questions but only ${distinct} distinct questions match them`;
  return null;
}
