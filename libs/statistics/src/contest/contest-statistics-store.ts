import type { EntityManager } from 'typeorm';
import { PER_DAY_SQL, PER_ROUND_SQL, placeRows, SCORE_BANDS_SQL, TOTALS_SQL, VERSIONS_SQL } from '../common/entry-sql';
import type { DayRange } from '../common/period';
import type { PlaceRow } from '../common/places';
import type { PoolQuestion } from '@lc/question-bank';

/** The SQL of a contest's statistics (ContestStatisticsService shapes what it reads). */

export interface ContestRow {
  id: string;
  title: string;
  slug: string;
  status: string;
  organisation_id: string;
}
export interface RoundRow {
  id: string;
  seq: number;
  title: string;
  kind: string;
  status: string;
  opens_at: Date;
  closes_at: Date;
}
export interface TotalsRow {
  entries: number;
  unique_entrants: number;
  submitted: number;
  expired: number;
  voided: number;
  average_ratio: number | null;
}
export interface PerRoundRow {
  round_id: string;
  entries: number;
  unique_entrants: number;
  average_score: number | null;
  max_score: number | null;
  average_ratio: number | null;
  average_time_ms: number | null;
  perfect: number;
}
export interface PerDayRow {
  day: string;
  round_id: string | null;
  all_rounds: number;
  entries: number;
  unique_entrants: number;
}
export interface VersionRow {
  version_id: string;
  question_id: string;
  type: PoolQuestion['type'];
  stem: string;
  options: PoolQuestion['options'];
  answer: PoolQuestion['answer'];
  points: number;
}

export async function contestAndRounds(m: EntityManager, contestId: string): Promise<{ contest: ContestRow; rounds: RoundRow[] }> {
  const [contest] = (await m.query('SELECT id, title, slug, status, organisation_id FROM contest WHERE id = $1', [contestId])) as ContestRow[];
  const rounds = (await m.query('SELECT id, seq, title, kind, status, opens_at, closes_at FROM round WHERE contest_id = $1 ORDER BY seq', [
    contestId,
  ])) as RoundRow[];
  return { contest, rounds };
}

/** Every figure of the rounds' entries in the period, one statement each (inside the caller's snapshot). */
export async function contestFigures(
  m: EntityManager,
  contestId: string,
  roundIds: string[],
  range: DayRange,
): Promise<{
  totals: TotalsRow;
  registrations: number;
  perRound: PerRoundRow[];
  perDay: PerDayRow[];
  places: PlaceRow[];
  bands: { round_id: string; band: number; count: number }[];
}> {
  const p = [roundIds, range.start, range.end];
  const [totals] = (await m.query(TOTALS_SQL, p)) as TotalsRow[];
  const [{ registrations }] = (await m.query(
    `SELECT count(*)::int AS registrations FROM registration
      WHERE contest_id = $1 AND ($2::timestamptz IS NULL OR created_at >= $2) AND ($3::timestamptz IS NULL OR created_at < $3)`,
    [contestId, range.start, range.end],
  )) as { registrations: number }[];
  const perRound = (await m.query(PER_ROUND_SQL, p)) as PerRoundRow[];
  const perDay = (await m.query(PER_DAY_SQL, p)) as PerDayRow[];
  const places = await placeRows(m, roundIds, range.start, range.end);
  const bands = (await m.query(SCORE_BANDS_SQL, p)) as { round_id: string; band: number; count: number }[];
  return { totals, registrations, perRound, perDay, places, bands };
}

/** The question versions answers refer to (immutable once a round drew them). */
export function versionRows(m: EntityManager, ids: string[]): Promise<VersionRow[]> {
  return m.query(VERSIONS_SQL, [ids]);
}
