import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AfterCommit, ClockService, conflict, EventBus } from '@lc/platform';
import { sqlRows } from '../../common/sql';
import { RoundClosedMarker } from '../../schedule/round-closed-marker';
import type { RoundStatus } from '../round.types';
import { fromSql } from './round-transitions';

interface Moved {
  id: string;
  contest_id: string;
}

interface ClosedRow extends Moved {
  closed_at: Date;
  closes_at: Date;
}

/**
 * The only writer of `round.status` (the round lifecycle). Each move is a conditional
 * `UPDATE … WHERE status IN (…) RETURNING` over the moves in `round-transitions.ts`, so it is
 * idempotent and race-free; every move that happened is announced as RoundStatusChanged on
 * the event bus — once its transaction has committed when it ran inside the caller's (pass
 * the EntityManager), at once otherwise. Listeners: the round cache (`RoundLookup`), the
 * live push of round:status (leaderboard).
 */
@Injectable()
export class RoundLifecycle {
  private readonly log = new Logger(RoundLifecycle.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly marker: RoundClosedMarker,
    private readonly bus: EventBus,
    private readonly afterCommit: AfterCommit,
  ) {}

  /** draft → scheduled in the caller's transaction, with the pool version it just froze. */
  async schedule(m: EntityManager, roundId: string, poolVersion: number): Promise<void> {
    const rows = await sqlRows<Moved>(
      m,
      `UPDATE round SET status = 'scheduled', pool_version = $2, updated_at = now() WHERE id = $1 AND status IN (${fromSql('schedule')}) RETURNING id, contest_id`,
      [roundId, poolVersion],
    );
    if (!rows.length) throw conflict('round_changed', 'The round changed meanwhile; reload it and try again');
    await this.announce(m, rows, 'scheduled');
  }

  /** scheduled → open once its opening time has come (the job, the sweep): a stale job does nothing. */
  async open(roundId: string): Promise<boolean> {
    const rows = await sqlRows<Moved>(
      this.db,
      `UPDATE round SET status = 'open', opened_at = $2, updated_at = now()
        WHERE id = $1 AND status IN (${fromSql('open')}) AND opens_at <= $2 AND closes_at > $2
        RETURNING id, contest_id`,
      [roundId, this.clock.nowDate()],
    );
    await this.announce(this.db.manager, rows, 'open');
    return rows.length > 0;
  }

  /**
   * scheduled/open → closed: the row, then the marker every instance's attempt scripts read,
   * so nothing of this round starts, saves or submits once this returns.
   * Without force (the job) only once its closing time has passed; `changed` says whether it did.
   * With force (staff: early, or late after its time) at once; closing a closed round again
   * only re-writes its marker. Returns when it closed, or null (not due, draft, missing).
   */
  async close(roundId: string, opts: { force: boolean }): Promise<{ closedAt: Date; changed: boolean } | null> {
    // Redis's own clock, not this instance's estimate of it: every instance's scripts then see the close as past once this returns.
    const now = new Date(await this.clock.exactNow());
    const rows = opts.force
      ? await sqlRows<ClosedRow>(
          this.db,
          `UPDATE round SET status = 'closed', closed_at = coalesce(closed_at, $2), updated_at = now()
            WHERE id = $1 AND status IN (${fromSql('close')}) RETURNING id, contest_id, closed_at, closes_at`,
          [roundId, now],
        )
      : await sqlRows<ClosedRow>(
          this.db,
          `UPDATE round SET status = 'closed', closed_at = $2, updated_at = now()
            WHERE id = $1 AND status IN (${fromSql('close')}) AND closes_at <= $2
            RETURNING id, contest_id, closed_at, closes_at`,
          [roundId, now],
        );
    if (!rows.length) {
      if (!opts.force) return null;
      const [was] = await sqlRows<ClosedRow>(
        this.db,
        `SELECT id, contest_id, closed_at, closes_at FROM round WHERE id = $1 AND status IN ('closed', 'published') AND closed_at IS NOT NULL`,
        [roundId],
      );
      if (!was) return null;
      await this.marker.mark(was.id, was.closed_at, was.closes_at);
      return { closedAt: was.closed_at, changed: false };
    }
    await this.markClosed(rows);
    await this.announce(this.db.manager, rows, 'closed', rows[0].closed_at);
    return { closedAt: rows[0].closed_at, changed: true };
  }

  /** Safety net behind the delayed jobs (e.g. Redis lost them): catches every overdue edge. */
  async sweep(): Promise<number> {
    const now = this.clock.nowDate();
    const closed = await sqlRows<ClosedRow>(
      this.db,
      `UPDATE round SET status = 'closed', closed_at = $1, updated_at = now()
        WHERE status IN (${fromSql('close')}) AND closes_at <= $1 RETURNING id, contest_id, closed_at, closes_at`,
      [now],
    );
    await this.markClosed(closed);
    const opened = await sqlRows<Moved>(
      this.db,
      `UPDATE round SET status = 'open', opened_at = $1, updated_at = now()
        WHERE status IN (${fromSql('open')}) AND opens_at <= $1 AND closes_at > $1 RETURNING id, contest_id`,
      [now],
    );
    await this.announce(this.db.manager, closed, 'closed');
    await this.announce(this.db.manager, opened, 'open');
    return closed.length + opened.length;
  }

  /**
   * draft, or scheduled and not yet open → closed, in the caller's transaction (the contest
   * closes before these rounds ran). Returns the rounds it called off.
   */
  async callOff(m: EntityManager, roundIds: string[], at: Date): Promise<string[]> {
    if (!roundIds.length) return [];
    const rows = await sqlRows<Moved>(
      m,
      `UPDATE round SET status = 'closed', closed_at = $2, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status IN (${fromSql('callOff')}) AND (status = 'draft' OR opens_at > $2)
        RETURNING id, contest_id`,
      [roundIds, at],
    );
    await this.announce(m, rows, 'closed', at);
    return rows.map((r) => r.id);
  }

  /** closed → published, in the caller's transaction (judging's, under its results lock); `at` is the publication moment. */
  async publish(m: EntityManager, roundId: string, at?: Date): Promise<void> {
    const rows = await sqlRows<Moved>(
      m,
      `UPDATE round SET status = 'published', updated_at = now() WHERE id = $1 AND status IN (${fromSql('publish')}) RETURNING id, contest_id`,
      [roundId],
    );
    if (!rows.length) throw conflict('round_not_closed', 'Close the round first: only a closed round has results to publish');
    await this.announce(m, rows, 'published', at);
  }

  private async markClosed(rows: ClosedRow[]): Promise<void> {
    for (const r of rows) await this.marker.mark(r.id, r.closed_at, r.closes_at);
  }

  private async announce(m: EntityManager, rows: Moved[], status: RoundStatus, at?: Date): Promise<void> {
    if (!rows.length) return;
    await this.afterCommit.run(m, async () => {
      const when = at ?? this.clock.nowDate();
      for (const r of rows) {
        this.log.log(`round ${r.id} is now ${status}`);
        await this.bus.emit('RoundStatusChanged', { roundId: r.id, contestId: r.contest_id, status, at: when });
      }
    });
  }
}
