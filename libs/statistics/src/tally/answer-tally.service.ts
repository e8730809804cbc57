import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReadReplica } from '@lc/platform';
import type { DayRange } from '../common/period';
import type { AnswerGroup } from '../contest/question-stats';
import type { CachedGroup } from './answer-tally.entity';
import { allowLongGrouping, answerGroupRows, cachedTallies, dayChunks, type GroupRow, saveTally } from './answer-tally-store';
import { chunkKey, type DayChunk, planTallies } from './plan';

/** Entries a request may group itself (about five seconds on two cores); the rest is left to the background. */
export const IN_REQUEST_ENTRIES = 50_000;
/** Entries grouped by one statement. */
const BATCH_ENTRIES = 100_000;

export interface Tallies {
  groups: AnswerGroup[];
  /** Chunks grouped in this request, to be cached once the snapshot is over. */
  fresh: { chunk: DayChunk; groups: CachedGroup[] }[];
  /** Chunks too big for this request; while any remain, the per-question figures are withheld. */
  pending: DayChunk[];
  /** The snapshot was the replica's: its fingerprints may be behind the primary's (see `keep`). */
  fromReplica: boolean;
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

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly replica: ReadReplica,
  ) {}

  /** Inside the caller's snapshot: cached chunks that still match, the others grouped now up to `budget` entries. */
  async read(m: EntityManager, roundIds: string[], range: DayRange, budget: number): Promise<Tallies> {
    const chunks = await dayChunks(m, roundIds, range.start, range.end);
    const cached = new Map((await cachedTallies(m, roundIds)).map((r) => [chunkKey({ roundId: r.round_id, day: r.day }), r]));
    const plan = planTallies(chunks, new Map([...cached].map(([k, r]) => [k, r.fingerprint])), budget);
    const groups: AnswerGroup[] = [];
    for (const c of plan.reuse) groups.push(...cached.get(chunkKey(c))!.groups.map((g) => fromCached(c.roundId, g)));
    const fresh: Tallies['fresh'] = [];
    if (plan.compute.length) {
      await allowLongGrouping(m);
      for (const batch of batches(plan.compute, BATCH_ENTRIES)) fresh.push(...(await groupChunks(m, batch)));
      for (const f of fresh) groups.push(...f.groups.map((g) => fromCached(f.chunk.roundId, g)));
    }
    return { groups, fresh, pending: plan.defer, fromReplica: this.replica.readsReplica(m) };
  }

  /**
   * After the snapshot: caches what it grouped and leaves the rest to the background. The cache
   * row is a write, so what it holds is decided on the primary: groups read on the replica (up
   * to REPLICA_MAX_LAG_MS behind) are kept only for the chunks whose fingerprint on the primary
   * is the same now; the others are grouped again on the primary, in the background.
   */
  async keep(t: Tallies): Promise<void> {
    let fresh = t.fresh;
    const again = [...t.pending];
    if (t.fromReplica && fresh.length) {
      const now = new Map(
        (await dayChunks(this.db.manager, [...new Set(fresh.map((f) => f.chunk.roundId))], null, null)).map((c) => [chunkKey(c), c.fingerprint]),
      );
      const same = fresh.filter((f) => now.get(chunkKey(f.chunk)) === f.chunk.fingerprint);
      for (const f of fresh) if (!same.includes(f) && now.has(chunkKey(f.chunk))) again.push(f.chunk);
      fresh = same;
    }
    if (fresh.length) await this.save(fresh);
    if (again.length) this.inBackground(again);
  }

  async save(fresh: Tallies['fresh']): Promise<void> {
    for (const { chunk, groups } of fresh) await saveTally(this.db.manager, chunk, groups);
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
      await allowLongGrouping(m);
      // The fingerprints again, in this transaction's snapshot, so the cache says what it holds.
      const wanted = new Set(batch.map(chunkKey));
      const chunks = (await dayChunks(m, [...new Set(batch.map((c) => c.roundId))], null, null)).filter((c) => wanted.has(chunkKey(c)));
      return chunks.length ? groupChunks(m, chunks) : [];
    });
    await this.save(done);
  }
}

/** One pass over the rounds' attempts for every chunk asked; chunks with no answers get no groups. */
async function groupChunks(m: EntityManager, chunks: DayChunk[]): Promise<Tallies['fresh']> {
  const rows = await answerGroupRows(m, chunks);
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
