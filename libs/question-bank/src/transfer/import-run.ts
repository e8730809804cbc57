import { createHash } from 'node:crypto';
import { QuestionContent } from '../questions/question-content';
import { ImportProblem } from './formats/types';
import type { ImportOptions } from './import-options';
import { ValidatedBatch } from './validate-file';

export interface ImportReport {
  /** Questions created (dryRun: that would be created). */
  imported: number;
  skipped: { ref: string; reason: string }[];
  errors: ImportProblem[];
  /** Questions whose text the bank (or an earlier question of the file) already holds. */
  duplicates: number;
  warnings: { ref: string; reason: string }[];
  dryRun: boolean;
}

export interface ImportSink {
  /** Folded stem → id of a current question of the bank with that text. */
  existing(folded: string[]): Promise<Map<string, string>>;
  /** `folded[i]` is foldStem(contents[i].stem), already at hand. */
  insert(contents: QuestionContent[], folded: string[]): Promise<void>;
}

/**
 * The database side of an import: takes validated batches as they come, sorts out
 * duplicates and writes, so memory holds one batch, not the file. Writing stops at the
 * first error (the caller rolls back what was written: all or nothing) while reading goes
 * on, so the report lists every problem.
 */
export class ImportRun {
  readonly report: ImportReport;
  /**
   * SHA-1 of each folded stem met → where. Digests, not the stems: a stem may be a slice of
   * its file's text and would keep all of that text alive for the whole import.
   */
  private readonly firstInFile = new Map<string, string>();

  constructor(
    private readonly options: ImportOptions,
    private readonly sink: ImportSink,
  ) {
    this.report = { imported: 0, skipped: [], errors: [], duplicates: 0, warnings: [], dryRun: options.dryRun };
  }

  async consume(batches: AsyncIterable<ValidatedBatch>): Promise<ImportReport> {
    for await (const batch of batches) await this.take(batch);
    this.report.errors.sort((a, b) => (a.line ?? a.row ?? 0) - (b.line ?? b.row ?? 0));
    return this.report;
  }

  private async take(batch: ValidatedBatch): Promise<void> {
    this.report.skipped.push(...batch.skipped);
    this.report.errors.push(...batch.errors);
    this.report.warnings.push(...batch.warnings);
    if (!batch.questions.length) return;
    const existing = await this.sink.existing(batch.questions.map((q) => q.folded));
    const fresh: QuestionContent[] = [];
    const freshFolded: string[] = [];
    for (const q of batch.questions) {
      const key = createHash('sha1').update(q.folded).digest('base64');
      const inBank = existing.get(q.folded);
      const inFile = this.firstInFile.get(key);
      if (!inFile) this.firstInFile.set(key, q.at);
      if (inBank || inFile) {
        this.report.duplicates++;
        if (this.options.duplicates === 'skip') {
          this.report.skipped.push({
            ref: q.ref,
            reason: inBank ? `duplicate of question ${inBank} already in the bank` : `duplicate of ${inFile} in this file`,
          });
          continue;
        }
      }
      fresh.push(q.content);
      freshFolded.push(q.folded);
    }
    this.report.imported += fresh.length;
    if (!this.options.dryRun && !this.report.errors.length && fresh.length) await this.sink.insert(fresh, freshFolded);
  }
}
