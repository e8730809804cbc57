import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RoundLookup } from '@lc/contests';
import { type Actor } from '@lc/identity';
import { shortName } from '@lc/leaderboard';
import { conflict, notFound, ReadReplica } from '@lc/platform';
import { maskIdentifier } from '@lc/platform';
import type { Separator } from '../../ranking/compare';
import { explainFromNeighbours, PlaceExplanation } from '../../ranking/explain';
import { rankingRulesView } from '../../ranking/rules';
import type { RankedResult } from '../../ranking/rank-round';
import { ResultsGate } from '../common/results-gate';
import { RoundResult } from '../entities';
import { flaggedWinners } from '../review/flagged-winners';

interface EntryRow {
  position: number;
  rank: number;
  user_id: string;
  attempt_id: string;
  attempt_no: number | null;
  score: number;
  max_score: number;
  time_taken_ms: number;
  submitted_at: Date;
  prediction: number | null;
  distance: number | null;
  attempts_counted: number;
  vs_previous: string | null;
  unit: string | null;
  grp: string | null;
  prize_code: string | null;
  prize_name: string | null;
  prize_level: number | null;
  prize_boundary_tie: boolean;
  full_name: string;
  province: string | null;
  commune: string | null;
  national_id_masked: string | null;
  phone_masked: string | null;
}

const ENTRY_SQL = `SELECT e.position, e.rank, e.user_id, e.attempt_id, e.attempt_no, e.score::float8 AS score, e.max_score::float8 AS max_score,
         e.time_taken_ms, e.submitted_at, e.prediction::float8 AS prediction, e.distance::float8 AS distance, e.attempts_counted, e.vs_previous,
         e.unit, e.grp, e.prize_code, e.prize_name, e.prize_level, e.prize_boundary_tie,
         u.full_name, u.province, u.commune, u.national_id_masked, u.phone_masked
    FROM result_entry e JOIN "user" u ON u.id = e.user_id`;

const prize = (r: EntryRow) =>
  r.prize_code ? { code: r.prize_code, name: r.prize_name, level: r.prize_level, group: r.grp, boundaryTie: r.prize_boundary_tie } : null;

function staffItem(r: EntryRow) {
  return {
    position: r.position + 1,
    rank: r.rank,
    userId: r.user_id,
    fullName: r.full_name,
    nationalId: maskIdentifier(r.national_id_masked),
    phone: maskIdentifier(r.phone_masked),
    province: r.province,
    commune: r.commune,
    unit: r.unit,
    group: r.grp,
    score: r.score,
    maxScore: r.max_score,
    timeTakenMs: r.time_taken_ms,
    submittedAt: new Date(r.submitted_at).toISOString(),
    prediction: r.prediction,
    distance: r.distance,
    attemptId: r.attempt_id,
    attemptNo: r.attempt_no,
    attemptsCounted: r.attempts_counted,
    separatedFromPrevious: r.vs_previous,
    prize: prize(r),
  };
}

/** What anyone may see of a winner: a shortened name, the unit and province, the place and prize. */
function publicItem(r: EntryRow) {
  return {
    rank: r.rank,
    displayName: shortName(r.full_name),
    unit: r.unit,
    province: r.province,
    score: r.score,
    maxScore: r.max_score,
    timeTakenMs: r.time_taken_ms,
    prize: prize(r),
  };
}

function header(r: RoundResult) {
  return {
    roundId: r.roundId,
    status: r.status,
    version: r.version,
    stale: r.stale,
    closedAt: r.closedAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    predictionActual: r.predictionActual,
    rules: r.rules ? rankingRulesView(r.rules) : null,
    rankedCount: r.rankedCount,
    winnerCount: r.winnerCount,
    shortfalls: r.shortfalls,
    audit: {
      version: r.audit.version,
      inputHash: r.audit.inputHash,
      outputHash: r.audit.outputHash,
      rowCount: r.audit.rowCount,
      separatorCounts: r.audit.separatorCounts,
    },
  };
}

/**
 * GET /rounds/:id/results and the "why this place" explanation. Staff of the organisation
 * see the full ranking (paged, personal numbers masked) from the moment the round closes;
 * residents see it only once published: the winners and their own place.
 */
