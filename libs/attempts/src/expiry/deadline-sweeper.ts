import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, TurnTimer } from '@lc/platform';
import { AttemptHotStore } from '../hot/attempt-hot-store';
import { AttemptFinaliser } from '../submit/attempt-finaliser.service';

/** How often the sweeper looks: an attempt is finalised at most this long after its deadline + grace. */
export const DEADLINE_SWEEP_EVERY_MS = 250;
/** A taken attempt comes back due after this long unless it was settled (its sweeper died). */
const LEASE_MS = 30_000;
const BATCH = 200;
const CONCURRENCY = 8;

/**
 * Finalises attempts at their deadline. Each attempt in progress sits in a Redis sorted set
 * scored by its deadline (put there by the start's own script, taken off by the finish's);
 * every worker looks every 250 ms and takes what is due in one script, so each attempt goes
 * to one worker. It replaces a BullMQ delayed job per attempt, whose add on every start and
 * remove on every submit cost Redis and the api more than the rest of the start did
 * (issue 18). The SQL sweeper (AttemptExpiryProcessor, every 2 s) still backs both up, for
 * a Redis that lost the set.
 */
@Injectable()
export class DeadlineSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(DeadlineSweeper.name);
  private readonly timer = new TurnTimer(
    DEADLINE_SWEEP_EVERY_MS,
    () => this.sweep(),
    (e) => this.log.warn(`deadline sweep failed: ${e.message}`),
  );

  constructor(
    private readonly hot: AttemptHotStore,
    private readonly finaliser: AttemptFinaliser,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.timer.stop();
  }

  /** One look: finalises every attempt due now. Returns how many this call expired. */
  async sweep(): Promise<number> {
    let expired = 0;
    for (;;) {
      const due = await this.hot.takeDue(BATCH, this.config.answerGraceMs, LEASE_MS);
      if (!due.length) return expired;
      for (let i = 0; i < due.length; i += CONCURRENCY) {
        const settled = await Promise.all(due.slice(i, i + CONCURRENCY).map((id) => this.settle(id)));
        expired += settled.filter(Boolean).length;
      }
      if (this.timer.stopping) return expired;
    }
  }

  private async settle(attemptId: string): Promise<boolean> {
    try {
      const r = await this.finaliser.expire(attemptId);
      // The deadline moved (or another clock ran ahead): due again at the new one.
      if (r.r === 'early') await this.hot.dueAt(attemptId, r.deadlineAt);
      else if (r.r !== 'expired') await this.hot.dueAt(attemptId, null);
      return r.r === 'expired';
    } catch (e) {
      // Left leased: it comes back due after LEASE_MS.
      this.log.warn(`finalising attempt ${attemptId} at its deadline failed: ${(e as Error).message}`);
      return false;
    }
  }
}
