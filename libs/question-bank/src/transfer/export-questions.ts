import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Actor } from '@lc/identity';
import { ClockService, foldVietnamese } from '@lc/platform';
import { QuestionBanksService } from '../banks/question-banks.service';
import { filterSql } from '../questions/question-filter';
import { QUESTION_COLUMNS, QUESTION_FROM, QuestionRow, rowToContent } from '../questions/question-store';
import { writeAnswerSheet } from './formats/answer-sheet';
import { writeQuestionFile } from './formats/registry';
import { ExportedFile, ExportFormat } from './formats/types';

@Injectable()
export class ExportQuestions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly banks: QuestionBanksService,
    private readonly clock: ClockService,
  ) {}

  /**
   * The bank's current, non-archived questions in one format, grouped by topic (untopiced
   * first, since GIFT and Moodle XML carry a topic forward to the questions after it).
   */
  async execute(actor: Actor, bankId: string, format: ExportFormat): Promise<ExportedFile & { filename: string }> {
    await this.access.require(actor, 'questionBank', bankId, 'read');
    const bank = await this.banks.load(bankId);
    const params: unknown[] = [];
    const rows: QuestionRow[] = await this.db.query(
      `SELECT ${QUESTION_COLUMNS} FROM ${QUESTION_FROM} WHERE ${filterSql({ bankId }, params)} ORDER BY t.path NULLS FIRST, q.seq`,
      params,
    );
    const questions = rows.map(rowToContent);
    const file = format === 'answer-sheet' ? writeAnswerSheet(bank.name, questions, this.clock.nowDate()) : await writeQuestionFile(format, questions);
    return { ...file, filename: `${slug(bank.name)}-${format}.${file.extension}` };
  }
}

/** An ASCII file name (headers carry ASCII safely everywhere); the bank name folded. */
function slug(name: string): string {
  return (
    foldVietnamese(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'question-bank'
  );
}
