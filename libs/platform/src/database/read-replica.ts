import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** How the replica stands, as /health shows it. */
export interface ReplicaStatus {
  /** off: no DATABASE_REPLICA_URL. */
  state: 'off' | 'up' | 'lagging' | 'down';
  /** Replay lag behind the primary (0 when it has replayed everything the primary wrote). */
  lagMs: number | null;
  /** Where the named read paths go now. */
  serving: 'replica' | 'primary';
  error?: string;
}

const CHECK_EVERY_MS = 1000;

/**
 * The streaming replica (DATABASE_REPLICA_URL), read only by the paths that ask for it by
 * name — never by TypeORM's implicit routing, so what may read stale data is visible in
 * the code (docs/architecture.md lists them): statistics (`snapshot`, within the lag bound),
 * result exports (`snapshot` caught up), the public result pages and leaderboard rebuilds
 * (`queryCaughtUp`). Nothing that decides a write reads here unchecked (a rebuild reads only
 * after the replica has replayed the primary's WAL position taken when it began).
 * Every second the lag is measured against the primary (its WAL position, not the replica's
 * own receive position, so a replica cut off from the primary counts as lagging); a replica
 * further behind than REPLICA_MAX_LAG_MS, or unreachable, or failing a query, sends the reads
 * to the primary until it is back.
 */
