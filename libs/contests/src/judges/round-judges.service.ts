import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService, User } from '@lc/identity';
import { AuditService, badRequest, conflict, forbidden, notFound } from '@lc/platform';
import { sqlRows } from '../common/sql';

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
      await m.query(
        `INSERT INTO round_judge (round_id, user_id) VALUES ($1, $2)
         ON CONFLICT (round_id, user_id) DO UPDATE SET recused_at = NULL`,
        [roundId, userId],
      );
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
      const rows = await sqlRows<{ recused_at: Date | null }>(m, 'SELECT recused_at FROM round_judge WHERE round_id = $1 AND user_id = $2 FOR UPDATE', [
        roundId,
        actor.id,
      ]);
      if (!rows.length) throw forbidden('You are not a judge of this round');
      if (rows[0].recused_at) return false;
      await m.query('UPDATE round_judge SET recused_at = now() WHERE round_id = $1 AND user_id = $2', [roundId, actor.id]);
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
   * reason) is the way out for them. judge_mark belongs to libs/judging, read here by name
   * as AccessService reads round_judge.
   */
  async remove(actor: Actor, roundId: string, userId: string): Promise<void> {
    const organisationId = await this.access.require(actor, 'round', roundId, 'write');
    await this.db.transaction(async (m) => {
      const rows = await sqlRows<{ recused_at: Date | null }>(m, 'SELECT recused_at FROM round_judge WHERE round_id = $1 AND user_id = $2 FOR UPDATE', [
        roundId,
        userId,
      ]);
      if (!rows.length) throw notFound('Judge of this round');
      const marked = await sqlRows(m, 'SELECT 1 FROM judge_mark WHERE round_id = $1 AND judge_user_id = $2 LIMIT 1', [roundId, userId]);
      if (marked.length) throw conflict('judge_has_marks', 'This judge has already marked entries of the round; they can recuse themselves instead');
      await m.query('DELETE FROM round_judge WHERE round_id = $1 AND user_id = $2', [roundId, userId]);
      await this.audit.record(
        actor,
        { action: 'round.judge.remove', entityType: 'round', entityId: roundId, before: { userId, recusedAt: rows[0].recused_at }, organisationId },
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
    const rows: unknown[] = await this.db.query('SELECT 1 FROM round_judge WHERE round_id = $1 AND user_id = $2 AND recused_at IS NULL', [roundId, userId]);
    return rows.length > 0;
  }

  /** The round's jury: its judges who have not recused themselves. */
  async activeJudgeIds(roundId: string): Promise<Set<string>> {
    const rows = await sqlRows<{ user_id: string }>(this.db, 'SELECT user_id FROM round_judge WHERE round_id = $1 AND recused_at IS NULL', [roundId]);
    return new Set(rows.map((r) => r.user_id));
  }

  /** Whether this user recused themselves from the round (false when never assigned). */
  async hasRecused(roundId: string, userId: string): Promise<boolean> {
    const [r] = await sqlRows<{ recused: boolean }>(this.db, 'SELECT recused_at IS NOT NULL AS recused FROM round_judge WHERE round_id = $1 AND user_id = $2', [
      roundId,
      userId,
    ]);
    return !!r?.recused;
  }

  private async rows(roundId: string, userId?: string): Promise<RoundJudgeView[]> {
    const rows = await sqlRows<Record<string, unknown>>(
      this.db,
      `SELECT j.round_id, j.user_id, u.full_name, u.email, j.recused_at, j.created_at
         FROM round_judge j JOIN "user" u ON u.id = j.user_id
        WHERE j.round_id = $1 AND ($2::uuid IS NULL OR j.user_id = $2) ORDER BY j.created_at`,
      [roundId, userId ?? null],
    );
    return rows.map((r) => ({
      roundId: r.round_id as string,
      userId: r.user_id as string,
      fullName: r.full_name as string,
      email: (r.email as string | null) ?? null,
      recusedAt: r.recused_at ? new Date(r.recused_at as string).toISOString() : null,
      createdAt: new Date(r.created_at as string).toISOString(),
    }));
  }
}
