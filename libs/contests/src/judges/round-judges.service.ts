import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService, User } from '@lc/identity';
import { AuditService, badRequest, conflict, forbidden, notFound } from '@lc/platform';
import * as store from './round-judge-store';

export interface RoundJudgeView {
  roundId: string;
  userId: string;
  fullName: string;
  email: string | null;
  recusedAt: string | null;
  createdAt: string;
}

@Injectable()
export class RoundJudgesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** Assigns a judge of the round's own organisation; assigning again (even after recusal) re-activates. */
  async assign(actor: Actor, roundId: string, userId: string): Promise<RoundJudgeView> {
    const organisationId = await this.access.require(actor, 'round', roundId, 'write');
    const user = await this.db.getRepository(User).findOneBy({ id: userId });
    // Field-shaped details, so the form marks the judge picker.
    if (!user || user.deletedAt || user.role !== 'judge' || user.organisationId !== organisationId) {
      throw badRequest('not_a_judge', 'That user is not a judge of this organisation', [{ field: 'userId', problems: ['not a judge of this organisation'] }]);
    }
    if (user.deactivatedAt)
      throw badRequest('judge_deactivated', "That judge's account is deactivated", [{ field: 'userId', problems: ['account deactivated'] }]);
    await this.db.transaction(async (m) => {
      await store.upsertJudge(m, roundId, userId);
      await this.audit.record(actor, { action: 'round.judge.assign', entityType: 'round', entityId: roundId, after: { userId }, organisationId }, m);
    });
    return (await this.rows(roundId, userId))[0];
  }

  /**
   * A judge with a conflict of interest steps down from the round: from then on their marks
   * no longer count and they no longer see its entries (audited, with the reason). Being
   * assigned again re-activates them.
   */
  async recuse(actor: Actor, roundId: string, reason: string): Promise<RoundJudgeView> {
    // Tenancy only: the judge's own assignment row below decides (a recused judge gets 409, not 403).
    const organisationId = await this.access.ownerOf('round', roundId);
    if (!organisationId || (actor.role !== 'admin' && actor.organisationId !== organisationId)) throw this.access.deny('round');
    const recused = await this.db.transaction(async (m) => {
      const row = await store.lockAssignment(m, roundId, actor.id);
      if (!row) throw forbidden('You are not a judge of this round');
      if (row.recused_at) return false;
      await store.markRecused(m, roundId, actor.id);
      await this.audit.record(
        actor,
        {
          action: 'round.judge.recuse',
          entityType: 'round',
          entityId: roundId,
          before: { userId: actor.id, recusedAt: null },
          after: { userId: actor.id },
          reason,
          organisationId,
        },
        m,
      );
      return true;
    });
    if (!recused) throw conflict('already_recused', 'You have already recused yourself from this round');
    return (await this.rows(roundId, actor.id))[0];
  }

  /**
   * Takes a judge off the round. A judge who has already marked entries is refused: dropping
   * the row would silently drop their marks from the results; recusal (audited, with a
   * reason) is the way out for them.
   */
  async remove(actor: Actor, roundId: string, userId: string): Promise<void> {
    const organisationId = await this.access.require(actor, 'round', roundId, 'write');
    await this.db.transaction(async (m) => {
      const row = await store.lockAssignment(m, roundId, userId);
      if (!row) throw notFound('Judge of this round');
      if (await store.hasMarked(m, roundId, userId))
        throw conflict('judge_has_marks', 'This judge has already marked entries of the round; they can recuse themselves instead');
      await store.deleteJudge(m, roundId, userId);
      await this.audit.record(
        actor,
        { action: 'round.judge.remove', entityType: 'round', entityId: roundId, before: { userId, recusedAt: row.recused_at }, organisationId },
        m,
      );
    });
  }

  async list(actor: Actor, roundId: string): Promise<RoundJudgeView[]> {
    await this.access.require(actor, 'round', roundId, 'read');
    return this.rows(roundId);
  }

  /** Whether this user judges the round (and has not recused themselves). */
  async isJudge(roundId: string, userId: string): Promise<boolean> {
    return store.isActiveJudge(this.db, roundId, userId);
  }

  /** The round's jury: its judges who have not recused themselves. */
  async activeJudgeIds(roundId: string): Promise<Set<string>> {
    return new Set(await store.activeJudgeIds(this.db, roundId));
  }

  /** Whether this user recused themselves from the round (false when never assigned). */
  async hasRecused(roundId: string, userId: string): Promise<boolean> {
    return store.hasRecused(this.db, roundId, userId);
  }

  private async rows(roundId: string, userId?: string): Promise<RoundJudgeView[]> {
    const rows = await store.judgeRows(this.db, roundId, userId ?? null);
    return rows.map((r) => ({
      roundId: r.round_id,
      userId: r.user_id,
      fullName: r.full_name,
      email: r.email ?? null,
      recusedAt: r.recused_at ? new Date(r.recused_at).toISOString() : null,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }
}
