import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { type Advancement, EnrolmentService, isRoundOver, Round, RoundJudgesService, sqlRows } from '@lc/contests';
import { AuditService, badRequest, ClockService, conflict, forbidden } from '@lc/platform';

export interface AdvanceResult {
  fromRoundId: string;
  toRoundId: string;
  mode: Advancement['mode'];
  /** Everyone selected to advance. */
  userIds: string[];
  /** Those not enrolled before this call. */
  newlyEnrolled: string[];
}

/**
 * Moves entrants on to a later round: the top N or everyone at or above a score (by the
 * published ranking rules, from committed attempts only), or those the judges picked.
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
  ) {}

  async advance(actor: Actor, roundId: string, picked?: string[]): Promise<AdvanceResult> {
    const organisationId = await this.access.require(actor, 'round', roundId, 'read');
    const mayWrite = actor.role === 'admin' || actor.role === 'organiser';
    if (!mayWrite && !(picked && actor.role === 'judge' && (await this.judges.isJudge(roundId, actor.id)))) {
      throw forbidden('Only organisers, or the judges of this round picking entrants, may advance entrants');
    }
    const round = await this.db.getRepository(Round).findOneByOrFail({ id: roundId });
    if (!isRoundOver(round, this.clock.now())) throw conflict('round_not_over', 'Entrants advance once the round is over');
    const rule: Advancement | null = picked ? { mode: 'picked', toRoundSeq: round.advancement?.toRoundSeq } : round.advancement;
    if (!rule) throw badRequest('no_advancement_rule', 'This round has no advancement rule; give userIds to pick entrants by hand');
    if (rule.mode === 'picked' && !picked) throw badRequest('pick_required', 'This round advances entrants picked by the judges: give userIds');
    const toSeq = rule.toRoundSeq ?? round.seq + 1;
    const target = await this.db.getRepository(Round).findOneBy({ contestId: round.contestId, seq: toSeq });
    if (!target) throw badRequest('no_next_round', `The contest has no round ${toSeq} to advance to`);
    if (target.seq <= round.seq) throw badRequest('no_next_round', 'Entrants can only advance to a later round');

    const userIds = picked ? await this.checkPicked(round, [...new Set(picked)]) : await this.selected(round, rule);
    const newlyEnrolled = await this.db.transaction(async (m) => {
      const added = await this.enrolments.enrol(m, target.id, userIds, picked ? 'picked' : 'advanced', round.id);
      await this.audit.record(actor, { action: 'round.advance', entityType: 'round', entityId: round.id, after: { toRoundId: target.id, mode: rule.mode, userIds }, organisationId }, m);
      return added;
    });
    return { fromRoundId: round.id, toRoundId: target.id, mode: rule.mode, userIds, newlyEnrolled };
  }

  /** The ranking of a round: each entrant's counting attempt, ordered by the rules. */
  async ranking(round: Round, opts: { minScore?: number; limit?: number } = {}): Promise<{ userId: string; score: number }[]> {
    const actual = await this.predictionActual(round);
    const rows = await sqlRows<{ user_id: string; score: string }>(
      this.db,
      `WITH counted AS (
         SELECT user_id, score, time_taken_ms, coalesce(submitted_at, deadline_at) AS submitted_at, prediction, attempt_no
           FROM attempt WHERE round_id = $1 AND status IN ('submitted', 'expired') AND score IS NOT NULL
       ), per_user AS (
         SELECT DISTINCT ON (user_id) * FROM counted
          ORDER BY user_id, CASE WHEN $2 = 'last' THEN attempt_no END DESC NULLS LAST,
                   score DESC, abs(prediction - $3::numeric) ASC NULLS LAST, time_taken_ms ASC, submitted_at ASC
       )
       SELECT user_id, score FROM per_user
        WHERE ($4::numeric IS NULL OR score >= $4)
        ORDER BY score DESC, abs(prediction - $3::numeric) ASC NULLS LAST, time_taken_ms ASC, submitted_at ASC
        LIMIT $5`,
      [round.id, round.attemptScoring, actual, opts.minScore ?? null, opts.limit ?? null],
    );
    return rows.map((r) => ({ userId: r.user_id, score: Number(r.score) }));
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

  /** Judges pick among those who took part in the round (an attempt, or an enrolment in it). */
  private async checkPicked(round: Round, userIds: string[]): Promise<string[]> {
    if (!userIds.length) throw badRequest('pick_required', 'Pick at least one entrant');
    const rows = await sqlRows<{ id: string }>(
      this.db,
      `SELECT u AS id FROM unnest($1::uuid[]) AS u
        WHERE EXISTS (SELECT 1 FROM attempt a WHERE a.round_id = $2 AND a.user_id = u AND a.status IN ('submitted', 'expired'))
           OR EXISTS (SELECT 1 FROM round_enrolment e WHERE e.round_id = $2 AND e.user_id = u)`,
      [userIds, round.id],
    );
    const ok = new Set(rows.map((r) => r.id));
    const unknown = userIds.filter((u) => !ok.has(u));
    if (unknown.length) throw badRequest('not_an_entrant', `${unknown.length} of the picked users did not take part in this round`, { userIds: unknown });
    return userIds;
  }
}
