import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '@lc/platform';
import type { RoundStatus } from '../round/round.types';
import { sqlRows } from '../common/sql';
import { RoundLookup } from '../round/round-lookup.service';
import { RoundClosedMarker } from './round-closed-marker';

export interface RoundStatusChange {
  roundId: string;
  contestId: string;
  status: RoundStatus;
  at: Date;
}

interface ClosedRow {
  id: string;
  contest_id: string;
  closed_at: Date;
  closes_at: Date;
}

export type RoundStatusListener = (change: RoundStatusChange) => void | Promise<void>;

/**
 * Moves rounds to open and closed when their times come. Higher modules (live updates,
 * results) learn of it through onChange, since contests may not depend on them.
 */
@Injectable()
export class RoundStatusService {
  private readonly log = new Logger(RoundStatusService.name);
  private readonly listeners: RoundStatusListener[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly lookup: RoundLookup,
    private readonly marker: RoundClosedMarker,
  ) {}

  onChange(listener: RoundStatusListener): void {
    this.listeners.push(listener);
  }

  /** Opens the round if it is scheduled and its time has come (a stale job does nothing). */
  async openIfDue(roundId: string): Promise<boolean> {
    const rows = await sqlRows<{ id: string; contest_id: string }>(
      this.db,
      `UPDATE round SET status = 'open', opened_at = $2, updated_at = now()
        WHERE id = $1 AND status = 'scheduled' AND opens_at <= $2 AND closes_at > $2
        RETURNING id, contest_id`,
      [roundId, this.clock.nowDate()],
    );
    await this.announce(rows, 'open');
    return rows.length > 0;
  }

  async closeIfDue(roundId: string): Promise<boolean> {
    const rows = await sqlRows<ClosedRow>(
      this.db,
      `UPDATE round SET status = 'closed', closed_at = $2, updated_at = now()
        WHERE id = $1 AND status IN ('scheduled', 'open') AND closes_at <= $2
        RETURNING id, contest_id, closed_at, closes_at`,
      [roundId, this.clock.nowDate()],
    );
    await this.markClosed(rows);
    await this.announce(rows, 'closed');
    return rows.length > 0;
  }

  /**
   * Staff close the round now (early, or late after its time): the row, then the marker that
   * every instance's attempt scripts read, so nothing of this round starts, saves or submits
   * after this returns. Closing a closed round again only re-writes its marker. Returns when it closed.
   */
  async closeNow(roundId: string): Promise<Date | null> {
    let rows = await sqlRows<ClosedRow>(
      this.db,
      `UPDATE round SET status = 'closed', closed_at = coalesce(closed_at, $2), updated_at = now()
        WHERE id = $1 AND status IN ('scheduled', 'open') RETURNING id, contest_id, closed_at, closes_at`,
      [roundId, this.clock.nowDate()],
    );
    if (!rows.length) rows = await sqlRows<ClosedRow>(this.db, `SELECT id, contest_id, closed_at, closes_at FROM round WHERE id = $1 AND status IN ('closed', 'published') AND closed_at IS NOT NULL`, [roundId]);
    await this.markClosed(rows);
    this.lookup.invalidate(roundId);
    return rows[0]?.closed_at ?? null;
  }

  /** Safety net behind the delayed jobs (e.g. Redis lost them): catches every overdue edge. */
  async sweep(): Promise<number> {
    const now = this.clock.nowDate();
    const closed = await sqlRows<ClosedRow>(
      this.db,
      `UPDATE round SET status = 'closed', closed_at = $1, updated_at = now()
        WHERE status IN ('scheduled', 'open') AND closes_at <= $1 RETURNING id, contest_id, closed_at, closes_at`,
      [now],
    );
    await this.markClosed(closed);
    const opened = await sqlRows<{ id: string; contest_id: string }>(
      this.db,
      `UPDATE round SET status = 'open', opened_at = $1, updated_at = now()
        WHERE status = 'scheduled' AND opens_at <= $1 AND closes_at > $1 RETURNING id, contest_id`,
      [now],
    );
    await this.announce(closed, 'closed');
    await this.announce(opened, 'open');
    return closed.length + opened.length;
  }

  private async markClosed(rows: ClosedRow[]): Promise<void> {
    for (const r of rows) await this.marker.mark(r.id, r.closed_at, r.closes_at);
  }

  private async announce(rows: { id: string; contest_id: string }[], status: RoundStatus): Promise<void> {
    for (const r of rows) {
      this.lookup.invalidate(r.id);
      const change: RoundStatusChange = { roundId: r.id, contestId: r.contest_id, status, at: this.clock.nowDate() };
      this.log.log(`round ${r.id} is now ${status}`);
      for (const l of this.listeners) {
        try {
          await l(change);
        } catch (e) {
          this.log.warn(`round status listener failed: ${(e as Error).message}`);
        }
      }
    }
  }
}
