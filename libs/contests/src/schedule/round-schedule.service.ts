import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ClockService, Queues } from '@lc/platform';

export type RoundJobKind = 'open' | 'close';
export interface RoundJobData {
  roundId: string;
}

export const roundJobId = (roundId: string, kind: RoundJobKind) => `round-${roundId}-${kind}`;

/**
 * Opening and closing on time: one delayed job per edge, stored in Redis so it survives a
 * restart of api and worker. Rescheduling removes the old job and adds a new one under the
 * same id; the processor re-reads the round, so a stale job can never open or close early.
 */
@Injectable()
export class RoundScheduleService {
  private readonly log = new Logger(RoundScheduleService.name);

  constructor(
    @InjectQueue(Queues.roundSchedule) private readonly queue: Queue<RoundJobData>,
    private readonly clock: ClockService,
  ) {}

  async schedule(round: { id: string; opensAt: Date; closesAt: Date }): Promise<void> {
    await this.put(round.id, 'open', round.opensAt);
    await this.put(round.id, 'close', round.closesAt);
  }

  async unschedule(roundId: string): Promise<void> {
    for (const kind of ['open', 'close'] as const) await this.drop(roundJobId(roundId, kind));
  }

  private async put(roundId: string, kind: RoundJobKind, at: Date): Promise<void> {
    const jobId = roundJobId(roundId, kind);
    await this.drop(jobId);
    await this.queue.add(
      kind,
      { roundId },
      { jobId, delay: Math.max(0, at.getTime() - this.clock.now()), removeOnComplete: true, removeOnFail: 1000, attempts: 10 },
    );
  }

  private async drop(jobId: string): Promise<void> {
    try {
      await this.queue.remove(jobId);
    } catch (e) {
      // A job running right now cannot be removed; it re-reads the round and does the right thing.
      this.log.warn(`could not remove ${jobId}: ${(e as Error).message}`);
    }
  }
}
