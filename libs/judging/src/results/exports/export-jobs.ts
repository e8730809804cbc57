import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Round } from '@lc/contests';
import { type Actor } from '@lc/identity';
import { AppConfig, AuditService, conflict, notFound, Queues } from '@lc/platform';
import { ResultsGate } from '../common/results-gate';
import { ResultExport, RoundResult } from '../entities';
import { exportPaths } from './export-files';
import { ExportFormat, ExportScope } from './export-rows';
import { exportNames } from './export-names';
import { CONTENT_TYPES, ResultExportWriter } from './export-writer';

export interface ExportJobData {
  exportId: string;
}

export interface ExportView {
  id: string;
  roundId: string;
  format: ExportFormat;
  scope: ExportScope;
  status: string;
  progress: { rowsWritten: number; rowsTotal: number | null; percent: number | null };
  /** What the file holds: "Kết quả vòng 1 — Tuần 1 (XLSX)". */
  label: string;
  /** The name the download gets ("Kết quả vòng 1 - Tuần 1.xlsx"), never the storage name. */
  fileName: string;
  bytes: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  downloadUrl: string | null;
}

export function exportView(e: ResultExport, round: Pick<Round, 'seq' | 'title'>): ExportView {
  const names = exportNames(round, e.scope, e.format);
  const percent = e.status === 'done' ? 100 : e.rowsTotal ? Math.min(99, Math.floor((e.rowsWritten / e.rowsTotal) * 100)) : e.rowsTotal === 0 ? 99 : null;
  return {
    id: e.id,
    roundId: e.roundId,
    format: e.format,
    scope: e.scope,
    status: e.status,
    progress: { rowsWritten: e.rowsWritten, rowsTotal: e.rowsTotal, percent },
    label: names.label,
    fileName: names.fileName,
    bytes: e.bytes,
    error: e.error,
    createdAt: e.createdAt.toISOString(),
    finishedAt: e.finishedAt?.toISOString() ?? null,
    downloadUrl: e.status === 'done' ? `/api/v1/exports/${e.id}/download` : null,
  };
}

/** Exports too big for one request: queued here, written by the worker, downloaded when complete. */
@Injectable()
export class ExportJobs {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(Queues.exports) private readonly queue: Queue<ExportJobData>,
    private readonly gate: ResultsGate,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly writer: ResultExportWriter,
  ) {}

  /** GET …/results/export: checked first (errors are JSON), then streamed as it is written. */
  async now(actor: Actor, roundId: string, format: ExportFormat, scope: ExportScope) {
    await this.gate.resultsReader(actor, roundId);
    if (!(await this.db.getRepository(RoundResult).existsBy({ roundId }))) throw conflict('round_not_closed', 'This round has no results yet: close it first');
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: roundId });
    const stream = new PassThrough();
    this.writer.write(roundId, format, scope, stream).catch((e: unknown) => stream.destroy(e instanceof Error ? e : new Error(String(e))));
    return { stream, contentType: CONTENT_TYPES[format], fileName: exportNames(round, scope, format).fileName };
  }

  async request(actor: Actor, roundId: string, format: ExportFormat, scope: ExportScope): Promise<ExportView> {
    const access = await this.gate.resultsReader(actor, roundId);
    if (!(await this.db.getRepository(RoundResult).existsBy({ roundId }))) throw conflict('round_not_closed', 'This round has no results yet: close it first');
    const e = await this.db.transaction(async (m) => {
      const saved = await m.save(
        m.create(ResultExport, { organisationId: access.organisationId, roundId, requestedBy: actor.id, format, scope, status: 'queued' }),
      );
      await this.audit.record(
        actor,
        {
          action: 'results.export',
          entityType: 'round',
          entityId: roundId,
          after: { exportId: saved.id, format, scope },
          organisationId: access.organisationId,
        },
        m,
      );
      return saved;
    });
    await this.queue.add('results-export', { exportId: e.id }, { jobId: `export-${e.id}`, attempts: 1, removeOnComplete: 100, removeOnFail: 1000 });
    return exportView(e, await this.round(roundId));
  }

  async get(actor: Actor, id: string): Promise<ExportView> {
    const e = await this.find(actor, id);
    return exportView(e, await this.round(e.roundId));
  }

  /** The finished file only: a queued, running or failed export answers 409. */
  async download(actor: Actor, id: string) {
    const e = await this.find(actor, id);
    await this.gate.resultsReader(actor, e.roundId); // an organiser's export of a round a judge may not read yet
    if (e.status !== 'done') throw conflict('export_not_ready', `This export is ${e.status}`, { status: e.status });
    const round = await this.round(e.roundId);
    return {
      stream: createReadStream(exportPaths(this.config.exportDir, e).final),
      contentType: CONTENT_TYPES[e.format],
      fileName: exportNames(round, e.scope, e.format).fileName,
      bytes: e.bytes,
    };
  }

  private round(id: string): Promise<Pick<Round, 'seq' | 'title'>> {
    return this.db.getRepository(Round).findOneOrFail({ where: { id }, select: { seq: true, title: true } });
  }

  private async find(actor: Actor, id: string): Promise<ResultExport> {
    const e = await this.db.getRepository(ResultExport).findOneBy({ id });
    if (!e || actor.role === 'resident') throw notFound('Export');
    await this.gate.reader(actor, e.roundId).catch(() => {
      throw notFound('Export');
    });
    return e;
  }
}
