import type { ScoreBand } from '../common/histogram';
import type { QuestionStat, QuestionThresholds } from './question-stats';

/** Entries (submitted or expired attempts, not void) and the distinct people behind them. */
export interface Counts {
  entries: number;
  uniqueEntrants: number;
}

export interface RoundStatistics extends Counts {
  id: string;
  seq: number;
  title: string;
  kind: string;
  status: string;
  opensAt: string;
  closesAt: string;
  averageScore: number | null;
  /** The largest maximum score seen (rounds draw the same number of points per attempt). */
  maxScore: number | null;
  averageScorePercent: number | null;
  averageTimeTakenMs: number | null;
  /** Entries with full marks. */
  perfectEntries: number;
}

export interface DayStatistics extends Counts {
  /** Vietnam calendar day, YYYY-MM-DD. */
  date: string;
  rounds: (Counts & { roundId: string })[];
}

export interface ProvinceStatistics extends Counts {
  province: string | null;
}
export interface CommuneStatistics extends Counts {
  province: string | null;
  commune: string | null;
}
export interface UnitStatistics extends Counts {
  unit: string | null;
}

export interface RoundScoreDistribution {
  roundId: string;
  entries: number;
  bands: ScoreBand[];
}

/** GET /contests/:id/statistics?format=json */
export interface ContestStatistics {
  contest: { id: string; title: string; slug: string; status: string; organisationId: string };
  period: { from: string | null; to: string | null; timeZone: 'Asia/Ho_Chi_Minh' };
  generatedAt: string;
  totals: Counts & { registrations: number; submitted: number; expired: number; voided: number; averageScorePercent: number | null };
  rounds: RoundStatistics[];
  perDay: DayStatistics[];
  byProvince: ProvinceStatistics[];
  byCommune: CommuneStatistics[];
  byUnit: UnitStatistics[];
  scoreDistribution: RoundScoreDistribution[];
  /** 'pending' while answers of a big day are still being grouped in the background: questions is then empty; ask again shortly. */
  questionsStatus: 'complete' | 'pending';
  /** Per round and question version, worst correct rate first. */
  questions: QuestionStat[];
  thresholds: QuestionThresholds;
}
