import { Inject, Injectable } from '@nestjs/common';
import { RoundClosedMarker } from '@lc/contests';
import { AppConfig, HOT_SHARDS, hotShardOf, hotShardTag, REDIS, RedisClient, RedisKeys } from '@lc/platform';
import type { SavedAnswer } from '../attempt/attempt-answer.entity';
import type { DrawnQuestion } from '../draw/draw';
import { CLOSE, FINISHED, INIT, SAVE, SET_STATUS_IF, TAKE_DIRTY, TAKE_DUE, UNWRITTEN, WRITTEN } from './attempt.scripts';

/** Hot state lives this long past the deadline; after that PostgreSQL alone answers. */
const IN_PROGRESS_TTL_AFTER_DEADLINE_MS = 3600_000;
/** A finished attempt's state is kept briefly so late autosaves get a clear answer without SQL. */
const FINISHED_TTL_MS = 15 * 60_000;

export interface HotAttempt {
  id: string;
  userId: string;
  roundId: string;
  contestId: string;
  attemptNo: number;
  poolVersion: number;
  status: string;
  startedAt: number;
  deadlineAt: number;
  draw: DrawnQuestion[];
}

export interface StoredAnswer {
  answer: SavedAnswer;
  seq: number;
  rev: number;
  receivedAt: number;
}

export type SaveResult =
  | { r: 'ok'; seq: number; now: number }
  | { r: 'missing' | 'forbidden' | 'unknown_question' }
  | { r: 'closed'; status: string; now: number }
  | RoundClosed
  | { r: 'deadline'; deadlineAt: number; now: number }
  | { r: 'rate'; retryMs: number }
  | { r: 'wrong_kind' | 'one_option'; type: string }
  | { r: 'unknown_option'; optionId: string }
  | { r: 'stale'; seq: number };

/** The organiser closed the round early, at closedAt: nothing after that counts. */
export type RoundClosed = { r: 'round_closed'; closedAt: number; now: number };

export type CloseResult =
  | { r: 'missing' | 'forbidden' }
  | { r: 'done'; status: string }
  | RoundClosed
  | { r: 'early'; deadlineAt: number; now: number }
  | {
      r: 'ok';
      now: number;
      late: boolean;
      attempt: HotAttempt;
      answers: Map<string, StoredAnswer>;
      cutAt: number | null;
      /** Answers up to this revision are in PostgreSQL already (the write-behind's frev). */
      writtenRev: number;
    };

export type AnswerKind = 'o' | 'n' | 's' | 'x';

@Injectable()
export class AttemptHotStore {
  /** On Redis Cluster, attempts are spread over HOT_SHARDS hash tags (platform `hot-shards.ts`). */
  readonly sharded: boolean;
  /** Per shard (one on a single server): the write-behind set and its in-flight twin. */
  private readonly dirtySets: { dirty: string; inflight: string }[];
  /** Per shard (one on a single server): attempts in progress scored by their deadline (ms). */
  private readonly deadlineSets: string[];
  /** The shard takeDirty starts from next, so no shard waits behind a busy one. */
  private nextShard = 0;

  constructor(
    @Inject(REDIS) readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly closedRounds: RoundClosedMarker,
    config: AppConfig,
  ) {
    this.sharded = config.redisClusterNodes !== null;
    this.dirtySets = this.sharded
      ? Array.from({ length: HOT_SHARDS }, (_, i) => ({
          dirty: keys.key('answers', hotShardTag(i), 'dirty'),
          inflight: keys.key('answers', hotShardTag(i), 'inflight'),
        }))
      : [{ dirty: keys.key('answers', 'dirty'), inflight: keys.key('answers', 'inflight') }];
    this.deadlineSets = this.sharded
      ? Array.from({ length: HOT_SHARDS }, (_, i) => keys.key('attempts', hotShardTag(i), 'deadlines'))
      : [keys.key('attempts', 'deadlines')];
  }

