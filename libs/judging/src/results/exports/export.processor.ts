import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, Queues } from '@lc/platform';
import { ResultExport } from '../entities';
import { exportPaths } from './export-files';
import type { ExportJobData } from './export-jobs';
import { ResultExportWriter } from './export-writer';

/**
 * Writes a queued export to `<id>.<format>.part`, reporting progress in its row (and on
 * the job), and renames it to the final name only once complete: a rename within one
 * folder is atomic, so a download never sees half a file. A shorter lock and stall check than
 * BullMQ's 30 s defaults: a worker killed mid-export is noticed, and the export re-run, within
 * about 25 s instead of a minute or more.
 */
@Processor(Queues.exports, { concurrency: 1, lockDuration: 15_000, stalledInterval: 10_000 })
export class ResultExportProcessor extends WorkerHost {
  private readonly log = new Logger(ResultExportProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: ResultExportWriter,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<ExportJobData>): Promise<unknown> {
    if (job.name !== 'results-export') return null;
    const repo = this.db.getRepository(ResultExport);
    const e = await repo.findOneBy({ id: job.data.exportId });
    if (!e || e.status === 'done') return 'skipped';
    await repo.update({ id: e.id }, { status: 'running', rowsWritten: 0, error: null });
    await mkdir(this.config.exportDir, { recursive: true });
    const { final, partial } = exportPaths(this.config.exportDir, e);
    try {
      const { rows } = await this.writer.write(e.roundId, e.format, e.scope, createWriteStream(partial), {
        total: (n) => repo.update({ id: e.id }, { rowsTotal: n }).then(() => undefined),
        rows: async (n) => {
          await repo.update({ id: e.id }, { rowsWritten: n });
          await job.updateProgress(n);
        },
      });
      await rename(partial, final);
      const { size } = await stat(final);
      await repo.update({ id: e.id }, { status: 'done', rowsWritten: rows, bytes: size, fileName: final.split('/').pop()!, finishedAt: new Date() });
      return { rows, bytes: size };
    } catch (err) {
      await unlink(partial).catch(() => undefined);
      this.log.warn(`export ${e.id} failed: ${(err as Error).message}`);
      await repo.update({ id: e.id }, { status: 'failed', error: (err as Error).message.slice(0, 500), finishedAt: new Date() });
      throw err;
    }
  }
}
