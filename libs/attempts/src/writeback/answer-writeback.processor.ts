import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { Queues } from '@lc/platform';
import { AnswerWritebackService } from './answer-writeback.service';

/** Every 500 ms, so no answer acknowledged more than about a second ago exists in Redis alone. */
export const WRITEBACK_EVERY_MS = 500;

@Processor(Queues.answerWriteback, { concurrency: 1 })
export class AnswerWritebackProcessor extends WorkerHost {
  constructor(private readonly writeback: AnswerWritebackService) {
    super();
  }

  process(_job: Job): Promise<number> {
    return this.writeback.flush();
  }
}

@Injectable()
export class AnswerWritebackBootstrap implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(Queues.answerWriteback) private readonly queue: Queue,
    private readonly writeback: AnswerWritebackService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.writeback.recoverInflight();
    await this.queue.upsertJobScheduler('answer-flush', { every: WRITEBACK_EVERY_MS }, { name: 'flush', opts: { removeOnComplete: true, removeOnFail: 100, attempts: 1 } });
  }
}
