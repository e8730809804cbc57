import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventBus, REDIS, RedisClient, RedisKeys } from '@lc/platform';
import { RoundKeys } from '../board/board-keys';
import { shortName } from './short-name';
import { displayRows, roundsOfUser } from './display-names-store';

export interface DisplayData {
  displayName: string;
  unit: string | null;
  province: string | null;
}

/** Names change rarely; a day-old name on a board is acceptable, a stale one forever is not. */
const NAMES_TTL_S = 6 * 3600;
const MISSING: DisplayData = { displayName: '—', unit: null, province: null };

/**
 * What a board shows about a resident — shortened name, unit (the contest registration's,
 * else the profile's) and province; never phone or national ID. Cached per round in one
 * Redis hash, filled from PostgreSQL on a miss, so recording an entry costs no SQL.
 */
@Injectable()
export class DisplayNamesService implements OnModuleInit {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: EventBus,
  ) {}

  onModuleInit(): void {
    this.bus.on('AccountErased', 'DisplayNamesService.forget', ({ userId }) => this.forget(userId));
  }

  /** An erased account's cached name leaves every board it is on; the next read loads the anonymised one. */
  async forget(userId: string): Promise<void> {
    const rounds = await roundsOfUser(this.db.manager, userId);
    if (!rounds.length) return;
    // One command per round, not a pipeline: on a Redis Cluster the rounds' hashes live on different masters.
    await Promise.all(rounds.map((roundId) => this.redis.hdel(new RoundKeys(this.keys, roundId).names, userId)));
  }

  async get(roundId: string, contestId: string, userIds: string[]): Promise<Map<string, DisplayData>> {
    if (!userIds.length) return new Map();
    const cached = await this.redis.hmget(new RoundKeys(this.keys, roundId).names, ...userIds);
    return this.complete(roundId, contestId, userIds, cached);
  }

  /** The display data of `userIds` from what the cache held for each (`cached`, as HMGET answers), loading and caching the rest. */
  async complete(roundId: string, contestId: string, userIds: string[], cached: (string | null)[]): Promise<Map<string, DisplayData>> {
    const out = new Map<string, DisplayData>();
    const key = new RoundKeys(this.keys, roundId).names;
    const missing: string[] = [];
    userIds.forEach((id, i) => {
      const c = cached[i];
      if (c === null) missing.push(id);
      else {
        const [displayName, unit, province] = JSON.parse(c) as [string, string | null, string | null];
        out.set(id, { displayName, unit, province });
      }
    });
    if (missing.length) {
      const loaded = await this.load(contestId, missing);
      const pipe = this.redis.pipeline();
      for (const id of missing) {
        const d = loaded.get(id) ?? MISSING;
        out.set(id, d);
        pipe.hset(key, id, JSON.stringify([d.displayName, d.unit, d.province]));
      }
      pipe.expire(key, NAMES_TTL_S);
      await pipe.exec();
    }
    return out;
  }

  /** Pre-fills a round's cache (rebuild) without touching PostgreSQL again per page. */
  async prime(roundId: string, rows: { userId: string; fullName: string | null; unit: string | null; province: string | null }[]): Promise<void> {
    const key = new RoundKeys(this.keys, roundId).names;
    for (let i = 0; i < rows.length; i += 1000) {
      const pipe = this.redis.pipeline();
      for (const r of rows.slice(i, i + 1000)) pipe.hset(key, r.userId, JSON.stringify([shortName(r.fullName), r.unit, r.province]));
      pipe.expire(key, NAMES_TTL_S);
      await pipe.exec();
    }
  }

  private async load(contestId: string, userIds: string[]): Promise<Map<string, DisplayData>> {
    const rows = await displayRows(this.db.manager, contestId, userIds);
    return new Map(rows.map((r) => [r.id, { displayName: shortName(r.full_name), unit: r.unit, province: r.province }]));
  }
}