@Injectable()
export class ReadReplica implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(ReadReplica.name);
  private pool?: Pool;
  /** The same replica for TypeORM transactions (snapshots): only raw queries and cursors run on it, so no entities. */
  private snapshots?: DataSource;
  private opening?: Promise<DataSource>;
  private timer?: NodeJS.Timeout;
  private current: ReplicaStatus;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly primary: DataSource,
  ) {
    this.current = { state: 'off', lagMs: null, serving: 'primary' };
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.databaseReplicaUrl) return;
    this.pool = new Pool({
      connectionString: this.config.databaseReplicaUrl,
      max: Math.max(2, Math.ceil(this.config.databasePoolSize / 2)),
      connectionTimeoutMillis: 2000,
      idleTimeoutMillis: 30_000,
      // A heavy read on a replica that falls behind must not hold its slot for ever.
      statement_timeout: 120_000,
    });
    this.pool.on('error', () => undefined); // an idle client's socket died: the next check notices
    this.snapshots = new DataSource({
      type: 'postgres',
      url: this.config.databaseReplicaUrl,
      entities: [],
      synchronize: false,
      migrationsRun: false,
      namingStrategy: new SnakeNamingStrategy(),
      extra: {
        max: Math.max(2, Math.ceil(this.config.databasePoolSize / 4)),
        connectionTimeoutMillis: 2000,
        idleTimeoutMillis: 30_000,
        statement_timeout: 120_000,
      },
    });
    this.current = { state: 'down', lagMs: null, serving: 'primary' };
    await this.check();
    if (!this.pool) return; // shut down while the first check was opening the replica
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const p = this.pool;
    const s = this.snapshots;
    this.pool = undefined;
    this.snapshots = undefined;
    await p?.end().catch(() => undefined);
    // A check may be opening the snapshot connection right now (the replica came back): once that
    // finishes, it is closed too. Before, it opened after this returned and kept the process alive.
    await this.opening?.catch(() => undefined);
    if (s?.isInitialized) await s.destroy().catch(() => undefined);
  }

  status(): ReplicaStatus {
    return { ...this.current };
  }

  /** Measures the lag now (also run every second). */
  async check(): Promise<ReplicaStatus> {
    const pool = this.pool;
    if (!pool) return this.status();
    try {
      const [{ lsn }] = (await this.primary.query('SELECT pg_current_wal_insert_lsn()::text AS lsn')) as { lsn: string }[];
      const r = await pool.query<{ standby: boolean; replayed: string | null; behind_ms: number | null }>(
        `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed,
                (EXTRACT(EPOCH FROM (now() - pg_last_xact_replay_timestamp())) * 1000)::float8 AS behind_ms`,
      );
      const row = r.rows[0];
      if (!row.standby || !row.replayed) throw new Error('not a streaming replica (pg_is_in_recovery() is false)');
      const [{ bytes }] = (await this.primary.query('SELECT pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn)::float8 AS bytes', [lsn, row.replayed])) as {
        bytes: number;
      }[];
      // Everything replayed: no lag, however long ago the last transaction was.
      const lagMs = bytes <= 0 ? 0 : Math.max(0, Math.round(row.behind_ms ?? Number.POSITIVE_INFINITY));
      const ok = lagMs <= this.config.replicaMaxLagMs;
      // Connecting needs the replica up (TypeORM asks its version), so a replica down at start is taken on here.
      const ds = this.snapshots;
      if (ds && !ds.isInitialized) await (this.opening ??= ds.initialize().finally(() => (this.opening = undefined)));
      this.set({ state: ok ? 'up' : 'lagging', lagMs: Number.isFinite(lagMs) ? lagMs : null, serving: ok ? 'replica' : 'primary' });
    } catch (e) {
      this.set({ state: 'down', lagMs: null, serving: 'primary', error: (e as Error).message });
    }
    return this.status();
  }

  /** A read-only query on the replica when it is fit, else on the primary. */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.pool && this.current.serving === 'replica') {
      const rows = await this.onReplica<T>(sql, params);
      if (rows) return rows;
    }
    return (await this.primary.query(sql, params)) as T[];
  }

  /**
   * For reads whose result is written back somewhere (a board rebuild): on the replica only
   * once it has replayed everything the primary had committed when this was called (waiting up
   * to a second for it), else on the primary — so nothing committed before the caller began
   * is missing from what it reads.
   */
  async queryCaughtUp<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const pool = this.pool;
    if (pool && this.current.serving === 'replica') {
      try {
        const lsn = await this.primaryInsertLsn();
        if (await this.replayedUpTo(lsn, (q, p) => pool.query<{ caught: boolean }>(q, p).then((r) => r.rows))) {
          const rows = await this.onReplica<T>(sql, params);
          if (rows) return rows;
        }
      } catch (e) {
        this.set({ state: 'down', lagMs: null, serving: 'primary', error: (e as Error).message });
      }
    }
    return (await this.primary.query(sql, params)) as T[];
  }

  /**
   * Runs `fn` in one read-only REPEATABLE READ transaction (every figure it reads describes the
   * same moment) on the replica while it serves, else on the primary. Without `caughtUp` the
   * snapshot may be up to REPLICA_MAX_LAG_MS old (statistics: a report a second behind is still
   * true of its moment); with it, the replica is used only once it has replayed everything the
   * primary had committed when this was called (waiting up to a second), as a result export
   * needs right after its round was closed or published. If the replica transaction cannot be
   * opened the primary answers; once `fn` has begun (it may already have streamed rows out), a
   * failure is the caller's error, not retried. Nothing `fn` reads may decide a write unless the
   * caller checks it on the primary (see AnswerTallyService.keep).
   */
  async snapshot<T>(fn: (m: EntityManager) => Promise<T>, opts: { caughtUp?: boolean } = {}): Promise<T> {
    const runner = await this.openSnapshot(opts.caughtUp ?? false);
    if (runner) {
      try {
        const out = await fn(runner.manager);
        await runner.commitTransaction();
        return out;
      } catch (e) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw e;
      } finally {
        await runner.release().catch(() => undefined);
      }
    }
    return this.primary.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      return fn(m);
    });
  }

  /** Where the snapshot `m` reads (what `snapshot` chose). */
  readsReplica(m: EntityManager): boolean {
    return !!this.snapshots && m.connection === this.snapshots;
  }

  /** A replica connection inside a fresh read-only REPEATABLE READ transaction, or null: the primary's turn. */
  private async openSnapshot(caughtUp: boolean): Promise<QueryRunner | null> {
    const ds = this.snapshots;
    if (!ds?.isInitialized || this.current.serving !== 'replica') return null;
    let runner: QueryRunner | undefined;
    try {
      const lsn = caughtUp ? await this.primaryInsertLsn() : null;
      runner = ds.createQueryRunner();
      await runner.connect();
      // Waited for outside the transaction: its snapshot is taken by its first query, after the replay.
      if (lsn && !(await this.replayedUpTo(lsn, (q, p) => runner!.query(q, p) as Promise<{ caught: boolean }[]>))) {
        await runner.release();
        return null;
      }
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      return runner;
    } catch (e) {
      if (runner) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        await runner.release().catch(() => undefined);
      }
      this.set({ state: 'down', lagMs: null, serving: 'primary', error: (e as Error).message });
      return null;
    }
  }

  // The WAL *insert* position: with synchronous_commit off a commit returns before its record is
  // written out, so pg_current_wal_lsn() (the write position) can stand before it (the replica
  // test caught exactly that: "caught up", yet the rows not there).
  private async primaryInsertLsn(): Promise<string> {
    const [{ lsn }] = (await this.primary.query('SELECT pg_current_wal_insert_lsn()::text AS lsn')) as { lsn: string }[];
    return lsn;
  }

  /** Whether the replica replays `lsn` within a second (polled every 20 ms). */
  private async replayedUpTo(lsn: string, query: (sql: string, params: unknown[]) => Promise<{ caught: boolean }[]>): Promise<boolean> {
    const until = Date.now() + 1000;
    for (;;) {
      const [r] = await query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught', [lsn]);
      if (r?.caught) return true;
      if (Date.now() > until) return false;
      await new Promise((res) => setTimeout(res, 20));
    }
  }

  private async onReplica<T>(sql: string, params: unknown[]): Promise<T[] | null> {
    try {
      return (await this.pool!.query(sql, params)).rows as T[];
    } catch (e) {
      const err = e as Error & { code?: string };
      // A bad query is the caller's error on either server; anything else (connection lost, a
      // query cancelled by recovery conflict) is the replica's: the primary answers instead.
      if (err.code && /^(42|22|23)/.test(err.code)) throw e;
      this.set({ state: 'down', lagMs: null, serving: 'primary', error: err.message });
      return null;
    }
  }

  private set(s: ReplicaStatus): void {
    if (s.serving !== this.current.serving) this.log.warn(`read paths now on the ${s.serving} (replica ${s.state}${s.error ? `: ${s.error}` : ''})`);
    this.current = s;
  }
}
