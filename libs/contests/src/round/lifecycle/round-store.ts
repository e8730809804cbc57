import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AfterCommit } from '@lc/platform';
import { sqlRows } from '../../common/sql';
import { RoundLookup } from '../round-lookup.service';
import { Round } from '../round.entity';
import type { Prize, RoundStatus } from '../round.types';

/**
 * Every write of a round row other than its status (that is the lifecycle's): the row is
 * created as a draft, its settings change, a round nobody entered is deleted, the
 * prediction's actual value is recorded when results are built. Each runs in the caller's
 * transaction; the round cache is dropped once it commits.
 */
@Injectable()
export class RoundStore {
  constructor(
    private readonly lookup: RoundLookup,
    private readonly afterCommit: AfterCommit,
  ) {}

  /** A new round, always a draft (the lifecycle schedules it). */
  async insert(m: EntityManager, round: Round): Promise<void> {
    round.status = 'draft';
    await m.getRepository(Round).insert(round as QueryDeepPartialEntity<Round>); // fills in round.id
  }

  /** Changes settings (never status) if the round is still in `status`; false when it moved meanwhile. */
  async updateSettings(m: EntityManager, roundId: string, status: RoundStatus, patch: Partial<Round>): Promise<boolean> {
    const { status: _ignored, ...settings } = patch;
    const res = await m.createQueryBuilder().update(Round).set(settings).where('id = :id AND status = :status', { id: roundId, status }).execute();
    await this.forget(m, roundId);
    return !!res.affected;
  }

  /** Deletes a round nobody can have entered: a draft, or scheduled before it opens (re-checked here: the worker may be opening it). */
  async remove(m: EntityManager, roundId: string, now: Date): Promise<boolean> {
    const rows = await sqlRows<{ id: string }>(
      m,
      `DELETE FROM round WHERE id = $1 AND (status = 'draft' OR (status = 'scheduled' AND opens_at > $2)) RETURNING id`,
      [roundId, now],
    );
    await this.forget(m, roundId);
    return rows.length > 0;
  }

  /** The prediction question's actual value, counted (or given by staff) when the round's results are built. */
  async recordPredictionActual(m: EntityManager, roundId: string, actual: number): Promise<void> {
    await m.query(
      `UPDATE round SET prediction_question = jsonb_set(prediction_question, '{actual}', to_jsonb($2::numeric)) WHERE id = $1 AND prediction_question IS NOT NULL`,
      [roundId, actual],
    );
    await this.forget(m, roundId);
  }

  /**
   * The prize list residents read (GET /rounds/:id, the contest page), set from the prize
   * plan of the round's rules when staff save them: results award by that plan, so the
   * round must not go on showing the prizes it was created with.
   */
  async setPublicPrizes(m: EntityManager, roundId: string, prizes: Prize[]): Promise<void> {
    await m.query(`UPDATE round SET prizes = $2::jsonb WHERE id = $1`, [roundId, JSON.stringify(prizes)]);
    await this.forget(m, roundId);
  }

  private forget(m: EntityManager, roundId: string): Promise<void> {
    return this.afterCommit.run(m, () => this.lookup.invalidate(roundId));
  }
}
