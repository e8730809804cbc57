import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { FirstScreenSource, Queues } from '@lc/platform';
import { QuestionBankModule } from '@lc/question-bank';
import { ContestListFirstScreen } from './contest/contest-list-first-screen';
import { ContestsController } from './contest/contests.controller';
import { ContestsService } from './contest/contests.service';
import { EnrolmentService } from './enrolment/enrolment.service';
import { JudgeAssignmentsService } from './judges/judge-assignments.service';
import { RoundJudgesService } from './judges/round-judges.service';
import { RoundPoolService } from './pool/round-pool.service';
import { WithheldKeysService } from './pool/withheld-keys.service';
import { RegistrationsService } from './registration/registrations.service';
import { RoundLifecycle } from './round/lifecycle/round-lifecycle.service';
import { RoundStore } from './round/lifecycle/round-store';
import { RoundLookup } from './round/round-lookup.service';
import { RoundsController } from './round/rounds.controller';
import { RoundsService } from './round/rounds.service';
import { RoundScheduleBootstrap, RoundScheduleProcessor } from './schedule/round-schedule.processor';
import { RoundClosedMarker } from './schedule/round-closed-marker';
import { RoundScheduleService } from './schedule/round-schedule.service';

const SERVICES = [
  ContestsService,
  RoundsService,
  RoundPoolService,
  WithheldKeysService,
  RoundLookup,
  RoundScheduleService,
  RoundLifecycle,
  RoundStore,
  RoundClosedMarker,
  RegistrationsService,
  EnrolmentService,
  RoundJudgesService,
  JudgeAssignmentsService,
];

/** Contests, rounds, registration and enrolment services, for the api, the worker and higher modules. */
@Module({
  imports: [QuestionBankModule, BullModule.registerQueue({ name: Queues.roundSchedule })],
  providers: SERVICES,
  exports: SERVICES,
})
export class ContestsCoreModule {}

/** The HTTP side (api). */
@Module({
  imports: [ContestsCoreModule],
  controllers: [ContestsController, RoundsController],
  providers: [{ provide: FirstScreenSource, useClass: ContestListFirstScreen }],
})
export class ContestsModule {}

/** The worker side: rounds open and close on time. */
@Module({ imports: [ContestsCoreModule], providers: [RoundScheduleProcessor, RoundScheduleBootstrap] })
export class ContestsWorkerModule {}
