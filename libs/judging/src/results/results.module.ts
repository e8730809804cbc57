import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AttemptsCoreModule } from '@lc/attempts';
import { ContestsCoreModule } from '@lc/contests';
import { LeaderboardModule } from '@lc/leaderboard';
import { Queues } from '@lc/platform';
import { JudgedEntriesModule } from '../judged-entries/judged-entries.module';
import { AdvancementController } from '../advancement/advancement.controller';
import { AdvancementPreviewService } from '../advancement/advancement-preview.service';
import { AdvancementService } from '../advancement/advancement.service';
import { JudgedRanking } from '../advancement/judged-ranking';
import { ContestAwards } from './awards/contest-awards';
import { CloseRound } from './close/close-round';
import { ResultBuilder } from './close/result-builder';
import { ResultsGate } from './common/results-gate';
import { CorrectResults } from './corrections/correct-results';
import { CorrectionPeople } from './corrections/correction-people';
import { ResultDocuments } from './documents/result-documents';
import { ExportJobs } from './exports/export-jobs';
import { ResultExportProcessor } from './exports/export.processor';
import { ResultExportWriter } from './exports/export-writer';
import { PublishResults } from './publish/publish-results';
import { ResultsQuery } from './read/results-query';
import { ResultsController } from './results.controller';
import { AttemptReview } from './review/attempt-review';
import { BoardSync } from './review/board-sync';
import { RulesController } from './rules.controller';
import { RulesService } from './rules/rules.service';
import { DecideVerification } from './verification/decide-verification';
import { PayoutExport } from './verification/payout-export';
import { VerificationController } from './verification/verification.controller';
import { WinnerAccess } from './verification/winner-access';
import { WinnerIdentities } from './verification/winner-identities';

const SERVICES = [
  ResultsGate,
  ResultBuilder,
  CloseRound,
  PublishResults,
  CorrectResults,
  CorrectionPeople,
  AttemptReview,
  BoardSync,
  ResultsQuery,
  RulesService,
  ContestAwards,
  ResultDocuments,
  ResultExportWriter,
  ExportJobs,
  JudgedRanking,
  AdvancementService,
  AdvancementPreviewService,
];

/** Results without HTTP: closing, ranking, corrections, exports (the bench uses it directly). */
@Module({
  imports: [ContestsCoreModule, AttemptsCoreModule, LeaderboardModule, JudgedEntriesModule, BullModule.registerQueue({ name: Queues.exports })],
  providers: SERVICES,
  exports: SERVICES,
})
export class ResultsCoreModule {}

/** Closing rounds, results, corrections, reviews of flagged attempts, awards and exports (HTTP side). */
@Module({
  imports: [ResultsCoreModule],
  controllers: [ResultsController, RulesController, VerificationController, AdvancementController],
  providers: [WinnerAccess, WinnerIdentities, DecideVerification, PayoutExport],
})
export class ResultsModule {}

/** Queue processors for results (exports). */
@Module({ imports: [ResultsCoreModule], providers: [ResultExportProcessor] })
export class ResultsWorkerModule {}
