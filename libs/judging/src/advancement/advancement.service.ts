import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { type Advancement, EnrolmentService, isRoundOver, Round, RoundJudgesService, sqlRows } from '@lc/contests';
import { AuditService, badRequest, ClockService, conflict, forbidden } from '@lc/platform';
import { parseAdvancementRule, selectAdvancing } from '../awards/advancement';
import { JudgedRanking } from './judged-ranking';
import { type QuotaAdvanceDto, type QuotaCandidate, type QuotaSelection, type QuotaSelectionView, quotaSelectionView, type SelectionRuleInput } from './quota';
import type { RankedEntrant } from './ranking-source';
import { countedAttemptSql } from '@lc/attempts';

export interface AdvanceResult {
  fromRoundId: string;
  toRoundId: string;
  mode: Advancement['mode'] | 'quota';
  /** Everyone selected to advance. */
  userIds: string[];
  /** Those not enrolled before this call. */
  newlyEnrolled: string[];
  /** Quota mode: each advancing entrant's bucket, buckets short of places, entrants without a unit/group. */
  /** As the api shows it: each advancing person's `userId`, `personId` its deprecated alias for one release. */
  quota?: QuotaSelectionView;
}

/** Who would advance, decided but not yet enrolled: the advance enrols exactly this, the preview shows it. */
export interface AdvancementPlan {
  organisationId: string;
  round: Round;
  target: Round;
  mode: Advancement['mode'] | 'quota';
  /** The rule as applied (the round's, or the quota / picks given with the call). */
  rule: Advancement | { mode: 'quota'; quota: QuotaAdvanceDto };
  picked: boolean;
  /** The ranking places the selection was made from (with unit and group), in rank order. */
  candidates: QuotaCandidate[];
  selection: QuotaSelection;
}

/**
 * Moves entrants on to a later round: the top N or everyone at or above a score (by the
 * published ranking rules, from committed attempts only; a judged round by its closed
 * results, `JudgedRanking`), a quota per unit / group, or those the
 * judges picked. `plan` decides, `advance` enrols what `plan` decided.
 */
