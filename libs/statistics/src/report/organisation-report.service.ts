import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { forbidden } from '@lc/platform';
import { BY_PLACE_SQL, ENTRY_WHERE, entryWhere } from '../common/entry-sql';
import { dayRange, percentChange, previousPeriod, reportPeriod, type ReportPeriod, VN_TIME_ZONE } from '../common/period';
import { type PlaceRow, splitPlaces } from '../common/places';
import { readOnlySnapshot } from '../common/snapshot';
import type { Change, OrganisationReport, PeriodFigures, ReportContest } from './organisation-report.types';

interface RoundRow {
  id: string;
  contest_id: string;
}

/**
 * The half-year or annual summary an organisation sends upward: what it ran, how many took
 * part and where they came from, next to the period before.
 */
@Injectable()
export class OrganisationReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Organisers of the organisation and admins (its judges get 403; other tenants 404). */
  async compute(actor: Actor, organisationId: string, year: number, half: 1 | 2 | null): Promise<OrganisationReport> {
    await this.access.require(actor, 'organisation', organisationId, 'read');
    if (actor.role !== 'organiser' && actor.role !== 'admin') throw forbidden('Only organisers of this organisation may download its report');
    const period = reportPeriod(year, half);
    const previous = previousPeriod(period);
    return readOnlySnapshot(this.db, async (m) => {
      const [org] = (await m.query('SELECT id, name, level FROM organisation WHERE id = $1', [organisationId])) as {
        id: string;
        name: string;
        level: string;
      }[];
      const cur = await this.figures(m, organisationId, period);
      const prev = await this.figures(m, organisationId, previous);
      const { byProvince, byUnit } = splitPlaces((await m.query(BY_PLACE_SQL, [cur.roundIds, cur.start, cur.end])) as PlaceRow[]);
      return {
        organisation: org,
        period: { ...period, timeZone: VN_TIME_ZONE },
        previousPeriod: previous,
        generatedAt: new Date().toISOString(),
        current: cur.figures,
        previous: prev.figures,
        change: compare(cur.figures, prev.figures),
        contests: cur.contests,
        byProvince,
        byUnit,
      };
    });
  }

  private async figures(m: EntityManager, organisationId: string, p: ReportPeriod) {
    const { start, end } = dayRange(p.from, p.to);
    // Every round of the organisation's contests: entries are filtered by when they were made.
    const all = (await m.query('SELECT r.id, r.contest_id FROM round r JOIN contest c ON c.id = r.contest_id WHERE c.organisation_id = $1', [
      organisationId,
    ])) as RoundRow[];
    const roundIds = all.map((r) => r.id);
    const contests = (await m.query(
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
    )) as { id: string; title: string; slug: string; status: string; rounds: number; registrations: number; entries: number; unique_entrants: number }[];
    const [people] = (await m.query(`SELECT count(*)::int AS entries, count(DISTINCT a.user_id)::int AS unique_entrants FROM attempt a WHERE ${ENTRY_WHERE}`, [
      roundIds,
      start,
      end,
    ])) as { entries: number; unique_entrants: number }[];
    const list: ReportContest[] = contests.map((c) => ({
      id: c.id,
      title: c.title,
      slug: c.slug,
      status: c.status,
      rounds: c.rounds,
      registrations: c.registrations,
      entries: c.entries,
      uniqueEntrants: c.unique_entrants,
    }));
    const held = list.filter((c) => c.rounds > 0);
    const figures: PeriodFigures = {
      contests: held.length,
      rounds: held.reduce((n, c) => n + c.rounds, 0),
      registrations: list.reduce((n, c) => n + c.registrations, 0),
      entries: people.entries,
      uniqueEntrants: people.unique_entrants,
      winners: await countWinners(
        m,
        list.map((c) => c.id),
        start!,
        end!,
      ),
    };
    return { figures, contests: list, roundIds, start, end };
  }
}

/**
 * People given a prize in results published during the period (each person once). Results
 * belong to the judging module; like AccessService, this names its tables rather than
 * importing it, since judging already depends on statistics' neighbours.
 */
async function countWinners(m: EntityManager, contestIds: string[], start: Date, end: Date): Promise<number> {
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

function compare(cur: PeriodFigures, prev: PeriodFigures): Record<keyof PeriodFigures, Change> {
  const keys = Object.keys(cur) as (keyof PeriodFigures)[];
  return Object.fromEntries(
    keys.map((k) => {
      const a = cur[k];
      const b = prev[k];
      return [k, a === null || b === null ? { difference: null, percent: null } : { difference: a - b, percent: percentChange(a, b) }];
    }),
  ) as Record<keyof PeriodFigures, Change>;
}
