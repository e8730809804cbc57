import { Module } from '@nestjs/common';
import { JudgedEntriesModule, JudgedEntriesWorkerModule } from './judged-entries/judged-entries.module';
import { ResultsModule, ResultsWorkerModule } from './results/results.module';

/** Judging for the api: results of quiz rounds and jury scoring of judged rounds. */
@Module({ imports: [ResultsModule, JudgedEntriesModule] })
export class JudgingModule {}

/** Judging for the worker. */
@Module({ imports: [ResultsWorkerModule, JudgedEntriesWorkerModule] })
export class JudgingWorkerModule {}
