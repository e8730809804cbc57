import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Round } from '@lc/contests';
import { badRequest } from '@lc/platform';
import { Award, allocatePrizes, Shortfall } from '../../awards/allocate-prizes';
import { planGroups } from '../../awards/prize-plan';
import { JudgedStandings } from '../../judged-entries/judged-standings';
import { RankableAttempt } from '../../ranking/attempt-row';
import { computePredictionActual } from '../../ranking/prediction';
import { rankRound, RoundRanking } from '../../ranking/rank-round';
import { RoundResult, RoundRules } from '../entities';
import { EffectiveRules, effectiveRules } from '../rules/effective-rules';
import { disqualifiedIn, withoutDisqualified } from '../verification/disqualified-entries';
import { judgedInputs, quizInputs } from './ranking-inputs';
import { acrossRoundsOf } from './result-store';

export interface BuiltResult {
  rules: EffectiveRules;
  actual: number | null;
  ranking: RoundRanking;
  /** This round's prizes by person. */
  awards: Map<string, Award>;
  shortfalls: Shortfall[];
  groups: Map<string, string> | null;
  /** Where the time went (milliseconds), for the close summary and the benchmark. */
  timings: { readMs: number; rankMs: number; allocateMs: number };
}

/**
 * Computes a round's result inside the caller's transaction: reads the inputs (attempts
 * through a cursor, or the jury's standings), counts the prediction's actual value, ranks
 * by the chain and hands out the prizes by quota. Used by closing and by corrections.
 */
@Injectable()
export class ResultBuilder {
  constructor(private readonly standings: JudgedStandings) {}

  /** Judged rounds: refuses (409) while an entry waits for reconciliation; call before changing anything. */
  async judgedRows(round: Pick<Round, 'id' | 'kind'>): Promise<RankableAttempt[] | null> {
    return round.kind === 'judged' ? judgedInputs(await this.standings.forRound(round.id)) : null;
  }

  /** Refuses a missing or unwanted prediction value before closing changes anything. */
  checkPredictionInput(round: Round, given: number | undefined, previous: RoundResult | null): void {
    const pq = round.kind === 'quiz' ? round.predictionQuestion : null;
    if (!pq) {
      if (given !== undefined) throw badRequest('no_prediction_question', 'This round has no prediction question');
      return;
    }
    if (pq.target !== 'custom' && given !== undefined)
      throw badRequest('prediction_actual_counted', `The actual value of this round's prediction is counted (${pq.target}); it cannot be given`);
    if (pq.target === 'custom' && given === undefined && (previous?.predictionActual ?? null) === null && typeof pq.actual !== 'number')
      throw badRequest('prediction_actual_required', "This round's prediction question has a custom target: give predictionActual");
  }

  async build(
    m: EntityManager,
    round: Round,
    opts: { predictionActual?: number; previous: RoundResult | null; judged: RankableAttempt[] | null },
  ): Promise<BuiltResult> {
    const rules = effectiveRules(round, await m.findOneBy(RoundRules, { roundId: round.id }));
    const t0 = performance.now();
    // A judged round's disqualified winners have no attempt to void: their entries are left out here.
    const rows = opts.judged ? withoutDisqualified(opts.judged, await disqualifiedIn(m, round.id)) : await quizInputs(m, round.id);
    const t1 = performance.now();
    const actual = this.actualValue(round, rules, rows, opts.predictionActual, opts.previous);
    const ranking = rankRound(rows, rules.ranking, { actual, opensAt: round.openedAt ?? round.opensAt });
    const t2 = performance.now();
    const { awards, shortfalls, groups } = await this.allocate(m, round, rules, ranking);
    const timings = { readMs: Math.round(t1 - t0), rankMs: Math.round(t2 - t1), allocateMs: Math.round(performance.now() - t2) };
    return { rules, actual, ranking, awards, shortfalls, groups, timings };
  }

  /**
   * Counted targets are counted (a value given by staff is refused, so the published
   * number can always be re-derived); `custom` needs the value from staff, once.
   */
  private actualValue(round: Round, rules: EffectiveRules, rows: RankableAttempt[], given: number | undefined, previous: RoundResult | null): number | null {
    const pq = round.predictionQuestion;
    if (!rules.ranking.prediction || !pq) {
      if (given !== undefined) throw badRequest('no_prediction_question', 'This round has no prediction question');
      return null;
    }
    if (pq.target !== 'custom') {
      if (given !== undefined)
        throw badRequest('prediction_actual_counted', `The actual value of this round's prediction is counted (${pq.target}); it cannot be given`);
      return computePredictionActual(rows, rules.ranking.prediction);
    }
    const value = given ?? previous?.predictionActual ?? (typeof pq.actual === 'number' ? pq.actual : undefined);
    if (value === undefined || value === null)
      throw badRequest('prediction_actual_required', "This round's prediction question has a custom target: give predictionActual");
    return value;
  }

  private async allocate(m: EntityManager, round: Round, rules: EffectiveRules, ranking: RoundRanking) {
    const plan = rules.prizePlan;
    if (!plan || !plan.tiers.length) return { awards: new Map<string, Award>(), shortfalls: [], groups: null };
    let groups: Map<string, string> | null = null;
    if (planGroups(plan) && rules.groupField) {
      const rows: { user_id: string; grp: string }[] = await m.query(
        `SELECT user_id, fields->>$2 AS grp FROM registration WHERE contest_id = $1 AND fields ? $2`,
        [round.contestId, rules.groupField],
      );
      groups = new Map(rows.map((r) => [r.user_id, r.grp]));
    }
    const across = await acrossRoundsOf(m, round.contestId);
    const locked = across === 'highest-only' ? await this.publishedAwards(m, round) : [];
    const candidates = ranking.results.map((r) => ({ id: r.personId, rank: r.rank, score: r.score, group: groups?.get(r.personId) ?? null }));
    const alloc = allocatePrizes([{ roundId: round.id, plan, ranking: candidates }], across, locked);
    const awards = new Map(alloc.awards.filter((a) => a.roundId === round.id && !a.locked).map((a) => [a.personId, a]));
    return { awards, shortfalls: alloc.shortfalls, groups };
  }

  /** Prizes already published in the contest's other rounds: with one prize per person, their holders win nothing more. */
  private async publishedAwards(m: EntityManager, round: Round): Promise<Award[]> {
    const rows: { user_id: string; round_id: string; prize_code: string; prize_name: string; prize_level: number; rank: number; grp: string | null }[] =
      await m.query(
        `SELECT e.user_id, e.round_id, e.prize_code, e.prize_name, e.prize_level, e.rank, e.grp
         FROM result_entry e JOIN round_result rr ON rr.round_id = e.round_id
        WHERE rr.contest_id = $1 AND rr.status = 'published' AND e.round_id <> $2 AND e.prize_code IS NOT NULL`,
        [round.contestId, round.id],
      );
    return rows.map((r) => ({
      personId: r.user_id,
      roundId: r.round_id,
      tierCode: r.prize_code,
      tierName: r.prize_name,
      level: r.prize_level,
      rank: r.rank,
      group: r.grp,
      boundaryTie: false,
    }));
  }
}
