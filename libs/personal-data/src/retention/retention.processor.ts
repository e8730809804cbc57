import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, ClockService } from '@lc/platform';
import { PurgeCounts, purgeExpiredPersonalData } from './retention';

export const RETENTION_QUEUE = 'personal-data-retention';
const PURGE_EVERY_MS = 6 * 3600_000;
/** One purge at a time across workers; a second worker skips rather than queues behind it. */
const LOCK_KEY = 0x6c63_7265; // "lcre"

@Processor(RETENTION_QUEUE)
export class RetentionProcessor extends WorkerHost {
  private readonly log = new Logger(RetentionProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly clock: ClockService,
  ) {
    super();
  }

  async process(): Promise<PurgeCounts | 'busy'> {
    const result = await this.db.transaction(async (m) => {
      const [{ ok }]: { ok: boolean }[] = await m.query('SELECT pg_try_advisory_xact_lock($1) AS ok', [LOCK_KEY]);
      if (!ok) return 'busy' as const;
      return purgeExpiredPersonalData(
        m,
        { integrityDays: this.config.retentionIntegrityDays, auditDays: this.config.retentionAuditDays },
        this.clock.nowDate(),
      );
    });
    if (result !== 'busy') this.log.log({ ...result }, 'personal data retention purge');
    return result;
  }
}

/** Installs the schedule once per deployment (a job scheduler is idempotent), and purges at start. */
@Injectable()
export class RetentionBootstrap implements OnApplicationBootstrap {
  constructor(@InjectQueue(RETENTION_QUEUE) private readonly queue: Queue) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('retention-purge', { every: PURGE_EVERY_MS }, { name: 'purge', opts: { removeOnComplete: true, removeOnFail: 100 } });
  }
}
