/** The JSON of GET /contests/:id/statistics (libs/statistics, ContestStatistics). */
export interface Counts {
  entries: number;
  uniqueEntrants: number;
}

export type QuestionFlag = 'too_hard' | 'too_easy' | 'key_suspect';

export interface QuestionStat {
  roundId: string;
  questionId: string;
  versionId: string;
  type: string;
  stem: string;
  drawn: number;
  answered: number;
  correct: number;
  correctPercent: number | null;
  averageTimeMs: number | null;
  choices: { optionId: string; text: string; correct: boolean; count: number }[] | null;
  flags: QuestionFlag[];
}

export interface RoundStat extends Counts {
  id: string;
  seq: number;
  title: string;
  kind: string;
  status: string;
  opensAt: string;
  closesAt: string;
  averageScore: number | null;
  maxScore: number | null;
  averageScorePercent: number | null;
  averageTimeTakenMs: number | null;
  perfectEntries: number;
}

export interface ContestStatistics {
  contest: { id: string; title: string; slug: string; status: string; organisationId: string };
  period: { from: string | null; to: string | null; timeZone: string };
  generatedAt: string;
  totals: Counts & { registrations: number; submitted: number; expired: number; voided: number; averageScorePercent: number | null };
  rounds: RoundStat[];
  perDay: (Counts & { date: string; rounds: (Counts & { roundId: string })[] })[];
  byProvince: (Counts & { province: string | null })[];
  byCommune: (Counts & { province: string | null; commune: string | null })[];
  byUnit: (Counts & { unit: string | null })[];
  scoreDistribution: { roundId: string; entries: number; bands: { fromPercent: number; toPercent: number; count: number }[] }[];
  questionsStatus: 'complete' | 'pending';
  questions: QuestionStat[];
  thresholds: { lowCorrectPercent: number; highCorrectPercent: number; minDrawn: number };
}
