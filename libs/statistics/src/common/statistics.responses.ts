import { ApiProperty } from '@nestjs/swagger';
import { QUESTION_TYPES, type QuestionType } from '@lc/question-bank';
import type { ContestStatistics, Counts, DayStatistics, RoundScoreDistribution, RoundStatistics } from '../contest/contest-statistics.types';
import type { ChoiceCount, QuestionFlag, QuestionStat, QuestionThresholds } from '../contest/question-stats';
import type { Change, OrganisationReport, PeriodFigures, ReportContest } from '../report/organisation-report.types';
import type { ScoreBand } from './histogram';
import type { ReportPeriod } from './period';

/** Response bodies of the statistics routes as JSON (OpenAPI; the web app's types are generated from them). */
class CountsResponse implements Counts {
  @ApiProperty({ type: 'integer', description: 'Submitted or expired attempts, not void' }) entries!: number;
  @ApiProperty({ type: 'integer' }) uniqueEntrants!: number;
}

class RoundStatisticsResponse extends CountsResponse implements RoundStatistics {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ type: Number, nullable: true }) averageScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) averageScorePercent!: number | null;
  @ApiProperty({ type: Number, nullable: true }) averageTimeTakenMs!: number | null;
  @ApiProperty({ type: 'integer', description: 'Entries with full marks' }) perfectEntries!: number;
}

class RoundCounts extends CountsResponse {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
}

class DayStatisticsResponse extends CountsResponse implements DayStatistics {
  @ApiProperty({ format: 'date', description: 'Vietnam calendar day' }) date!: string;
  @ApiProperty({ type: () => [RoundCounts] }) rounds!: RoundCounts[];
}

class ProvinceCounts extends CountsResponse {
  @ApiProperty({ type: String, nullable: true }) province!: string | null;
}

class CommuneCounts extends ProvinceCounts {
  @ApiProperty({ type: String, nullable: true }) commune!: string | null;
}

class UnitCounts extends CountsResponse {
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
}

class ScoreBandResponse implements ScoreBand {
  @ApiProperty({ description: 'Lower bound in percent of the maximum score, inclusive' }) fromPercent!: number;
  @ApiProperty({ description: 'Upper bound, exclusive except for the last band' }) toPercent!: number;
  @ApiProperty({ type: 'integer' }) count!: number;
}

class RoundScoreDistributionResponse implements RoundScoreDistribution {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ type: 'integer' }) entries!: number;
  @ApiProperty({ type: () => [ScoreBandResponse] }) bands!: ScoreBandResponse[];
}

class ChoiceCountResponse implements ChoiceCount {
  @ApiProperty() optionId!: string;
  @ApiProperty() text!: string;
  @ApiProperty() correct!: boolean;
  @ApiProperty({ type: 'integer' }) count!: number;
}

class QuestionStatResponse implements QuestionStat {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: QuestionType;
  @ApiProperty() stem!: string;
  @ApiProperty({ type: 'integer' }) drawn!: number;
  @ApiProperty({ type: 'integer' }) answered!: number;
  @ApiProperty({ type: 'integer' }) correct!: number;
  @ApiProperty({ type: Number, nullable: true }) correctPercent!: number | null;
  @ApiProperty({ type: Number, nullable: true }) averageTimeMs!: number | null;
  @ApiProperty({ type: () => [ChoiceCountResponse], nullable: true }) choices!: ChoiceCountResponse[] | null;
  @ApiProperty({ enum: ['too_hard', 'too_easy', 'key_suspect'], isArray: true }) flags!: QuestionFlag[];
}

class ThresholdsResponse implements QuestionThresholds {
  @ApiProperty() lowCorrectPercent!: number;
  @ApiProperty() highCorrectPercent!: number;
  @ApiProperty({ type: 'integer' }) minDrawn!: number;
}

class StatisticsContest {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
}

class StatisticsPeriod {
  @ApiProperty({ type: String, format: 'date', nullable: true }) from!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) to!: string | null;
  @ApiProperty({ enum: ['Asia/Ho_Chi_Minh'] }) timeZone!: 'Asia/Ho_Chi_Minh';
}

class StatisticsTotals extends CountsResponse {
  @ApiProperty({ type: 'integer' }) registrations!: number;
  @ApiProperty({ type: 'integer' }) submitted!: number;
  @ApiProperty({ type: 'integer' }) expired!: number;
  @ApiProperty({ type: 'integer' }) voided!: number;
  @ApiProperty({ type: Number, nullable: true }) averageScorePercent!: number | null;
}

