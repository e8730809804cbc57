import type { EntityManager } from 'typeorm';
import type { ResultExportRow, WinnerExportRow } from '../../exports/result-columns';
import { cursorRows } from '../common/cursor';

export type ExportScope = 'ranking' | 'winners';
export type ExportFormat = 'xlsx' | 'csv';

interface Row {
  rank: number;
  full_name: string;
  national_id_masked: string | null;
  phone_masked: string | null;
  province: string | null;
  commune: string | null;
  unit: string | null;
  score: number;
  max_score: number;
  time_taken_ms: number;
  prediction: number | null;
  distance: number | null;
  submitted_at: Date;
  attempt_no: number | null;
  attempts_counted: number;
  prize_name: string | null;
  round_title: string;
}

/** Only masked personal numbers are ever read for an export: the full ones never leave the user table. */
const SQL = `SELECT e.rank, u.full_name, u.national_id_masked, u.phone_masked, u.province, u.commune, e.unit,
       e.score::float8 AS score, e.max_score::float8 AS max_score, e.time_taken_ms, e.prediction::float8 AS prediction,
       e.distance::float8 AS distance, e.submitted_at, e.attempt_no, e.attempts_counted, e.prize_name, r.title AS round_title
  FROM result_entry e JOIN "user" u ON u.id = e.user_id JOIN round r ON r.id = e.round_id`;

export async function countRows(m: EntityManager, roundId: string, scope: ExportScope): Promise<number> {
  const [{ n }]: { n: number }[] = await m.query(
    `SELECT count(*)::int AS n FROM result_entry WHERE round_id = $1 ${scope === 'winners' ? 'AND prize_code IS NOT NULL' : ''}`,
    [roundId],
  );
  return n;
}

/** Who and where, as both exports show them (personal numbers already masked in the table). */
function placeOf(r: Row) {
  return {
    rank: r.rank,
    fullName: r.full_name,
    nationalId: r.national_id_masked,
    phone: r.phone_masked,
    province: r.province,
    commune: r.commune,
    unit: r.unit,
    score: r.score,
    timeTakenMs: r.time_taken_ms,
    submittedAt: new Date(r.submitted_at),
  };
}

/** The full ranking, in place order, through a cursor (in the caller's transaction). */
export async function* rankingRows(m: EntityManager, roundId: string): AsyncGenerator<ResultExportRow> {
  for await (const r of cursorRows<Row>(m, `${SQL} WHERE e.round_id = $1 ORDER BY e.position`, [roundId], 2000)) {
    yield {
      ...placeOf(r),
      maxScore: r.max_score,
      prediction: r.prediction,
      distance: r.distance,
      attemptNo: r.attempt_no,
      attemptsCounted: r.attempts_counted,
      award: r.prize_name,
    };
  }
}

/** The winners, best prize first. */
export async function* winnerRows(m: EntityManager, roundId: string): AsyncGenerator<WinnerExportRow> {
  for await (const r of cursorRows<Row>(m, `${SQL} WHERE e.round_id = $1 AND e.prize_code IS NOT NULL ORDER BY e.prize_level, e.position`, [roundId], 2000)) {
    yield {
      round: r.round_title,
      prize: r.prize_name ?? '',
      ...placeOf(r),
    };
  }
}
