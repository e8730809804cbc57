import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ContestsCoreModule } from '@lc/contests';
import { LeaderboardModule } from '@lc/leaderboard';
import { RealtimeApiModule, RealtimeModule } from '@lc/realtime';
import { PersonalFirstScreenSource, Queues } from '@lc/platform';
import { AnswerService } from './answers/answer.service';
import { AutosaveHandler } from './answers/autosave.handler';
import { AttemptRecords } from './attempt/attempt-records.service';
import { AttemptsController } from './attempts.controller';
import { AttemptExpiryBootstrap, AttemptExpiryProcessor } from './expiry/attempt-expiry.processor';
import { DeadlineSweeper } from './expiry/deadline-sweeper';
import { AttemptHotStore } from './hot/attempt-hot-store';
import { AttemptEventsGateway } from './integrity/attempt-events.gateway';
import { AttemptAnswersGateway } from './answers/answers.gateway';
import { AttemptIntegrityService } from './integrity/attempt-integrity.service';
import { AttemptStartService } from './start/attempt-start.service';
import { AttemptFinaliser } from './submit/attempt-finaliser.service';
import { AttemptQueryService } from './view/attempt-query.service';
import { ResumeFirstScreen } from './view/resume-first-screen';
import { AnswerWritebackService } from './writeback/answer-writeback.service';
import { AnswerWritebackTimer } from './writeback/answer-writeback.processor';

const SERVICES = [
  AttemptHotStore,
  AttemptRecords,
  AttemptFinaliser,
  AttemptStartService,
  AnswerService,
  AttemptQueryService,
  AttemptIntegrityService,
  AnswerWritebackService,
];

/** Attempts' services, for the api, the worker and higher modules (judging). */
@Module({
  imports: [ContestsCoreModule, LeaderboardModule, RealtimeModule, BullModule.registerQueue({ name: Queues.attemptExpiry }, { name: Queues.answerWriteback })],
  providers: SERVICES,
  exports: SERVICES,
})
export class AttemptsCoreModule {}

/** The HTTP and socket side (api). */
@Module({
  imports: [AttemptsCoreModule, RealtimeApiModule],
  controllers: [AttemptsController],
  providers: [AutosaveHandler, AttemptEventsGateway, AttemptAnswersGateway, { provide: PersonalFirstScreenSource, useClass: ResumeFirstScreen }],
})
export class AttemptsModule {}

/** The worker side: write-behind of answers, and finalising attempts at their deadline. */
@Module({
  imports: [AttemptsCoreModule],
  providers: [AnswerWritebackTimer, DeadlineSweeper, AttemptExpiryProcessor, AttemptExpiryBootstrap],
})
export class AttemptsWorkerModule {}