  /** The hash tag of an attempt's keys: its own id, or its shard's on a cluster. */
  private tag(id: string): string {
    return this.sharded ? hotShardTag(hotShardOf(id)) : `{${id}}`;
  }
  meta(id: string): string {
    return this.sharded ? this.keys.key('attempt', this.tag(id), id, 'meta') : this.keys.key('attempt', `{${id}}`, 'meta');
  }
  ans(id: string): string {
    return this.sharded ? this.keys.key('attempt', this.tag(id), id, 'ans') : this.keys.key('attempt', `{${id}}`, 'ans');
  }
  /** The write-behind sets an attempt is marked in. */
  dirtySetOf(id: string): { dirty: string; inflight: string } {
    return this.dirtySets[this.sharded ? hotShardOf(id) : 0];
  }
  /** The deadline set an attempt waits in until it is finalised. */
  deadlineSetOf(id: string): string {
    return this.deadlineSets[this.sharded ? hotShardOf(id) : 0];
  }
  /** Every write-behind set (one per shard). */
  get allDirtySets(): readonly { dirty: string; inflight: string }[] {
    return this.dirtySets;
  }

  /** Writes the attempt's state unless it is already there (hydration after a Redis loss races safely). */
  async init(a: HotAttempt, answers: Map<string, StoredAnswer> = new Map()): Promise<boolean> {
    const ttl = a.deadlineAt + IN_PROGRESS_TTL_AFTER_DEADLINE_MS;
    const meta: (string | number)[] = [
      'owner',
      a.userId,
      'round',
      a.roundId,
      'contest',
      a.contestId,
      'status',
      a.status,
      'started',
      a.startedAt,
      'deadline',
      a.deadlineAt,
      'ttl',
      ttl,
      'attemptNo',
      a.attemptNo,
      'pv',
      a.poolVersion,
      'draw',
      JSON.stringify(a.draw),
      'rev',
      Math.max(0, ...[...answers.values()].map((x) => x.rev)),
    ];
    for (const q of a.draw) meta.push(`q:${q.key}`, `${q.type}|${q.options.map((o) => o.id).join(',')}`);
    const ans: string[] = [];
    for (const [k, v] of answers) ans.push(k, encodeStored(v));
    const created = await INIT.run<number>(
      this.redis,
      [this.meta(a.id), this.ans(a.id), this.deadlineSetOf(a.id)],
      [ttl, meta.length / 2, a.deadlineAt, a.id, ...meta, ...ans],
    );
    return created === 1;
  }

  async save(
    attemptId: string,
    userId: string,
    questionKey: string,
    kind: AnswerKind,
    answer: SavedAnswer,
    seq: number | undefined,
    graceMs: number,
    ratePerMinute: number,
  ): Promise<SaveResult> {
    const r = await SAVE.run<string[]>(
      this.redis,
      [this.meta(attemptId), this.ans(attemptId), this.dirtySetOf(attemptId).dirty],
      [
        userId,
        questionKey,
        kind,
        JSON.stringify(answer),
        (answer.optionIds ?? []).join(','),
        seq === undefined ? '' : seq,
        graceMs,
        ratePerMinute,
        attemptId,
        this.closedRounds.headFor(attemptId),
        this.closedRounds.tail,
      ],
    );
    switch (r[0]) {
      case 'ok':
        return { r: 'ok', seq: Number(r[1]), now: Number(r[2]) };
      case 'closed':
        return { r: 'closed', status: r[1], now: Number(r[2]) };
      case 'round_closed':
        return { r: 'round_closed', closedAt: Number(r[1]), now: Number(r[2]) };
      case 'deadline':
        return { r: 'deadline', deadlineAt: Number(r[1]), now: Number(r[2]) };
      case 'rate':
        return { r: 'rate', retryMs: Number(r[1]) };
      case 'wrong_kind':
      case 'one_option':
        return { r: r[0], type: r[1] };
      case 'unknown_option':
        return { r: 'unknown_option', optionId: r[1] };
      case 'stale':
        return { r: 'stale', seq: Number(r[1]) };
      default:
        return { r: r[0] as 'missing' | 'forbidden' | 'unknown_question' };
    }
  }

