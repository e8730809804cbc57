import type { EntityManager } from 'typeorm';
import { countedAttemptSql } from '@lc/attempts';
import type { PlaceRow } from './places';
import { SCORE_BAND_SQL } from './histogram';

const COUNTED = countedAttemptSql('a');

/**
 * The SQL every statistic shares. An entry is an attempt that was submitted or finalised at
 * its deadline (not in progress, not voided), counted on the Vietnam day it was finished.
 * Every query takes $1 = round ids, $2 = start instant or null, $3 = end instant or null;
 * rounds are the filter because attempts are indexed by round first.
 */
export const entryWhere = (rounds = '$1', start = '$2', end = '$3') => `a.round_id = ANY(${rounds}::uuid[]) AND ${COUNTED}
  AND (${start}::timestamptz IS NULL OR a.submitted_at >= ${start}::timestamptz)
  AND (${end}::timestamptz IS NULL OR a.submitted_at < ${end}::timestamptz)`;
export const ENTRY_WHERE = entryWhere();

const DAY_SQL = `to_char(a.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;

export const TOTALS_SQL = `
SELECT count(*) FILTER (WHERE ${COUNTED})::int AS entries,
       count(DISTINCT a.user_id) FILTER (WHERE ${COUNTED})::int AS unique_entrants,
       count(*) FILTER (WHERE a.status = 'submitted')::int AS submitted,
       count(*) FILTER (WHERE a.status = 'expired')::int AS expired,
       count(*) FILTER (WHERE a.status = 'void')::int AS voided,
       avg(a.score / a.max_score) FILTER (WHERE ${COUNTED} AND a.max_score > 0)::float8 AS average_ratio
  FROM attempt a
 WHERE a.round_id = ANY($1::uuid[]) AND a.status <> 'in_progress'
   AND ($2::timestamptz IS NULL OR a.submitted_at >= $2::timestamptz)
   AND ($3::timestamptz IS NULL OR a.submitted_at < $3::timestamptz)`;

export const PER_ROUND_SQL = `
SELECT a.round_id, count(*)::int AS entries, count(DISTINCT a.user_id)::int AS unique_entrants,
       avg(a.score)::float8 AS average_score, max(a.max_score)::float8 AS max_score,
       avg(a.score / a.max_score) FILTER (WHERE a.max_score > 0)::float8 AS average_ratio,
       avg(a.time_taken_ms)::float8 AS average_time_ms,
       count(*) FILTER (WHERE a.max_score > 0 AND a.score >= a.max_score)::int AS perfect
  FROM attempt a
 WHERE ${ENTRY_WHERE}
 GROUP BY a.round_id`;

/** Per day, and per day and round, in one pass (GROUPING SETS). */
export const PER_DAY_SQL = `
SELECT ${DAY_SQL} AS day, a.round_id, GROUPING(a.round_id) AS all_rounds,
       count(*)::int AS entries, count(DISTINCT a.user_id)::int AS unique_entrants
  FROM attempt a
 WHERE ${ENTRY_WHERE}
 GROUP BY GROUPING SETS ((${DAY_SQL}), (${DAY_SQL}, a.round_id))
 ORDER BY 1, 2 NULLS FIRST`;

/**
 * Entrants by where they live (their profile) and the unit they entered for (the
 * contest's registration, else their profile). Entries are first counted per contest and
 * person, so each person joins the user table once.
 */
export const BY_PLACE_SQL = `
WITH e AS (
  SELECT a.contest_id, a.user_id, count(*)::int AS n FROM attempt a WHERE ${ENTRY_WHERE} GROUP BY a.contest_id, a.user_id
), p AS (
  SELECT e.user_id, e.n, NULLIF(btrim(u.province), '') AS province, NULLIF(btrim(u.commune), '') AS commune,
         COALESCE(NULLIF(btrim(r.unit), ''), NULLIF(btrim(u.unit), '')) AS unit
    FROM e JOIN "user" u ON u.id = e.user_id
    LEFT JOIN registration r ON r.contest_id = e.contest_id AND r.user_id = e.user_id
)
SELECT p.province, p.commune, p.unit, GROUPING(p.province) AS g_province, GROUPING(p.commune) AS g_commune, GROUPING(p.unit) AS g_unit,
       sum(p.n)::int AS entries, count(DISTINCT p.user_id)::int AS unique_entrants
  FROM p
 GROUP BY GROUPING SETS ((p.province), (p.province, p.commune), (p.unit))
 ORDER BY entries DESC, 1, 2, 3`;

export const SCORE_BANDS_SQL = `
SELECT a.round_id, ${SCORE_BAND_SQL} AS band, count(*)::int AS count
  FROM attempt a
 WHERE ${ENTRY_WHERE} AND a.max_score > 0
 GROUP BY 1, 2`;

/**
 * Answers grouped by round, question version and the answer given, with the time each
 * took: from the previous answer received (or the attempt's start) to this one. Choice
 * answers are mapped from the attempt's opaque option ids to the bank's ids through the
 * draw, so entries with different option orders group together. Nothing per entry leaves
 * the database: a question with four options has a handful of groups. Reading every draw
 * is the expensive part (seconds per hundred thousand entries), so it is done per round and
 * day ($4: the 'roundId:YYYY-MM-DD' keys wanted, all in one pass) and cached: see
 * AnswerTallyService.
 */
export const ANSWER_GROUPS_SQL = `
WITH sel AS MATERIALIZED (
  SELECT a.id, a.round_id, ${DAY_SQL} AS day, a.started_at, a.questions
    FROM attempt a
   WHERE ${ENTRY_WHERE} AND (a.round_id::text || ':' || ${DAY_SQL}) = ANY($4::text[])
), d AS (
  SELECT sel.id AS attempt_id, sel.round_id, sel.day, sel.started_at, q.key AS qkey, q."versionId" AS version_id, q.type, q.options
    FROM sel CROSS JOIN LATERAL jsonb_to_recordset(sel.questions) AS q(key text, "versionId" text, type text, options jsonb)
), ans AS (
  -- By the attempts' ids, through the primary key: never a scan of every answer ever saved.
  SELECT aa.attempt_id, aa.question_key, aa.value, aa.received_at FROM attempt_answer aa WHERE aa.attempt_id = ANY(ARRAY(SELECT id FROM sel))
), x AS (
  SELECT d.round_id, d.day, d.version_id,
         CASE WHEN aa.attempt_id IS NULL THEN NULL
              WHEN d.type IN ('single', 'multiple', 'true_false') THEN
                jsonb_path_query_array(d.options, '$[*] ? (@.id == $ids[*]).ref', jsonb_build_object('ids', aa.value->'optionIds'))
              ELSE aa.value->'value' END AS answer,
         GREATEST(0, extract(epoch FROM aa.received_at - COALESCE(lag(aa.received_at) OVER w, d.started_at)) * 1000) AS ms
    FROM d LEFT JOIN ans aa ON aa.attempt_id = d.attempt_id AND aa.question_key = d.qkey
  WINDOW w AS (PARTITION BY d.attempt_id ORDER BY aa.received_at)
)
SELECT x.round_id, x.day, x.version_id, x.answer, count(*)::int AS n, COALESCE(sum(x.ms), 0)::float8 AS time_sum_ms, count(x.ms)::int AS time_n
  FROM x
 GROUP BY 1, 2, 3, 4`;

/**
 * Each round's entries per Vietnam day, with a fingerprint of which entries they are (count
 * and a sum of id hashes): a voided, reinstated or new entry changes it.
 */
export const DAY_CHUNKS_SQL = `
SELECT a.round_id, ${DAY_SQL} AS day, count(*)::int AS entries,
       count(*)::text || ':' || COALESCE(sum(hashtext(a.id::text)::bigint), 0)::text AS fingerprint
  FROM attempt a
 WHERE ${ENTRY_WHERE}
 GROUP BY 1, 2`;

/** The question versions answers refer to (immutable once a round drew them). */
export const VERSIONS_SQL = `
SELECT v.id AS version_id, v.question_id, v.type, v.stem, v.options, v.answer, v.points::float8 AS points
  FROM question_version v WHERE v.id = ANY($1::uuid[])`;

/** Entries and entrants by place (BY_PLACE_SQL) for the rounds and period, as `splitPlaces` takes them. */
export function placeRows(m: EntityManager, roundIds: string[], start: Date | null, end: Date | null): Promise<PlaceRow[]> {
  return m.query(BY_PLACE_SQL, [roundIds, start, end]);
}
