import { Module } from '@nestjs/common';
import { ContestStatisticsService } from './contest/contest-statistics.service';
import { OrganisationReportService } from './report/organisation-report.service';
import { StatisticsController } from './statistics.controller';
import { AnswerTallyService } from './tally/answer-tally.service';

/** Contest statistics and the organisation's period report (api only; reads, never writes). */
@Module({
  controllers: [StatisticsController],
  providers: [ContestStatisticsService, OrganisationReportService, AnswerTallyService],
  exports: [ContestStatisticsService, OrganisationReportService],
})
export class StatisticsModule {}
