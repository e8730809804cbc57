import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { ClockService, Queues } from '@lc/platform';
import { RoundLifecycle } from '../round/lifecycle/round-lifecycle.service';
import { RoundLookup } from '../round/round-lookup.service';
import type { RoundJobData } from './round-schedule.service';

const SWEEP_EVERY_MS = 5000;
/** A job may fire a little before its time by another process's clock; wait that out rather than miss it. */
const EARLY_TOLERANCE_MS = 60_000;

@Processor(Queues.roundSchedule, { concurrency: 4 })
export class RoundScheduleProcessor extends WorkerHost {
  private readonly log = new Logger(RoundScheduleProcessor.name);

  constructor(
    private readonly lifecycle: RoundLifecycle,
    private readonly lookup: RoundLookup,
    private readonly clock: ClockService,
  ) {
    super();
  }

  async process(job: Job<RoundJobData>): Promise<unknown> {
    if (job.name === 'sweep') return this.lifecycle.sweep();
    const roundId = job.data.roundId;
    this.lookup.invalidate(roundId);
    const round = await this.lookup.get(roundId);
    if (!round) return 'gone';
    const at = job.name === 'open' ? round.opensAt.getTime() : round.closesAt.getTime();
    const wait = at - this.clock.now();
    if (wait > EARLY_TOLERANCE_MS) return 'rescheduled';
    if (wait > 0) await new Promise((r) => setTimeout(r, wait + 5));
    const changed = job.name === 'open' ? await this.lifecycle.open(roundId) : !!(await this.lifecycle.close(roundId, { force: false }));
    if (changed) this.log.log(`round ${roundId}: ${job.name} on time`);
    return changed;
  }
}

/** Installs the safety-net sweep once per deployment (a job scheduler is idempotent). */
@Injectable()
export class RoundScheduleBootstrap implements OnApplicationBootstrap {
  constructor(@InjectQueue(Queues.roundSchedule) private readonly queue: Queue) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('round-sweep', { every: SWEEP_EVERY_MS }, { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: 100 } });
  }
}