@Injectable()
export class ResultsQuery {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gate: ResultsGate,
    private readonly rounds: RoundLookup,
    /**
     * Result entries (written at close and by corrections, then read many times): from the streaming
     * replica once it has replayed what the primary had committed when the read began, so staff see
     * their own close or correction at once (a lag-bounded read showed them the result before it).
     */
    private readonly replica: ReadReplica,
  ) {}

  async results(actor: Actor, roundId: string, q: { limit: number; offset: number; winners?: boolean }) {
    if (actor.role === 'resident') return this.forResident(actor, roundId);
    await this.gate.resultsReader(actor, roundId);
    const r = await this.header(roundId);
    const where = `e.round_id = $1 ${q.winners ? 'AND e.prize_code IS NOT NULL' : ''}`;
    const rows: EntryRow[] = await this.replica.queryCaughtUp<EntryRow>(`${ENTRY_SQL} WHERE ${where} ORDER BY e.position LIMIT $2 OFFSET $3`, [
      roundId,
      q.limit,
      q.offset,
    ]);
    const total = q.winners ? r.winnerCount : r.rankedCount;
    // What publication would refuse, so the publish confirmation lists it first.
    return { ...header(r), flaggedWinners: await flaggedWinners(this.db, roundId), total, items: rows.map(staffItem) };
  }

  async explain(actor: Actor, roundId: string, userId: string): Promise<PlaceExplanation & { status: string; userId: string }> {
    if (actor.role === 'resident') {
      await this.visibleToResident(roundId);
      if (userId !== actor.id) throw notFound('Result');
    } else await this.gate.resultsReader(actor, roundId);
    const r = await this.header(roundId);
    if (actor.role === 'resident' && r.status !== 'published') throw conflict('results_not_published', 'The results of this round are not published yet');
    const [me]: EntryRow[] = await this.replica.queryCaughtUp<EntryRow>(`${ENTRY_SQL} WHERE e.round_id = $1 AND e.user_id = $2`, [roundId, userId]);
    if (!me) throw notFound('Result', { reason: 'not_ranked' });
    const near: EntryRow[] = await this.replica.queryCaughtUp<EntryRow>(`${ENTRY_SQL} WHERE e.round_id = $1 AND e.position IN ($2, $3)`, [
      roundId,
      me.position - 1,
      me.position + 1,
    ]);
    const opensAt = r.audit.opensAt ? new Date(r.audit.opensAt) : null;
    const ranked = (e: EntryRow | undefined) => (e ? toRanked(e, opensAt) : null);
    const explanation = explainFromNeighbours({
      me: toRanked(me, opensAt),
      previous: ranked(near.find((n) => n.position === me.position - 1)),
      next: ranked(near.find((n) => n.position === me.position + 1)),
      total: r.rankedCount,
      rules: r.rules,
      actual: r.predictionActual,
      // Staff read about someone else: third person, with the short name the boards use.
      perspective: actor.role === 'resident' ? { reader: 'self' } : { reader: 'staff', name: shortName(me.full_name) },
    });
    // userId is the api's name for the person; personId (the ranking core's) stays one release as its deprecated alias.
    return { status: r.status, ...explanation, userId: explanation.personId };
  }

  private async forResident(actor: Actor, roundId: string) {
    await this.visibleToResident(roundId);
    const r = await this.db.getRepository(RoundResult).findOneBy({ roundId });
    if (!r || r.status !== 'published') throw conflict('results_not_published', 'The results of this round are not published yet');
    const winners: EntryRow[] = await this.replica.queryCaughtUp<EntryRow>(
      `${ENTRY_SQL} WHERE e.round_id = $1 AND e.prize_code IS NOT NULL ORDER BY e.position`,
      [roundId],
    );
    const [me]: EntryRow[] = await this.replica.queryCaughtUp<EntryRow>(`${ENTRY_SQL} WHERE e.round_id = $1 AND e.user_id = $2`, [roundId, actor.id]);
    return {
      roundId,
      status: r.status,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      predictionActual: r.predictionActual,
      rankedCount: r.rankedCount,
      winners: winners.map(publicItem),
      me: me ? { ...publicItem(me), displayName: me.full_name, attemptId: me.attempt_id, submittedAt: new Date(me.submitted_at).toISOString() } : null,
    };
  }

  private async visibleToResident(roundId: string): Promise<void> {
    const round = await this.rounds.get(roundId);
    if (!round || round.status === 'draft' || round.contestStatus === 'draft') throw notFound('Round');
  }

  private async header(roundId: string): Promise<RoundResult> {
    const r = await this.db.getRepository(RoundResult).findOneBy({ roundId });
    if (!r) throw conflict('round_not_closed', 'This round has no results yet: close it first');
    return r;
  }
}

function toRanked(e: EntryRow, opensAt: Date | null): RankedResult {
  const submittedAt = new Date(e.submitted_at);
  return {
    rank: e.rank,
    personId: e.user_id,
    attemptId: e.attempt_id,
    attemptNo: e.attempt_no,
    score: e.score,
    maxScore: e.max_score,
    timeTakenMs: e.time_taken_ms,
    submittedAt,
    prediction: e.prediction,
    distance: e.distance,
    sinceOpenMs: opensAt ? submittedAt.getTime() - opensAt.getTime() : null,
    attemptsCounted: e.attempts_counted,
    vsPrevious: e.vs_previous as Separator | null,
  };
}
