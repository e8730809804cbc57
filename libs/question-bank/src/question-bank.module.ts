import { Module } from '@nestjs/common';
import { QuestionBanksController } from './banks/question-banks.controller';
import { QuestionBanksService } from './banks/question-banks.service';
import { QuestionPoolService } from './pool/question-pool.service';
import { QuestionsController } from './questions/questions.controller';
import { QuestionsService } from './questions/questions.service';
import { TopicsController } from './topics/topics.controller';
import { TopicsService } from './topics/topics.service';
import { ExportQuestions } from './transfer/export-questions';
import { ImportQuestions } from './transfer/import-questions';
import { ImportTemplateController } from './transfer/template/template.controller';
import { TransferController } from './transfer/transfer.controller';

/** Question banks over HTTP, and the pool seam rounds use. */
@Module({
  controllers: [ImportTemplateController, QuestionBanksController, QuestionsController, TopicsController, TransferController],
  providers: [QuestionBanksService, QuestionsService, TopicsService, ImportQuestions, ExportQuestions, QuestionPoolService],
  exports: [QuestionPoolService],
})
export class QuestionBankModule {}

/** The pool seam alone, for the worker and scripts (no controllers). */
@Module({ providers: [QuestionPoolService], exports: [QuestionPoolService] })
export class QuestionBankCoreModule {}
