import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Actor } from '@lc/identity';
import { AuditService, badRequest, DomainError } from '@lc/platform';
import { findDuplicates, insertQuestions, lockBank } from '../questions/question-store';
import { FileRefusedError } from './formats/types';
import { ImportOptions } from './import-options';
import { ImportReport, ImportRun, ImportSink } from './import-run';
import { ImportTooLargeError, validatedBatches } from './validated-batches';

/** Thrown inside the transaction to roll back a file that turned out to be broken. */
class Broken extends Error {}

/**
 * Imports a file into a bank, all or nothing, in one transaction: a file with any broken
 * question imports nothing and the error (400, code import_invalid) lists every problem
 * with its line or row; dryRun answers the same report without writing. Unsupported
 * questions are skipped with a reason; duplicates are skipped or kept as asked.
 */
@Injectable()
export class ImportQuestions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async execute(actor: Actor, bankId: string, options: ImportOptions, file: Buffer): Promise<ImportReport> {
    const organisationId = await this.access.require(actor, 'questionBank', bankId, 'write');
    let run: ImportRun | undefined;
    try {
      if (options.dryRun) return await new ImportRun(options, this.sink(this.db.manager, bankId, actor.id)).consume(validatedBatches(options.format, file));
      return await this.db.transaction(async (m: EntityManager) => {
        await lockBank(m, bankId);
        run = new ImportRun(options, this.sink(m, bankId, actor.id));
        const report = await run.consume(validatedBatches(options.format, file));
        if (report.errors.length) throw new Broken();
        const summary = { format: options.format, imported: report.imported, skipped: report.skipped.length, duplicates: report.duplicates };
        await this.audit.record(actor, { action: 'question_bank.import', entityType: 'question_bank', entityId: bankId, after: summary, organisationId }, m);
        return report;
      });
    } catch (e) {
      if (e instanceof Broken && run) {
        const n = run.report.errors.length;
        throw badRequest('import_invalid', `The file has ${n} problem${n > 1 ? 's' : ''}; nothing was imported`, { ...run.report, imported: 0 });
      }
      if (e instanceof FileRefusedError) throw badRequest(e.code ?? 'import_file_refused', e.message, e.details);
      if (e instanceof ImportTooLargeError) throw new DomainError('import_too_large', 413, e.message);
      throw e;
    }
  }

  private sink(m: EntityManager, bankId: string, actorId: string): ImportSink {
    const topics = new Map<string, string>();
    return {
      existing: (folded) => findDuplicates(m, bankId, folded),
      insert: async (contents, folded) => void (await insertQuestions(m, bankId, actorId, contents, topics, folded)),
    };
  }
}