@Injectable()
export class AdvancementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly enrolments: EnrolmentService,
    private readonly judges: RoundJudgesService,
    private readonly judged: JudgedRanking,
  ) {}

  async advance(actor: Actor, roundId: string, picked?: string[], quota?: QuotaAdvanceDto): Promise<AdvanceResult> {
    const plan = await this.plan(actor, roundId, picked, quota);
    const { round, target, mode, organisationId } = plan;
    const userIds = plan.selection.advancing.map((a) => a.personId);
    const newlyEnrolled = await this.db.transaction(async (m) => {
      const added = await this.enrolments.enrol(m, target.id, userIds, plan.picked ? 'picked' : 'advanced', round.id);
      await this.audit.record(
        actor,
        {
          action: 'round.advance',
          entityType: 'round',
          entityId: round.id,
          after: { toRoundId: target.id, mode, userIds, ...(quota ? { quota } : {}) },
          organisationId,
        },
        m,
      );
      return added;
    });
    return {
      fromRoundId: round.id,
      toRoundId: target.id,
      mode,
      userIds,
      newlyEnrolled,
      ...(mode === 'quota' ? { quota: quotaSelectionView(plan.selection) } : {}),
    };
  }

  /**
   * Everything `advance` checks and decides, without enrolling anyone. A preview may pick
   * nobody yet (`userIds: []`): it then shows the ranking to pick from.
   */
  async plan(actor: Actor, roundId: string, picked?: string[], quota?: QuotaAdvanceDto, opts: { preview?: boolean } = {}): Promise<AdvancementPlan> {
    if (picked && quota) throw badRequest('pick_or_quota', 'Give either userIds (picked by the judges) or a quota, not both');
    const organisationId = await this.access.require(actor, 'round', roundId, 'read');
    const mayWrite = actor.role === 'admin' || actor.role === 'organiser';
    if (!mayWrite && !(picked && actor.role === 'judge' && (await this.judges.isJudge(roundId, actor.id)))) {
      throw forbidden('Only organisers, or the judges of this round picking entrants, may advance entrants');
    }
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: roundId });
    if (!isRoundOver(round, this.clock.now())) throw conflict('round_not_over', 'Entrants advance once the round is over');
    if (quota && !mayWrite) throw forbidden('Only organisers advance entrants by quota');
    const rule: Advancement | null = picked || quota ? { mode: 'picked', toRoundSeq: round.advancement?.toRoundSeq } : round.advancement;
    if (!rule) throw badRequest('no_advancement_rule', 'This round has no advancement rule; give userIds to pick entrants by hand');
    if (rule.mode === 'picked' && !picked && !quota) throw badRequest('pick_required', 'This round advances entrants picked by the judges: give userIds');
    const toSeq = rule.toRoundSeq ?? round.seq + 1;
    const target = await this.db.getRepository(Round).findOneBy({ contestId: round.contestId, seq: toSeq });
    if (!target) throw badRequest('no_next_round', `The contest has no round ${toSeq} to advance to`);
    if (target.seq <= round.seq) throw badRequest('no_next_round', 'Entrants can only advance to a later round');
    if (quota?.by.includes('group') && !quota.groupField)
      throw badRequest('group_field_required', 'Name the registration field that holds the group (groupField)', [
        { field: 'quota.groupField', problems: ['is required with by: group'] },
      ]);

    const picks = picked && !(opts.preview && picked.length === 0) ? await this.checkPicked(round, [...new Set(picked)]) : [];
    const selectorRule: SelectionRuleInput = quota
      ? {
          kind: 'quota',
          by: quota.by,
          perBucket: quota.perBucket,
          ...(quota.buckets ? { buckets: quota.buckets } : {}),
          ...(quota.minScore !== undefined ? { minScore: quota.minScore } : {}),
        }
      : rule.mode === 'top'
        ? { kind: 'top', count: rule.topN ?? 0 }
        : rule.mode === 'threshold'
          ? { kind: 'threshold', minScore: rule.minScore ?? 0 }
          : { kind: 'picked' };
    // Only the places the rule can reach are read: the top N (with a tie at the boundary), those above the score, the picks.
    const ranked = await this.ranking(
      round,
      selectorRule.kind === 'top'
        ? { maxRank: selectorRule.count }
        : selectorRule.kind === 'threshold'
          ? { minScore: selectorRule.minScore }
          : selectorRule.kind === 'quota'
            ? { minScore: quota?.minScore }
            : { userIds: picks },
    );
    const candidates = await this.withUnits(round, ranked, quota?.groupField);
    const selection = selectAdvancing(candidates, parseAdvancementRule(selectorRule), picks);
    return {
      organisationId,
      round,
      target,
      mode: quota ? 'quota' : rule.mode,
      rule: quota ? { mode: 'quota', quota } : rule,
      picked: Boolean(picked),
      candidates,
      selection,
    };
  }

  /**
   * Each place's unit (the registration's unit) and group (the registration field the
   * organiser names, registration.fields[groupField]).
   */
  async withUnits(round: Round, ranked: (RankedEntrant & { rank: number })[], groupField?: string): Promise<QuotaCandidate[]> {
    const regs = await sqlRows<{ user_id: string; unit: string | null; grp: string | null }>(
      this.db,
      'SELECT user_id, unit, fields ->> $3 AS grp FROM registration WHERE contest_id = $1 AND user_id = ANY($2::uuid[])',
      [round.contestId, ranked.map((r) => r.userId), groupField ?? ''],
    );
    const reg = new Map(regs.map((r) => [r.user_id, r]));
    return ranked.map((r) => ({
      id: r.userId,
      rank: r.rank,
      score: r.score,
      unit: reg.get(r.userId)?.unit ?? null,
      group: groupField ? (reg.get(r.userId)?.grp ?? null) : null,
    }));
  }

  /**
   * The ranking of a round: each entrant's counting attempt, ordered by the rules, with
   * competition ranks (full ties on every rule share a rank, so a boundary tie advances
   * together); or, for a judged round, its closed results (`JudgedRanking`).
   * Filters: at or above a score, up to a rank, only some users; `limit`/`offset` page it.
   */
  async ranking(
    round: Round,
    opts: { minScore?: number; maxRank?: number; userIds?: string[]; limit?: number; offset?: number } = {},
  ): Promise<(RankedEntrant & { rank: number })[]> {
    const external = await this.externalRanking(round);
    if (external) {
      const ranks: number[] = [];
      external.forEach((r, i) => ranks.push(r.rank ?? (i > 0 && external[i - 1].tieKey === r.tieKey ? ranks[i - 1] : i + 1)));
      const only = opts.userIds ? new Set(opts.userIds) : null;
      const kept = external
        .map((r, i) => ({ ...r, rank: ranks[i] }))
        .filter(
          (r) =>
            (opts.minScore === undefined || r.score >= opts.minScore) &&
            (opts.maxRank === undefined || r.rank <= opts.maxRank) &&
            (!only || only.has(r.userId)),
        );
      return kept.slice(opts.offset ?? 0, opts.limit === undefined ? undefined : (opts.offset ?? 0) + opts.limit);
    }
    const actual = await this.predictionActual(round);
    const rows = await sqlRows<{ user_id: string; score: string; rank: string; tie_key: string }>(
      this.db,
      `WITH counted AS (
         SELECT user_id, score, time_taken_ms, coalesce(submitted_at, deadline_at) AS submitted_at, prediction, attempt_no
           FROM attempt WHERE round_id = $1 AND ${countedAttemptSql('attempt')} AND score IS NOT NULL
       ), per_user AS (
         SELECT DISTINCT ON (user_id) * FROM counted
          ORDER BY user_id, CASE WHEN $2 = 'last' THEN attempt_no END DESC NULLS LAST,
                   score DESC, abs(prediction - $3::numeric) ASC NULLS LAST, time_taken_ms ASC, submitted_at ASC
       ), ranked AS (
         SELECT user_id, score,
                rank() OVER (ORDER BY score DESC, abs(prediction - $3::numeric) ASC NULLS LAST, time_taken_ms ASC, submitted_at ASC) AS rank,
                concat_ws('|', score, abs(prediction - $3::numeric), time_taken_ms, submitted_at) AS tie_key
           FROM per_user
       )
       SELECT user_id, score, rank, tie_key FROM ranked
        WHERE ($4::numeric IS NULL OR score >= $4) AND ($5::int IS NULL OR rank <= $5) AND ($6::uuid[] IS NULL OR user_id = ANY($6::uuid[]))
        ORDER BY rank, user_id
        LIMIT $7 OFFSET $8`,
      [round.id, round.attemptScoring, actual, opts.minScore ?? null, opts.maxRank ?? null, opts.userIds ?? null, opts.limit ?? null, opts.offset ?? 0],
    );
    return rows.map((r) => ({ userId: r.user_id, score: Number(r.score), rank: Number(r.rank), tieKey: r.tie_key }));
  }

  /** How many entrants the round ranks. */
  async rankedCount(round: Round): Promise<number> {
    const external = await this.externalRanking(round);
    if (external) return external.length;
    const [{ n }] = await sqlRows<{ n: number }>(
      this.db,
      `SELECT count(DISTINCT user_id)::int AS n FROM attempt WHERE round_id = $1 AND ${countedAttemptSql('attempt')} AND score IS NOT NULL`,
      [round.id],
    );
    return n;
  }

  /** A judged round has no attempts to rank: it ranks by its closed results. */
  private async externalRanking(round: Round): Promise<RankedEntrant[] | null> {
    return round.kind === 'judged' ? this.judged.ranking(round) : null;
  }

  /** The value predictions are measured against: given by staff, or counted from the round. */
  async predictionActual(round: Round): Promise<number | null> {
    const pq = round.predictionQuestion;
    if (!pq) return null;
    if (typeof pq.actual === 'number') return pq.actual;
    if (pq.target === 'custom') return null;
    const counted = pq.countBy === 'attempts' ? 'count(*)' : 'count(DISTINCT user_id)';
    const [{ n }] = await sqlRows<{ n: number }>(
      this.db,
      `SELECT ${counted}::int AS n FROM attempt
        WHERE round_id = $1 AND ${countedAttemptSql('attempt')} AND ($2 = 'entrants' OR (score = max_score AND max_score > 0))`,
      [round.id, pq.target],
    );
    return n;
  }

  /**
   * Judges pick among those who took part in the round (an attempt, or an enrolment in it;
   * in a judged round, a place in its results).
   */
  private async checkPicked(round: Round, userIds: string[]): Promise<string[]> {
    if (!userIds.length) throw badRequest('pick_required', 'Pick at least one entrant');
    const external = await this.externalRanking(round);
    const ranked = new Set((external ?? []).map((r) => r.userId));
    const rows = await sqlRows<{ id: string }>(
      this.db,
      `SELECT u AS id FROM unnest($1::uuid[]) AS u
        WHERE EXISTS (SELECT 1 FROM attempt a WHERE a.round_id = $2 AND a.user_id = u AND ${countedAttemptSql('a')})
           OR EXISTS (SELECT 1 FROM round_enrolment e WHERE e.round_id = $2 AND e.user_id = u)`,
      [userIds, round.id],
    );
    const ok = new Set([...rows.map((r) => r.id), ...ranked]);
    const unknown = userIds.filter((u) => !ok.has(u));
    if (unknown.length) throw badRequest('not_an_entrant', `${unknown.length} of the picked users did not take part in this round`, { userIds: unknown });
    return userIds;
  }
}
