import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { type Advancement, EnrolmentService, isRoundOver, Round, RoundJudgesService, sqlRows } from '@lc/contests';
import { AuditService, badRequest, ClockService, conflict, forbidden } from '@lc/platform';
import type { QuotaAdvanceDto, QuotaCandidate, QuotaSelection, QuotaSelector } from './quota';
import type { RankedEntrant, RoundRankingSource } from './ranking-source';

export interface AdvanceResult {
  fromRoundId: string;
  toRoundId: string;
  mode: Advancement['mode'] | 'quota';
  /** Everyone selected to advance. */
  userIds: string[];
  /** Those not enrolled before this call. */
  newlyEnrolled: string[];
  /** Quota mode: each advancing entrant's bucket, buckets short of places, entrants without a unit/group. */
  quota?: QuotaSelection;
}

/**
 * Moves entrants on to a later round: the top N or everyone at or above a score (by the
 * published ranking rules, from committed attempts only; a judged round by its closed
 * results, through the registered ranking source), or those the judges picked.
 */
@Injectable()
export class AdvancementService {
  private quotaSelector: QuotaSelector | null = null;
  private rankingSource: RoundRankingSource | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly enrolments: EnrolmentService,
    private readonly judges: RoundJudgesService,
  ) {}

  /** The judging module registers its quota allocation here at start-up. */
  useQuotaSelector(selector: QuotaSelector): void {
    this.quotaSelector = selector;
  }

  /** The judging module registers the ranking of judged rounds (their closed results) here at start-up. */
  useRankingSource(source: RoundRankingSource): void {
    this.rankingSource = source;
  }

  async advance(actor: Actor, roundId: string, picked?: string[], quota?: QuotaAdvanceDto): Promise<AdvanceResult> {
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

    const byQuota = quota ? await this.byQuota(round, quota) : null;
    const mode = byQuota ? 'quota' : rule.mode;
    const userIds = byQuota ? byQuota.advancing.map((a) => a.personId) : picked ? await this.checkPicked(round, [...new Set(picked)]) : await this.selected(round, rule);
    const newlyEnrolled = await this.db.transaction(async (m) => {
      const added = await this.enrolments.enrol(m, target.id, userIds, picked ? 'picked' : 'advanced', round.id);
      await this.audit.record(actor, { action: 'round.advance', entityType: 'round', entityId: round.id, after: { toRoundId: target.id, mode, userIds, ...(quota ? { quota } : {}) }, organisationId }, m);
      return added;
    });
    return { fromRoundId: round.id, toRoundId: target.id, mode, userIds, newlyEnrolled, ...(byQuota ? { quota: byQuota } : {}) };
  }

  /**
   * Quota per unit and/or group over the round's ranking: the unit is the registration's
   * unit, the group the registration field the organiser names (registration.fields[groupField]).
   */
  private async byQuota(round: Round, quota: QuotaAdvanceDto): Promise<QuotaSelection> {
    if (!this.quotaSelector) throw conflict('quota_unavailable', 'Quota advancement is not available in this process');
    const { groupField, ...rule } = quota;
    if (rule.by.includes('group') && !groupField) throw badRequest('group_field_required', 'Name the registration field that holds the group (groupField)', [{ field: 'quota.groupField', problems: ['is required with by: group'] }]);
    const ranked = await this.ranking(round);
    const regs = await sqlRows<{ user_id: string; unit: string | null; grp: string | null }>(
      this.db,
      'SELECT user_id, unit, fields ->> $3 AS grp FROM registration WHERE contest_id = $1 AND user_id = ANY($2::uuid[])',
      [round.contestId, ranked.map((r) => r.userId), groupField ?? ''],
    );
    const reg = new Map(regs.map((r) => [r.user_id, r]));
    // Full ties on every rule share a rank, so a boundary tie advances together.
    const candidates: QuotaCandidate[] = [];
    ranked.forEach((r, i) => {
      const prev = ranked[i - 1];
      const rank = prev && prev.tieKey === r.tieKey ? candidates[i - 1].rank : i + 1;
      candidates.push({ id: r.userId, rank, score: r.score, unit: reg.get(r.userId)?.unit ?? null, group: groupField ? (reg.get(r.userId)?.grp ?? null) : null });
    });
    return this.quotaSelector(candidates, rule);
  }

  /**
   * The ranking of a round: each entrant's counting attempt, ordered by the rules; or, for a
   * round the registered source ranks (a judged round), that source's ranking.
   */
  async ranking(round: Round, opts: { minScore?: number; limit?: number } = {}): Promise<RankedEntrant[]> {
    const external = await this.externalRanking(round);
    if (external) {
      const kept = external.filter((r) => opts.minScore === undefined || r.score >= opts.minScore);
      return opts.limit === undefined ? kept : kept.slice(0, opts.limit);
    }
    const actual = await this.predictionActual(round);
    const rows = await sqlRows<{ user_id: string; score: string; tie_key: string }>(
      this.db,
      `WITH counted AS (
         SELECT user_id, score, time_taken_ms, coalesce(submitted_at, deadline_at) AS submitted_at, prediction, attempt_no
           FROM attempt WHERE round_id = $1 AND status IN ('submitted', 'expired') AND score IS NOT NULL
       ), per_user AS (
         SELECT DISTINCT ON (user_id) * FROM counted
          ORDER BY user_id, CASE WHEN $2 = 'last' THEN attempt_no END DESC NULLS LAST,
                   score DESC, abs(prediction - $3::numeric) ASC NULLS LAST, time_taken_ms ASC, submitted_at ASC
       )
       SELECT user_id, score, concat_ws('|', score, abs(prediction - $3::numeric), time_taken_ms, submitted_at) AS tie_key FROM per_user
        WHERE ($4::numeric IS NULL OR score >= $4)
        ORDER BY score DESC, abs(prediction - $3::numeric) ASC NULLS LAST, time_taken_ms ASC, submitted_at ASC
        LIMIT $5`,
      [round.id, round.attemptScoring, actual, opts.minScore ?? null, opts.limit ?? null],
    );
    return rows.map((r) => ({ userId: r.user_id, score: Number(r.score), tieKey: r.tie_key }));
  }

  /** A judged round has no attempts to rank: without a registered source it cannot advance anyone. */
  private async externalRanking(round: Round): Promise<RankedEntrant[] | null> {
    const ranked = this.rankingSource ? await this.rankingSource(round) : null;
    if (!ranked && round.kind === 'judged') throw conflict('ranking_unavailable', 'Advancement from a judged round is not available in this process');
    return ranked;
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
        WHERE round_id = $1 AND status IN ('submitted', 'expired') AND ($2 = 'entrants' OR (score = max_score AND max_score > 0))`,
      [round.id, pq.target],
    );
    return n;
  }

  private selected(round: Round, rule: Advancement): Promise<string[]> {
    return this.ranking(round, rule.mode === 'top' ? { limit: rule.topN } : { minScore: rule.minScore }).then((r) => r.map((x) => x.userId));
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
        WHERE EXISTS (SELECT 1 FROM attempt a WHERE a.round_id = $2 AND a.user_id = u AND a.status IN ('submitted', 'expired'))
           OR EXISTS (SELECT 1 FROM round_enrolment e WHERE e.round_id = $2 AND e.user_id = u)`,
      [userIds, round.id],
    );
    const ok = new Set([...rows.map((r) => r.id), ...ranked]);
    const unknown = userIds.filter((u) => !ok.has(u));
    if (unknown.length) throw badRequest('not_an_entrant', `${unknown.length} of the picked users did not take part in this round`, { userIds: unknown });
    return userIds;
  }
}