export class ContestStatisticsResponse implements ContestStatistics {
  @ApiProperty({ type: () => StatisticsContest }) contest!: StatisticsContest;
  @ApiProperty({ type: () => StatisticsPeriod }) period!: StatisticsPeriod;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: () => StatisticsTotals }) totals!: StatisticsTotals;
  @ApiProperty({ type: () => [RoundStatisticsResponse] }) rounds!: RoundStatisticsResponse[];
  @ApiProperty({ type: () => [DayStatisticsResponse] }) perDay!: DayStatisticsResponse[];
  @ApiProperty({ type: () => [ProvinceCounts] }) byProvince!: ProvinceCounts[];
  @ApiProperty({ type: () => [CommuneCounts] }) byCommune!: CommuneCounts[];
  @ApiProperty({ type: () => [UnitCounts] }) byUnit!: UnitCounts[];
  @ApiProperty({ type: () => [RoundScoreDistributionResponse] }) scoreDistribution!: RoundScoreDistributionResponse[];
  @ApiProperty({ enum: ['complete', 'pending'], description: 'pending: answers are still being grouped; questions is empty, ask again shortly' })
  questionsStatus!: 'complete' | 'pending';
  @ApiProperty({ type: () => [QuestionStatResponse] }) questions!: QuestionStatResponse[];
  @ApiProperty({ type: () => ThresholdsResponse }) thresholds!: ThresholdsResponse;
}

class ReportPeriodResponse implements ReportPeriod {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer', enum: [1, 2], nullable: true }) half!: 1 | 2 | null;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty() label!: string;
}

class ReportPeriodInZone extends ReportPeriodResponse {
  @ApiProperty({ enum: ['Asia/Ho_Chi_Minh'] }) timeZone!: 'Asia/Ho_Chi_Minh';
}

class PeriodFiguresResponse implements PeriodFigures {
  @ApiProperty({ type: 'integer' }) contests!: number;
  @ApiProperty({ type: 'integer' }) rounds!: number;
  @ApiProperty({ type: 'integer' }) registrations!: number;
  @ApiProperty({ type: 'integer' }) entries!: number;
  @ApiProperty({ type: 'integer' }) uniqueEntrants!: number;
  @ApiProperty({ type: 'integer' }) winners!: number;
}

class ChangeResponse implements Change {
  @ApiProperty({ type: Number, nullable: true }) difference!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent, one decimal; null when the previous figure is 0' }) percent!: number | null;
}

class PeriodChanges implements Record<keyof PeriodFigures, Change> {
  @ApiProperty({ type: () => ChangeResponse }) contests!: ChangeResponse;
  @ApiProperty({ type: () => ChangeResponse }) rounds!: ChangeResponse;
  @ApiProperty({ type: () => ChangeResponse }) registrations!: ChangeResponse;
  @ApiProperty({ type: () => ChangeResponse }) entries!: ChangeResponse;
  @ApiProperty({ type: () => ChangeResponse }) uniqueEntrants!: ChangeResponse;
  @ApiProperty({ type: () => ChangeResponse }) winners!: ChangeResponse;
}

class ReportContestResponse implements ReportContest {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: 'integer' }) rounds!: number;
  @ApiProperty({ type: 'integer' }) registrations!: number;
  @ApiProperty({ type: 'integer' }) entries!: number;
  @ApiProperty({ type: 'integer' }) uniqueEntrants!: number;
}

class ReportOrganisation {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() level!: string;
}

export class OrganisationReportResponse implements OrganisationReport {
  @ApiProperty({ type: () => ReportOrganisation }) organisation!: ReportOrganisation;
  @ApiProperty({ type: () => ReportPeriodInZone }) period!: ReportPeriodInZone;
  @ApiProperty({ type: () => ReportPeriodResponse }) previousPeriod!: ReportPeriodResponse;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: () => PeriodFiguresResponse }) current!: PeriodFiguresResponse;
  @ApiProperty({ type: () => PeriodFiguresResponse }) previous!: PeriodFiguresResponse;
  @ApiProperty({ type: () => PeriodChanges }) change!: PeriodChanges;
  @ApiProperty({ type: () => [ReportContestResponse] }) contests!: ReportContestResponse[];
  @ApiProperty({ type: () => [ProvinceCounts] }) byProvince!: ProvinceCounts[];
  @ApiProperty({ type: () => [UnitCounts] }) byUnit!: UnitCounts[];
}
