import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig, ClockService, Queues } from '@lc/platform';

export const expireJobId = (attemptId: string) => `attempt-${attemptId}-expire`;
export interface ExpireJobData {
  attemptId: string;
}

/** One delayed job per attempt, due just after its deadline + grace; the sweeper backs it up. */
@Injectable()
export class ExpiryScheduler {
  private readonly log = new Logger(ExpiryScheduler.name);

  constructor(
    @InjectQueue(Queues.attemptExpiry) readonly queue: Queue<ExpireJobData>,
    private readonly clock: ClockService,
    private readonly config: AppConfig,
  ) {}

  async schedule(attemptId: string, deadlineAt: number): Promise<void> {
    const delay = Math.max(0, deadlineAt + this.config.answerGraceMs + 50 - this.clock.now());
    await this.queue.add(
      'expire',
      { attemptId },
      { jobId: expireJobId(attemptId), delay, removeOnComplete: true, removeOnFail: 1000, attempts: 8, backoff: { type: 'exponential', delay: 500 } },
    );
  }

  /** After a submit: the job would find nothing to do; dropping it keeps the queue small. */
  cancel(attemptId: string): void {
    this.queue.remove(expireJobId(attemptId)).catch((e: Error) => this.log.debug(`expiry job of ${attemptId} not removed: ${e.message}`));
  }
}
