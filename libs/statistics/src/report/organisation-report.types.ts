import type { ReportPeriod } from '../common/period';
import type { ProvinceStatistics, UnitStatistics } from '../contest/contest-statistics.types';

export interface PeriodFigures {
  /** Contests with a round open at some time in the period. */
  contests: number;
  /** Rounds open at some time in the period. */
  rounds: number;
  registrations: number;
  entries: number;
  uniqueEntrants: number;
  /** People awarded a prize; null while no results module reports it. */
  winners: number;
}

export interface Change {
  difference: number | null;
  /** Relative change in percent (one decimal); null when the previous figure is 0 or unknown. */
  percent: number | null;
}

export interface ReportContest {
  id: string;
  title: string;
  slug: string;
  status: string;
  rounds: number;
  registrations: number;
  entries: number;
  uniqueEntrants: number;
}

/** GET /organisations/:id/report?format=json */
export interface OrganisationReport {
  organisation: { id: string; name: string; level: string };
  period: ReportPeriod & { timeZone: 'Asia/Ho_Chi_Minh' };
  previousPeriod: ReportPeriod;
  generatedAt: string;
  current: PeriodFigures;
  previous: PeriodFigures;
  change: Record<keyof PeriodFigures, Change>;
  contests: ReportContest[];
  byProvince: ProvinceStatistics[];
  byUnit: UnitStatistics[];
}
