import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '@lc/platform';
import type { RoundStatus } from '../round/round.types';
import { sqlRows } from '../common/sql';
import { RoundLookup } from '../round/round-lookup.service';

export interface RoundStatusChange {
  roundId: string;
  contestId: string;
  status: RoundStatus;
  at: Date;
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
    const rows = await sqlRows<{ id: string; contest_id: string }>(
      this.db,
      `UPDATE round SET status = 'closed', closed_at = $2, updated_at = now()
        WHERE id = $1 AND status IN ('scheduled', 'open') AND closes_at <= $2
        RETURNING id, contest_id`,
      [roundId, this.clock.nowDate()],
    );
    await this.announce(rows, 'closed');
    return rows.length > 0;
  }

  /** Safety net behind the delayed jobs (e.g. Redis lost them): catches every overdue edge. */
  async sweep(): Promise<number> {
    const now = this.clock.nowDate();
    const closed = await sqlRows<{ id: string; contest_id: string }>(
      this.db,
      `UPDATE round SET status = 'closed', closed_at = $1, updated_at = now()
        WHERE status IN ('scheduled', 'open') AND closes_at <= $1 RETURNING id, contest_id`,
      [now],
    );
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
