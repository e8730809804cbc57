/** GET /contests/:id/statistics (libs/statistics, ContestStatistics): aliases of the generated schemas. */
import type { components } from '../../shared/api/schema';

type Schemas = components['schemas'];

export type ContestStatistics = Schemas['ContestStatisticsResponse'];
export type Counts = Pick<ContestStatistics['totals'], 'entries' | 'uniqueEntrants'>;
export type QuestionStat = Schemas['QuestionStatResponse'];
export type QuestionFlag = QuestionStat['flags'][number];
export type RoundStat = Schemas['RoundStatisticsResponse'];
