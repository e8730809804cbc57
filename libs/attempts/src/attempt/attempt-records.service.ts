import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttemptHotStore, type HotAttempt, type StoredAnswer } from '../hot/attempt-hot-store';
import { AttemptAnswer } from './attempt-answer.entity';
import { Attempt } from './attempt.entity';

/** PostgreSQL side of attempts, and rebuilding the Redis side from it. */
@Injectable()
export class AttemptRecords {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hot: AttemptHotStore,
  ) {}

  find(id: string): Promise<Attempt | null> {
    return this.db.getRepository(Attempt).findOneBy({ id });
  }

  async answers(attemptId: string): Promise<Map<string, StoredAnswer>> {
    const rows = await this.db.getRepository(AttemptAnswer).findBy({ attemptId });
    return new Map(rows.map((r) => [r.questionKey, { answer: r.value, seq: r.seq, rev: r.rev, receivedAt: r.receivedAt.getTime() }]));
  }

  /**
   * Puts an in-progress attempt back into Redis from PostgreSQL (after Redis lost it, or its
   * hot state aged out). Answers written behind are restored; the rest were never acknowledged
   * more than a second before the loss. Returns the row either way.
   */
  async hydrate(id: string): Promise<Attempt | null> {
    const a = await this.find(id);
    if (!a || a.status !== 'in_progress') return a;
    await this.hot.init(hotOf(a), await this.answers(id));
    return a;
  }
}

export function hotOf(a: Attempt): HotAttempt {
  return {
    id: a.id,
    userId: a.userId,
    roundId: a.roundId,
    contestId: a.contestId,
    attemptNo: a.attemptNo,
    poolVersion: a.poolVersion,
    status: a.status,
    startedAt: a.startedAt.getTime(),
    deadlineAt: a.deadlineAt.getTime(),
    draw: a.questions,
  };
}
