import type { EntityManager } from 'typeorm';
import type { Round, RoundStore } from '@lc/contests';
import type { PlaceSnapshot } from '../../ranking/diff';
import type { AcrossRounds } from '../../awards/prize-plan';
import { ContestAwardRules, type ResultStatus } from '../entities';
import type { BuiltResult } from './result-builder';

const CHUNK = 10_000;

const INSERT_ENTRIES = `INSERT INTO result_entry (round_id, position, rank, user_id, attempt_id, attempt_no, score, max_score, time_taken_ms, submitted_at,
                          prediction, distance, attempts_counted, vs_previous, grp, prize_code, prize_name, prize_level, prize_boundary_tie, unit)
  SELECT $1, x.position, x.rank, x.user_id, x.attempt_id, x.attempt_no, x.score, x.max_score, x.time_taken_ms, x.submitted_at,
         x.prediction, x.distance, x.attempts_counted, x.vs_previous, x.grp, x.prize_code, x.prize_name, x.prize_level, x.tie,
         coalesce(nullif(g.unit, ''), u.unit)
    FROM unnest($3::int[], $4::int[], $5::uuid[], $6::uuid[], $7::int[], $8::numeric[], $9::numeric[], $10::int[], $11::timestamptz[],
                $12::numeric[], $13::numeric[], $14::int[], $15::text[], $16::text[], $17::text[], $18::text[], $19::int[], $20::boolean[])
         AS x(position, rank, user_id, attempt_id, attempt_no, score, max_score, time_taken_ms, submitted_at,
              prediction, distance, attempts_counted, vs_previous, grp, prize_code, prize_name, prize_level, tie)
    LEFT JOIN registration g ON g.contest_id = $2 AND g.user_id = x.user_id
    LEFT JOIN "user" u ON u.id = x.user_id`;

export interface StoreMeta {
  status: ResultStatus;
  closedAt: Date;
  closedBy: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
}

/** The contest's rule for prizes across rounds (one per person, the highest, unless set otherwise). */
export async function acrossRoundsOf(m: EntityManager, contestId: string): Promise<AcrossRounds> {
  return (await m.findOneBy(ContestAwardRules, { contestId }))?.acrossRounds ?? 'highest-only';
}

/**
 * Serialises every change to one round's results (close, publish, correction, review, rules)
 * for the rest of the caller's transaction.
 */
export async function lockResults(m: EntityManager, roundId: string): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`results:${roundId}`]);
}

/**
 * Replaces the round's stored result with `built` (in the caller's transaction): the
 * header with its audit, the prediction's actual value on the round's question (through
 * contests' round store, the only writer of `round`), then every
 * place in chunks of one INSERT … SELECT FROM unnest, each person's unit taken from their
 * registration (else their profile) on the way in.
 */
export async function storeResult(m: EntityManager, rounds: RoundStore, round: Round, built: BuiltResult, meta: StoreMeta): Promise<{ version: number }> {
  const { ranking, awards } = built;
  const [{ version }]: { version: number }[] = await m.query(
    `INSERT INTO round_result (round_id, contest_id, status, version, rules, prediction_actual, audit, ranked_count, winner_count, shortfalls, stale, closed_at, closed_by, published_at, published_by, updated_at)
     VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9, false, $10, $11, $12, $13, now())
     ON CONFLICT (round_id) DO UPDATE SET status = EXCLUDED.status, version = round_result.version + 1, rules = EXCLUDED.rules,
       prediction_actual = EXCLUDED.prediction_actual, audit = EXCLUDED.audit, ranked_count = EXCLUDED.ranked_count,
       winner_count = EXCLUDED.winner_count, shortfalls = EXCLUDED.shortfalls, stale = false, closed_at = EXCLUDED.closed_at,
       closed_by = EXCLUDED.closed_by, published_at = EXCLUDED.published_at, published_by = EXCLUDED.published_by, updated_at = now()
     RETURNING version`,
    [
      round.id,
      round.contestId,
      meta.status,
      JSON.stringify(built.rules.ranking),
      built.actual,
      JSON.stringify(ranking.audit),
      ranking.results.length,
      awards.size,
      JSON.stringify(built.shortfalls),
      meta.closedAt,
      meta.closedBy,
      meta.publishedAt,
      meta.publishedBy,
    ],
  );
  if (round.predictionQuestion && built.actual !== null) {
    await rounds.recordPredictionActual(m, round.id, built.actual);
  }
  await m.query('DELETE FROM result_entry WHERE round_id = $1', [round.id]);
  const res = ranking.results;
  const award = (r: (typeof res)[number]) => awards.get(r.personId);
  // The next chunk's arrays are built while PostgreSQL inserts the previous one (one connection queues them).
  let pending: Promise<unknown> | null = null;
  for (let i = 0; i < res.length; i += CHUNK) {
    const part = res.slice(i, i + CHUNK);
    const col = <T>(f: (r: (typeof res)[number], j: number) => T) => part.map((r, j) => f(r, i + j));
    const params = [
      round.id,
      round.contestId,
      col((_, j) => j),
      col((r) => r.rank),
      col((r) => r.personId),
      col((r) => r.attemptId),
      col((r) => r.attemptNo),
      col((r) => r.score),
      col((r) => r.maxScore),
      col((r) => Math.round(r.timeTakenMs)),
      col((r) => r.submittedAt.toISOString()),
      col((r) => r.prediction),
      col((r) => r.distance),
      col((r) => r.attemptsCounted),
      col((r) => r.vsPrevious),
      col((r) => award(r)?.group ?? built.groups?.get(r.personId) ?? null),
      col((r) => award(r)?.tierCode ?? null),
      col((r) => award(r)?.tierName ?? null),
      col((r) => award(r)?.level ?? null),
      col((r) => award(r)?.boundaryTie ?? false),
    ];
    if (pending) await pending;
    pending = m.query(INSERT_ENTRIES, params);
  }
  if (pending) await pending;
  return { version };
}

/** The stored places, as a correction compares them. */
export async function storedSnapshots(m: EntityManager, roundId: string): Promise<PlaceSnapshot[]> {
  const rows: { user_id: string; rank: number; attempt_id: string; score: number; prize_code: string | null }[] = await m.query(
    'SELECT user_id, rank, attempt_id, score::float8 AS score, prize_code FROM result_entry WHERE round_id = $1 ORDER BY position',
    [roundId],
  );
  return rows.map((r) => ({ personId: r.user_id, rank: r.rank, attemptId: r.attempt_id, score: r.score, award: r.prize_code }));
}

export function builtSnapshots(built: BuiltResult): PlaceSnapshot[] {
  return built.ranking.results.map((r) => ({
    personId: r.personId,
    rank: r.rank,
    attemptId: r.attemptId,
    score: r.score,
    award: built.awards.get(r.personId)?.tierCode ?? null,
  }));
}