  async close(attemptId: string, userId: string | null, graceMs: number, mode: 'submit' | 'expire' | 'force'): Promise<CloseResult> {
    const r = await CLOSE.run<(string | string[])[]>(
      this.redis,
      [this.meta(attemptId), this.ans(attemptId)],
      [userId ?? '', graceMs, mode, this.closedRounds.headFor(attemptId), this.closedRounds.tail],
    );
    switch (r[0]) {
      case 'round_closed':
        return { r: 'round_closed', closedAt: Number(r[1]), now: Number(r[2]) };
      case 'ok': {
        const meta = pairs(r[3] as string[]);
        return {
          r: 'ok',
          now: Number(r[1]),
          late: r[2] === '1',
          attempt: parseMeta(attemptId, meta),
          answers: parseAnswers(pairs(r[4] as string[])),
          cutAt: r[5] ? Number(r[5]) : null,
          writtenRev: Number(meta.frev ?? 0) || 0,
        };
      }
      case 'done':
        return { r: 'done', status: r[1] as string };
      case 'early':
        return { r: 'early', deadlineAt: Number(r[1]), now: Number(r[2]) };
      default:
        return { r: r[0] as 'missing' | 'forbidden' };
    }
  }

  /** After the PostgreSQL commit: the final status, kept a little while for late callers; off the deadline set. */
  async finished(attemptId: string, status: string): Promise<void> {
    await FINISHED.run(this.redis, [this.meta(attemptId), this.ans(attemptId), this.deadlineSetOf(attemptId)], [status, FINISHED_TTL_MS, attemptId]);
  }

  /**
   * Up to n attempts per shard past their deadline + grace, each leased
   * to the caller for leaseMs: it comes back due if the caller never settles it.
   */
  async takeDue(n: number, graceMs: number, leaseMs: number): Promise<string[]> {
    const each = await Promise.all(this.deadlineSets.map((set) => TAKE_DUE.run<string[]>(this.redis, [set], [graceMs, n, leaseMs])));
    return each.flat();
  }

  /** The attempt's deadline as the sweeper should see it next (it moved, or it is settled elsewhere: null). */
  async dueAt(attemptId: string, deadlineAt: number | null): Promise<void> {
    const set = this.deadlineSetOf(attemptId);
    await (deadlineAt === null ? this.redis.zrem(set, attemptId) : this.redis.zadd(set, deadlineAt, attemptId));
  }

  /** A failed submit gives the attempt back to its owner (unless something else finished it). */
  async reopen(attemptId: string): Promise<void> {
    await SET_STATUS_IF.run(this.redis, [this.meta(attemptId)], ['closing', 'in_progress']);
  }

  async read(attemptId: string): Promise<{ attempt: HotAttempt; answers: Map<string, StoredAnswer> } | null> {
    const [[e1, meta], [e2, ans]] = (await this.redis.multi().hgetall(this.meta(attemptId)).hgetall(this.ans(attemptId)).exec()) as [
      Error | null,
      Record<string, string>,
    ][];
    if (e1 || e2) throw e1 ?? e2;
    if (!meta || !meta.owner) return null;
    return { attempt: parseMeta(attemptId, meta), answers: parseAnswers(ans ?? {}) };
  }

  /**
   * Each attempt's answers changed since its last write-behind (all of them when that is not
   * known), with the newest rev among them: rewriting every answer of an attempt on each flush
   * made the worker and PostgreSQL do ten times the work during a surge. One call per shard.
   */
  async unwrittenAnswersOf(attemptIds: string[]): Promise<Map<string, { answers: Map<string, StoredAnswer>; rev: number }>> {
    const out = new Map<string, { answers: Map<string, StoredAnswer>; rev: number }>();
    await Promise.all(
      [...this.bySet(attemptIds)].map(async ([, ids]) => {
        const res = await UNWRITTEN.run<string[][]>(
          this.redis,
          ids.flatMap((id) => [this.meta(id), this.ans(id)]),
          [],
        );
        ids.forEach((id, i) => {
          const answers = parseAnswers(pairs(res[i] ?? []));
          let rev = 0;
          for (const x of answers.values()) rev = Math.max(rev, x.rev);
          out.set(id, { answers, rev });
        });
      }),
    );
    return out;
  }

