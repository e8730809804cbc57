import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { MetricsService } from '../metrics/metrics.service';
import { Queues } from './queue-names';

/** Exposes every queue's depth (waiting, delayed, active, failed) as a Prometheus gauge. */
@Injectable()
export class QueueMetricsService implements OnModuleInit {
  private readonly queues: Queue[];

  constructor(
    private readonly metrics: MetricsService,
    @InjectQueue(Queues.answerWriteback) writeback: Queue,
    @InjectQueue(Queues.attemptExpiry) expiry: Queue,
    @InjectQueue(Queues.roundSchedule) schedule: Queue,
    @InjectQueue(Queues.exports) exportsQueue: Queue,
  ) {
    this.queues = [writeback, expiry, schedule, exportsQueue];
  }

  onModuleInit(): void {
    this.metrics.gauge('queue_jobs', 'Jobs per queue and state', ['queue', 'state'], async (g) => {
      await Promise.all(
        this.queues.map(async (q) => {
          try {
            const counts = await q.getJobCounts('waiting', 'delayed', 'active', 'failed');
            for (const [state, n] of Object.entries(counts)) g.set({ queue: q.name, state }, n);
          } catch {
            // Redis down: /health reports it; a scrape must not fail because of it.
          }
        }),
      );
    });
  }
}
