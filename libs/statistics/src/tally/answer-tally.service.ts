import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ANSWER_GROUPS_SQL, DAY_CHUNKS_SQL } from '../common/entry-sql';
import type { DayRange } from '../common/period';
import type { AnswerGroup } from '../contest/question-stats';
import type { CachedGroup } from './answer-tally.entity';
import { chunkKey, type DayChunk, planTallies } from './plan';

/** Entries a request may group itself (about five seconds on two cores); the rest is left to the background. */
export const IN_REQUEST_ENTRIES = 50_000;
/** Entries grouped by one statement. */
const BATCH_ENTRIES = 100_000;

interface GroupRow {
  round_id: string;
  day: string;
  version_id: string;
  answer: AnswerGroup['answer'];
  n: number;
  time_sum_ms: number;
  time_n: number;
}

export interface Tallies {
  groups: AnswerGroup[];
  /** Chunks grouped in this request, to be cached once the snapshot is over. */
  fresh: { chunk: DayChunk; groups: CachedGroup[] }[];
  /** Chunks too big for this request; while any remain, the per-question figures are withheld. */
  pending: DayChunk[];
}

/**
 * Per-question answer groups of a contest, assembled from a cache of one row per round and
 * Vietnam day (statistics_answer_tally): a closed round is grouped once, an open one only
 * for its days whose entries changed.
 */
@Injectable()
export class AnswerTallyService {
  private readonly log = new Logger(AnswerTallyService.name);
  private readonly running = new Set<string>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inside the caller's snapshot: cached chunks that still match, the others grouped now up to `budget` entries. */
  async read(m: EntityManager, roundIds: string[], range: DayRange, budget: number): Promise<Tallies> {
    const chunks = (await m.query(DAY_CHUNKS_SQL, [roundIds, range.start, range.end])) as {
      round_id: string;
      day: string;
      entries: number;
      fingerprint: string;
    }[];
    const cachedRows = (await m.query('SELECT round_id, day::text AS day, fingerprint, groups FROM statistics_answer_tally WHERE round_id = ANY($1::uuid[])', [
      roundIds,
    ])) as {
      round_id: string;
      day: string;
      fingerprint: string;
      groups: CachedGroup[];
    }[];
    const cached = new Map(cachedRows.map((r) => [chunkKey({ roundId: r.round_id, day: r.day }), r]));
    const plan = planTallies(
      chunks.map((c) => ({ roundId: c.round_id, day: c.day, entries: c.entries, fingerprint: c.fingerprint })),
      new Map([...cached].map(([k, r]) => [k, r.fingerprint])),
      budget,
    );
    const groups: AnswerGroup[] = [];
    for (const c of plan.reuse) groups.push(...cached.get(chunkKey(c))!.groups.map((g) => fromCached(c.roundId, g)));
    const fresh: Tallies['fresh'] = [];
    if (plan.compute.length) {
      // A spreadsheet of a national contest groups millions of answers: give it time, in bounded statements.
      await m.query("SET LOCAL statement_timeout = '10min'; SET LOCAL work_mem = '64MB'; SET LOCAL jit = off");
      for (const batch of batches(plan.compute, BATCH_ENTRIES)) fresh.push(...(await groupChunks(m, batch)));
      for (const f of fresh) groups.push(...f.groups.map((g) => fromCached(f.chunk.roundId, g)));
    }
    return { groups, fresh, pending: plan.defer };
  }

  async save(fresh: Tallies['fresh']): Promise<void> {
    for (const { chunk, groups } of fresh) {
      await this.db.query(
        `INSERT INTO statistics_answer_tally (round_id, day, fingerprint, entries, groups, computed_at) VALUES ($1, $2, $3, $4, $5::jsonb, now())
         ON CONFLICT (round_id, day) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, entries = EXCLUDED.entries, groups = EXCLUDED.groups, computed_at = EXCLUDED.computed_at`,
        [chunk.roundId, chunk.day, chunk.fingerprint, chunk.entries, JSON.stringify(groups)],
      );
    }
  }

  /** Groups the chunks after the response, a bounded batch per statement, each chunk once at a time in this process. */
  inBackground(chunks: DayChunk[]): void {
    const todo = chunks.filter((c) => !this.running.has(chunkKey(c)));
    for (const c of todo) this.running.add(chunkKey(c));
    void (async () => {
      for (const batch of batches(todo, BATCH_ENTRIES)) {
        try {
          await this.groupAndSave(batch);
        } catch (e) {
          this.log.warn(`grouping answers of ${batch.length} round-days failed: ${(e as Error).message}`);
        } finally {
          for (const c of batch) this.running.delete(chunkKey(c));
        }
      }
    })();
  }

  private async groupAndSave(batch: DayChunk[]): Promise<void> {
    const done = await this.db.transaction('REPEATABLE READ', async (m) => {
      await m.query("SET LOCAL statement_timeout = '10min'; SET LOCAL work_mem = '64MB'; SET LOCAL jit = off");
      // The fingerprints again, in this transaction's snapshot, so the cache says what it holds.
      const now = (await m.query(DAY_CHUNKS_SQL, [[...new Set(batch.map((c) => c.roundId))], null, null])) as {
        round_id: string;
        day: string;
        entries: number;
        fingerprint: string;
      }[];
      const wanted = new Set(batch.map(chunkKey));
      const chunks = now
        .map((r) => ({ roundId: r.round_id, day: r.day, entries: r.entries, fingerprint: r.fingerprint }))
        .filter((c) => wanted.has(chunkKey(c)));
      return chunks.length ? groupChunks(m, chunks) : [];
    });
    await this.save(done);
  }
}

/** One pass over the rounds' attempts for every chunk asked; chunks with no answers get no groups. */
async function groupChunks(m: EntityManager, chunks: DayChunk[]): Promise<Tallies['fresh']> {
  const rows = (await m.query(ANSWER_GROUPS_SQL, [[...new Set(chunks.map((c) => c.roundId))], null, null, chunks.map(chunkKey)])) as GroupRow[];
  const byChunk = new Map<string, CachedGroup[]>(chunks.map((c) => [chunkKey(c), []]));
  for (const r of rows) byChunk.get(chunkKey({ roundId: r.round_id, day: r.day }))?.push(toCached(r));
  return chunks.map((c) => ({ chunk: c, groups: byChunk.get(chunkKey(c))! }));
}

/** Chunks in batches of about `size` entries (a chunk bigger than that is a batch of its own). */
function batches(chunks: DayChunk[], size: number): DayChunk[][] {
  const out: DayChunk[][] = [];
  let cur: DayChunk[] = [];
  let n = 0;
  for (const c of chunks) {
    if (cur.length && n + c.entries > size) {
      out.push(cur);
      cur = [];
      n = 0;
    }
    cur.push(c);
    n += c.entries;
  }
  if (cur.length) out.push(cur);
  return out;
}

const toCached = (r: GroupRow): CachedGroup => ({ v: r.version_id, a: r.answer, n: r.n, t: r.time_sum_ms, c: r.time_n });
const fromCached = (roundId: string, g: CachedGroup): AnswerGroup => ({ roundId, versionId: g.v, answer: g.a, count: g.n, timeSumMs: g.t, timeCount: g.c });