  /**
   * After the write-behind committed: the revs given are in PostgreSQL (missing: nothing was
   * written), and the batch is no longer in flight. One call per shard.
   */
  async written(attemptIds: string[], revs: Map<string, number>): Promise<void> {
    await Promise.all(
      [...this.bySet(attemptIds)].map(([set, ids]) =>
        WRITTEN.run(
          this.redis,
          [set.inflight, ...ids.map((id) => this.meta(id))],
          ids.flatMap((id) => [id, revs.get(id) ?? 0]),
        ),
      ),
    );
  }

  /** Up to n attempt ids to write behind (shard after shard on a cluster), remembered in flight. */
  async takeDirty(n: number): Promise<string[]> {
    const out: string[] = [];
    const count = this.dirtySets.length;
    const start = this.nextShard;
    this.nextShard = (this.nextShard + 1) % count;
    for (let i = 0; i < count && out.length < n; i++) {
      const set = this.dirtySets[(start + i) % count];
      out.push(...(await TAKE_DIRTY.run<string[]>(this.redis, [set.dirty, set.inflight], [n - out.length])));
    }
    return out;
  }

  async redirty(ids: string[]): Promise<void> {
    await Promise.all(
      [...this.bySet(ids)].map(([set, some]) =>
        this.redis
          .multi()
          .sadd(set.dirty, ...some)
          .srem(set.inflight, ...some)
          .exec(),
      ),
    );
  }

  /** After a crash mid-batch: whatever was in flight is written again (writes are idempotent). */
  async recoverInflight(): Promise<void> {
    await Promise.all(this.dirtySets.map((set) => this.redis.multi().sunionstore(set.dirty, set.dirty, set.inflight).del(set.inflight).exec()));
  }

  private bySet(ids: string[]): Map<{ dirty: string; inflight: string }, string[]> {
    const out = new Map<{ dirty: string; inflight: string }, string[]>();
    for (const id of ids) {
      const set = this.dirtySetOf(id);
      const some = out.get(set);
      if (some) some.push(id);
      else out.set(set, [id]);
    }
    return out;
  }
}

/**
 * An object keyed by ids no other object has (question keys, `q:<key>` fields). Without a prototype
 * V8 keeps it a dictionary from the start; a plain {} grew a new hidden class with every such key:
 * pairs() of a submit's meta took 17–34 µs instead of 3, and the write-behind spent a tenth of the
 * worker's CPU there, plus the garbage.
 */
function keyed<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** The saved answers by question key, as scoring and the answer pattern read them. */
export function answerValues(answers: Map<string, StoredAnswer>): Record<string, SavedAnswer> {
  const out = keyed<SavedAnswer>();
  for (const [k, v] of answers) out[k] = v.answer;
  return out;
}

function pairs(flat: string[]): Record<string, string> {
  const out = keyed<string>();
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i]] = flat[i + 1];
  return out;
}

function parseMeta(id: string, m: Record<string, string>): HotAttempt {
  return {
    id,
    userId: m.owner,
    roundId: m.round,
    contestId: m.contest,
    attemptNo: Number(m.attemptNo),
    poolVersion: Number(m.pv),
    status: m.status,
    startedAt: Number(m.started),
    deadlineAt: Number(m.deadline),
    draw: JSON.parse(m.draw) as DrawnQuestion[],
  };
}

export function encodeStored(v: StoredAnswer): string {
  return `${v.rev}|${v.seq}|${v.receivedAt}|${JSON.stringify(v.answer)}`;
}

export function decodeStored(raw: string): StoredAnswer | null {
  const m = /^(\d+)\|(\d+)\|(\d+)\|(.*)$/s.exec(raw);
  if (!m) return null;
  return { rev: Number(m[1]), seq: Number(m[2]), receivedAt: Number(m[3]), answer: JSON.parse(m[4]) as SavedAnswer };
}

function parseAnswers(h: Record<string, string>): Map<string, StoredAnswer> {
  const out = new Map<string, StoredAnswer>();
  for (const [k, v] of Object.entries(h)) {
    const d = decodeStored(v);
    if (d) out.set(k, d);
  }
  return out;
}
