import type { EntityManager } from 'typeorm';
import { ANSWER_GROUPS_SQL, DAY_CHUNKS_SQL } from '../common/entry-sql';
import type { AnswerGroup } from '../contest/question-stats';
import type { CachedGroup } from './answer-tally.entity';
import { chunkKey, type DayChunk } from './plan';

/** The SQL of the answer tallies and their cache, statistics_answer_tally (AnswerTallyService decides what to read and keep). */

export interface GroupRow {
  round_id: string;
  day: string;
  version_id: string;
  answer: AnswerGroup['answer'];
  n: number;
  time_sum_ms: number;
  time_n: number;
}

/** Each round's entries per Vietnam day with their fingerprint; start/end null: every day. */
export async function dayChunks(m: EntityManager, roundIds: string[], start: Date | null, end: Date | null): Promise<DayChunk[]> {
  const rows = (await m.query(DAY_CHUNKS_SQL, [roundIds, start, end])) as { round_id: string; day: string; entries: number; fingerprint: string }[];
  return rows.map((r) => ({ roundId: r.round_id, day: r.day, entries: r.entries, fingerprint: r.fingerprint }));
}

export function cachedTallies(m: EntityManager, roundIds: string[]): Promise<{ round_id: string; day: string; fingerprint: string; groups: CachedGroup[] }[]> {
  return m.query('SELECT round_id, day::text AS day, fingerprint, groups FROM statistics_answer_tally WHERE round_id = ANY($1::uuid[])', [roundIds]);
}

export async function saveTally(m: EntityManager, chunk: DayChunk, groups: CachedGroup[]): Promise<void> {
  await m.query(
    `INSERT INTO statistics_answer_tally (round_id, day, fingerprint, entries, groups, computed_at) VALUES ($1, $2, $3, $4, $5::jsonb, now())
     ON CONFLICT (round_id, day) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, entries = EXCLUDED.entries, groups = EXCLUDED.groups, computed_at = EXCLUDED.computed_at`,
    [chunk.roundId, chunk.day, chunk.fingerprint, chunk.entries, JSON.stringify(groups)],
  );
}

/** A spreadsheet of a national contest groups millions of answers: give the rest of the transaction time, in bounded statements. */
export async function allowLongGrouping(m: EntityManager): Promise<void> {
  await m.query("SET LOCAL statement_timeout = '10min'; SET LOCAL work_mem = '64MB'; SET LOCAL jit = off");
}

/** One pass over the rounds' attempts for every chunk asked (ANSWER_GROUPS_SQL). */
export function answerGroupRows(m: EntityManager, chunks: DayChunk[]): Promise<GroupRow[]> {
  return m.query(ANSWER_GROUPS_SQL, [[...new Set(chunks.map((c) => c.roundId))], null, null, chunks.map(chunkKey)]);
}
