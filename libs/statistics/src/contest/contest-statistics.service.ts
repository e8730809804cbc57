import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { ReadReplica } from '@lc/platform';
import type { PoolQuestion } from '@lc/question-bank';
import { percent, round2, scoreBands } from '../common/histogram';
import { dayRange, type DayRange, fillDays, VN_TIME_ZONE, vnDay } from '../common/period';
import { splitPlaces } from '../common/places';
import { readOnlySnapshot } from '../common/snapshot';
import { AnswerTallyService, IN_REQUEST_ENTRIES, type Tallies } from '../tally/answer-tally.service';
import { contestAndRounds, contestFigures, type PerDayRow, versionRows } from './contest-statistics-store';
import type { ContestStatistics, DayStatistics, RoundStatistics } from './contest-statistics.types';
import { DEFAULT_THRESHOLDS, questionStats } from './question-stats';

/**
 * A contest's statistics, aggregated in PostgreSQL (GROUP BY, GROUPING SETS) inside one
 * read-only snapshot, so every figure describes the same moment and no attempt rows are
 * loaded into the process. The snapshot reads the streaming replica while it keeps within
 * REPLICA_MAX_LAG_MS (ReadReplica.snapshot), so figures may be that much behind.
 */
@Injectable()
export class ContestStatisticsService {
  constructor(
    private readonly replica: ReadReplica,
    private readonly access: AccessService,
    private readonly tallies: AnswerTallyService,
  ) {}

  /**
   * Organisers of the owning organisation and admins; its judges only when assigned to one
   * of its rounds (AccessService: 403 otherwise); other tenants 404.
   */
  async requireReader(actor: Actor, contestId: string): Promise<void> {
    await this.access.require(actor, 'contest', contestId, 'read');
  }

  /**
   * `budget`: entries whose answers this request may group itself (see AnswerTallyService);
   * past it the per-question figures are left to the background and reported as pending.
   */
  async compute(actor: Actor, contestId: string, from: string | null, to: string | null, budget = IN_REQUEST_ENTRIES): Promise<ContestStatistics> {
    await this.requireReader(actor, contestId);
    const range = dayRange(from, to);
    let tallies: Tallies | undefined;
    const stats = await readOnlySnapshot(this.replica, async (m) => {
      const r = await this.read(m, contestId, range, budget);
      tallies = r.tallies;
      return r.stats;
    });
    if (tallies) await this.tallies.keep(tallies);
    return stats;
  }

  private async read(m: EntityManager, contestId: string, range: DayRange, budget: number): Promise<{ stats: ContestStatistics; tallies: Tallies }> {
    const { contest, rounds } = await contestAndRounds(m, contestId);
    const figures = await contestFigures(
      m,
      contestId,
      rounds.map((r) => r.id),
      range,
    );
    const { totals, registrations, perRound, perDay, bands } = figures;
    const places = splitPlaces(figures.places);
    const tallies = await this.tallies.read(
      m,
      rounds.map((r) => r.id),
      range,
      budget,
    );
    const pending = tallies.pending.length > 0;
    const versions = pending ? new Map() : await this.versions(m, [...new Set(tallies.groups.map((g) => g.versionId))]);
    const order = new Map(rounds.map((r, i) => [r.id, i]));

    const byRound = new Map(perRound.map((r) => [r.round_id, r]));
    const roundStats: RoundStatistics[] = rounds.map((r) => {
      const s = byRound.get(r.id);
      return {
        id: r.id,
        seq: r.seq,
        title: r.title,
        kind: r.kind,
        status: r.status,
        opensAt: new Date(r.opens_at).toISOString(),
        closesAt: new Date(r.closes_at).toISOString(),
        entries: s?.entries ?? 0,
        uniqueEntrants: s?.unique_entrants ?? 0,
        averageScore: s?.average_score == null ? null : round2(s.average_score),
        maxScore: s?.max_score ?? null,
        averageScorePercent: s?.average_ratio == null ? null : percent(s.average_ratio, 1),
        averageTimeTakenMs: s?.average_time_ms == null ? null : Math.round(s.average_time_ms),
        perfectEntries: s?.perfect ?? 0,
      };
    });

    const stats: ContestStatistics = {
      contest: { id: contest.id, title: contest.title, slug: contest.slug, status: contest.status, organisationId: contest.organisation_id },
      period: { from: range.from, to: range.to, timeZone: VN_TIME_ZONE },
      generatedAt: new Date().toISOString(),
      totals: {
        registrations,
        entries: totals.entries,
        uniqueEntrants: totals.unique_entrants,
        submitted: totals.submitted,
        expired: totals.expired,
        voided: totals.voided,
        averageScorePercent: totals.average_ratio == null ? null : percent(totals.average_ratio, 1),
      },
      rounds: roundStats,
      perDay: days(perDay, range),
      ...places,
      scoreDistribution: rounds.map((r) => {
        const mine = bands.filter((b) => b.round_id === r.id);
        return { roundId: r.id, entries: mine.reduce((n, b) => n + b.count, 0), bands: scoreBands(mine) };
      }),
      // Withheld rather than partial while some days are still being grouped.
      questionsStatus: pending ? 'pending' : 'complete',
      questions: pending
        ? []
        : questionStats(tallies.groups, versions).sort(
            (a, b) => order.get(a.roundId)! - order.get(b.roundId)! || (a.correctPercent ?? 101) - (b.correctPercent ?? 101) || a.stem.localeCompare(b.stem),
          ),
      thresholds: DEFAULT_THRESHOLDS,
    };
    return { stats, tallies };
  }

  private async versions(m: EntityManager, ids: string[]): Promise<Map<string, PoolQuestion>> {
    if (!ids.length) return new Map();
    const rows = await versionRows(m, ids);
    return new Map(
      rows.map((r) => [
        r.version_id,
        {
          versionId: r.version_id,
          questionId: r.question_id,
          type: r.type,
          stem: r.stem,
          options: r.options ?? [],
          answer: r.answer,
          points: r.points,
          difficulty: 1,
          topic: null,
          explanation: null,
          legalReference: null,
        },
      ]),
    );
  }
}

/** Day rows with their per-round split, every day of the asked period (or of the entries) present. */
function days(rows: PerDayRow[], range: DayRange): DayStatistics[] {
  const out: DayStatistics[] = [];
  for (const r of rows) {
    if (Number(r.all_rounds) === 1) out.push({ date: r.day, entries: r.entries, uniqueEntrants: r.unique_entrants, rounds: [] });
    else out[out.length - 1]?.rounds.push({ roundId: r.round_id!, entries: r.entries, uniqueEntrants: r.unique_entrants });
  }
  // An open-ended period stops at today rather than at the last entry.
  const last = range.to ?? (range.from ? vnDay(new Date()) : null);
  return fillDays(out, range.from, last, (date) => ({ date, entries: 0, uniqueEntrants: 0, rounds: [] }));
}
