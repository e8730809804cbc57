import { setTimeout as sleep } from 'node:timers/promises';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, ClockService, Queues } from '@lc/platform';
import { AttemptFinaliser } from '../submit/attempt-finaliser.service';

/** Jobs of one attempt each: what deployments before the deadline set scheduled (they drain). */
interface ExpireJobData {
  attemptId: string;
}

/** The SQL sweeper backs up the deadline set (DeadlineSweeper): a Redis that lost it, or restored from an old snapshot. */
const SWEEP_EVERY_MS = 2000;
const SWEEP_BATCH = 500;

@Processor(Queues.attemptExpiry, { concurrency: 8 })
export class AttemptExpiryProcessor extends WorkerHost {
  private readonly log = new Logger(AttemptExpiryProcessor.name);

  constructor(
    private readonly finaliser: AttemptFinaliser,
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<ExpireJobData>, token?: string): Promise<unknown> {
    if (job.name === 'sweep') return this.sweep();
    let r = await this.finaliser.expire(job.data.attemptId);
    if (r.r === 'early' && r.waitMs <= 5000) {
      await sleep(r.waitMs);
      r = await this.finaliser.expire(job.data.attemptId);
    }
    if (r.r === 'early') {
      // Deadline moved or the job came early by another clock: come back when it is due.
      await job.moveToDelayed(Date.now() + r.waitMs, token);
      throw new DelayedError();
    }
    return r.r;
  }

  private async sweep(): Promise<number> {
    const due: { id: string }[] = await this.db.query(
      `SELECT id FROM attempt WHERE status = 'in_progress' AND deadline_at < $1 ORDER BY deadline_at LIMIT $2`,
      [new Date(this.clock.now() - this.config.answerGraceMs), SWEEP_BATCH],
    );
    let n = 0;
    for (const { id } of due) {
      try {
        if ((await this.finaliser.expire(id)).r === 'expired') n++;
      } catch (e) {
        this.log.warn(`sweeping attempt ${id} failed: ${(e as Error).message}`);
      }
    }
    if (n) this.log.log(`sweeper finalised ${n} overdue attempt(s)`);
    return n;
  }
}

@Injectable()
export class AttemptExpiryBootstrap implements OnApplicationBootstrap {
  constructor(@InjectQueue(Queues.attemptExpiry) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'attempt-sweep',
      { every: SWEEP_EVERY_MS },
      { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: 100, attempts: 1 } },
    );
  }
}
