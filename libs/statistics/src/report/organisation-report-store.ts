import type { EntityManager } from 'typeorm';
import { ENTRY_WHERE, entryWhere } from '../common/entry-sql';

/** The SQL of an organisation's report (OrganisationReportService shapes what it reads). */

export interface ContestFiguresRow {
  id: string;
  title: string;
  slug: string;
  status: string;
  rounds: number;
  registrations: number;
  entries: number;
  unique_entrants: number;
}

export async function organisationRow(m: EntityManager, organisationId: string): Promise<{ id: string; name: string; level: string }> {
  const [org] = (await m.query('SELECT id, name, level FROM organisation WHERE id = $1', [organisationId])) as { id: string; name: string; level: string }[];
  return org;
}

/** Every round of the organisation's contests: entries are filtered by when they were made. */
export async function organisationRoundIds(m: EntityManager, organisationId: string): Promise<string[]> {
  const rows = (await m.query('SELECT r.id FROM round r JOIN contest c ON c.id = r.contest_id WHERE c.organisation_id = $1', [organisationId])) as {
    id: string;
  }[];
  return rows.map((r) => r.id);
}

/** The contests that held rounds or had entries in [start, end), with their figures. */
export function contestsInPeriod(m: EntityManager, organisationId: string, start: Date, end: Date, roundIds: string[]): Promise<ContestFiguresRow[]> {
  return m.query(
    `WITH held AS (
       SELECT r.contest_id, count(*)::int AS rounds FROM round r JOIN contest c ON c.id = r.contest_id
        WHERE c.organisation_id = $1 AND c.status <> 'draft' AND r.status <> 'draft' AND r.opens_at < $3 AND r.closes_at >= $2
        GROUP BY r.contest_id
     ), reg AS (
       SELECT g.contest_id, count(*)::int AS registrations FROM registration g JOIN contest c ON c.id = g.contest_id
        WHERE c.organisation_id = $1 AND g.created_at >= $2 AND g.created_at < $3 GROUP BY g.contest_id
     ), ent AS (
       SELECT a.contest_id, count(*)::int AS entries, count(DISTINCT a.user_id)::int AS unique_entrants
         FROM attempt a WHERE ${entryWhere('$4')}
        GROUP BY a.contest_id
     )
     SELECT c.id, c.title, c.slug, c.status, COALESCE(held.rounds, 0) AS rounds, COALESCE(reg.registrations, 0) AS registrations,
            COALESCE(ent.entries, 0) AS entries, COALESCE(ent.unique_entrants, 0) AS unique_entrants
       FROM contest c LEFT JOIN held ON held.contest_id = c.id LEFT JOIN reg ON reg.contest_id = c.id LEFT JOIN ent ON ent.contest_id = c.id
      WHERE c.organisation_id = $1 AND (held.contest_id IS NOT NULL OR ent.contest_id IS NOT NULL)
      ORDER BY c.created_at, c.id`,
    [organisationId, start, end, roundIds],
  );
}

export async function entryCounts(m: EntityManager, roundIds: string[], start: Date, end: Date): Promise<{ entries: number; unique_entrants: number }> {
  const [people] = (await m.query(`SELECT count(*)::int AS entries, count(DISTINCT a.user_id)::int AS unique_entrants FROM attempt a WHERE ${ENTRY_WHERE}`, [
    roundIds,
    start,
    end,
  ])) as { entries: number; unique_entrants: number }[];
  return people;
}

/**
 * People given a prize in results published during the period (each person once). Results
 * belong to the judging module; like AccessService, this names its tables rather than
 * importing it, since judging already depends on statistics' neighbours.
 */
export async function countWinners(m: EntityManager, contestIds: string[], start: Date, end: Date): Promise<number> {
  if (!contestIds.length) return 0;
  const [row] = (await m.query(
    `SELECT count(DISTINCT e.user_id)::int AS n
       FROM round_result r JOIN result_entry e ON e.round_id = r.round_id
      WHERE r.contest_id = ANY($1::uuid[]) AND r.status = 'published' AND e.prize_code IS NOT NULL
        AND r.published_at >= $2 AND r.published_at < $3`,
    [contestIds, start, end],
  )) as { n: number }[];
  return row.n;
}
