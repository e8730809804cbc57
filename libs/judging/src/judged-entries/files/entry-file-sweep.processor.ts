import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntryFileSweep } from './entry-file-sweep';

export const ENTRY_FILE_SWEEP_QUEUE = 'entry-file-sweep';
const SWEEP_EVERY_MS = 3600_000;

/** The sweep is idempotent (a file removed twice is removed), so workers need no lock. */
@Processor(ENTRY_FILE_SWEEP_QUEUE)
export class EntryFileSweepProcessor extends WorkerHost {
  private readonly log = new Logger(EntryFileSweepProcessor.name);

  constructor(private readonly sweeper: EntryFileSweep) {
    super();
  }

  async process(): Promise<{ temporary: number; orphaned: number }> {
    const removed = await this.sweeper.sweep();
    if (removed.temporary || removed.orphaned) this.log.log({ ...removed }, 'entry files swept');
    return removed;
  }
}

/** Installs the hourly schedule once per deployment, and sweeps when a worker starts. */
@Injectable()
export class EntryFileSweepBootstrap implements OnApplicationBootstrap {
  constructor(@InjectQueue(ENTRY_FILE_SWEEP_QUEUE) private readonly queue: Queue) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('entry-file-sweep', { every: SWEEP_EVERY_MS }, { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: 100 } });
  }
}
