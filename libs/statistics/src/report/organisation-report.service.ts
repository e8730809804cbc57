import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { forbidden, ReadReplica } from '@lc/platform';
import { placeRows } from '../common/entry-sql';
import { dayRange, percentChange, previousPeriod, reportPeriod, type ReportPeriod, VN_TIME_ZONE } from '../common/period';
import { splitPlaces } from '../common/places';
import { readOnlySnapshot } from '../common/snapshot';
import { contestsInPeriod, countWinners, entryCounts, organisationRoundIds, organisationRow } from './organisation-report-store';
import type { Change, OrganisationReport, PeriodFigures, ReportContest } from './organisation-report.types';

/**
 * The half-year or annual summary an organisation sends upward: what it ran, how many took
 * part and where they came from, next to the period before.
 */
@Injectable()
export class OrganisationReportService {
  constructor(
    private readonly replica: ReadReplica,
    private readonly access: AccessService,
  ) {}

  /** Organisers of the organisation and admins (its judges get 403; other tenants 404). */
  async compute(actor: Actor, organisationId: string, year: number, half: 1 | 2 | null): Promise<OrganisationReport> {
    await this.access.require(actor, 'organisation', organisationId, 'read');
    if (actor.role !== 'organiser' && actor.role !== 'admin') throw forbidden('Only organisers of this organisation may download its report');
    const period = reportPeriod(year, half);
    const previous = previousPeriod(period);
    return readOnlySnapshot(this.replica, async (m) => {
      const org = await organisationRow(m, organisationId);
      const cur = await this.figures(m, organisationId, period);
      const prev = await this.figures(m, organisationId, previous);
      const { byProvince, byUnit } = splitPlaces(await placeRows(m, cur.roundIds, cur.start, cur.end));
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
    const roundIds = await organisationRoundIds(m, organisationId);
    const contests = await contestsInPeriod(m, organisationId, start!, end!, roundIds);
    const people = await entryCounts(m, roundIds, start!, end!);
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
