import Redis, { Cluster } from 'ioredis';
import { Client } from 'pg';
import { Balancer, Stats } from './client';
import { CheckResult, check, settle } from './checker';
import { FaultCluster, sleep } from './cluster';
import { Resident, residentsLoad, RoundRef, staffLoad, World } from './driver';
import { Ledger } from './ledger';

/** What one fault test reports (printed as JSON at the end of the suite). */
export interface FaultSummary {
  fault: string;
  acknowledgedWritesChecked: number;
  submissions: number;
  autosaves: number;
  staffActions: number;
  lost: number;
  duplicates: number;
  scoreMismatches: number;
  attemptsRescored: number;
  lostInLossWindow?: number;
  recoverySeconds: number | null;
  responses: Record<string, number>;
  notes: Record<string, unknown>;
  problems: string[];
}

/** Shared by the fault tests: the cluster, the clients, the world, and PostgreSQL/Redis handles for checking. */
export class Suite {
  readonly stats = new Stats();
  readonly lb: Balancer;
  readonly world: World;
  db!: Client;
  redis!: Redis | Cluster;
  readonly summaries: FaultSummary[] = [];

  constructor(readonly cluster: FaultCluster) {
    this.lb = new Balancer(() => cluster.urls, this.stats);
    this.world = new World(this.lb);
  }

  async open(residents: number): Promise<void> {
    this.db = new Client({ connectionString: this.cluster.dbUrl });
    this.db.on('error', () => undefined);
    await this.db.connect();
    this.redis = this.checkRedis();
    await this.world.setup(residents + 1);
  }

  /** The suite's own connection to the suite's Redis (reconnects after a restart). */
  checkRedis(): Redis | Cluster {
    const so = this.cluster.scaleOut;
    if (so) {
      const nodes = so.redisNodes.split(',').map((n) => ({ host: n.split(':')[0], port: Number(n.split(':')[1]) }));
      const c = new Cluster(nodes, { redisOptions: { maxRetriesPerRequest: 3, commandTimeout: 5000 }, clusterRetryStrategy: (n) => Math.min(200 * n, 1000) });
      c.on('error', () => undefined);
      return c;
    }
    const r = new Redis(this.cluster.redis.url, { maxRetriesPerRequest: 3, commandTimeout: 5000, retryStrategy: (n) => Math.min(200 * n, 1000) });
    r.on('error', () => undefined);
    return r;
  }

  /** PostgreSQL handle that survives the "PostgreSQL stopped" fault. */
  async reconnectDb(): Promise<void> {
    await this.db.end().catch(() => undefined);
    this.db = new Client({ connectionString: this.cluster.dbUrl });
    this.db.on('error', () => undefined);
    await this.db.connect();
  }

  get loadResidents(): Resident[] {
    return this.world.residents.slice(0, -1);
  }
  get probeResident(): Resident {
    return this.world.residents[this.world.residents.length - 1];
  }

  /** The fault's round (every load resident registered) and a round of its own for recovery probes. */
  async rounds(over: Record<string, unknown> = {}): Promise<{ round: RoundRef; probe: RoundRef }> {
    const integrity = { maxAccountsPerIp: 100_000, maxAccountsPerDevice: 1000, minSecondsPerQuestion: 0 };
    const round = await this.world.round({ integrity, ...over }, this.loadResidents);
    const probe = await this.world.round({ integrity, maxAttempts: 100 }, [this.probeResident]);
    return { round, probe };
  }

  /**
   * Service is back when every running api says healthy and a whole resident cycle (start,
   * autosave, submit) succeeds through each of them. Returns seconds since `from`.
   */
  async recovery(from: number, probe: RoundRef, ledger: Ledger, limitMs = 90_000): Promise<number> {
    const end = Date.now() + limitMs;
    const pending = new Set(this.cluster.apis.map((_, i) => i));
    while (pending.size && Date.now() < end) {
      for (const i of [...pending]) {
        const api = this.cluster.apis[i];
        if (!api.running) continue;
        try {
          const h = await this.lb.once(api.url, 'GET', '/health');
          if (h.status !== 200) continue;
          if (await this.probeCycle(probe, i, ledger)) pending.delete(i);
        } catch {
          // not yet
        }
      }
      if (pending.size) await sleep(300);
    }
    if (pending.size) {
      const why = [...pending].map(
        (i) =>
          `${this.cluster.apis[i].name} (running: ${this.cluster.apis[i].running}, exit ${JSON.stringify(this.cluster.apis[i].exit)}):\n${this.cluster.apis[i].tail(3000)}`,
      );
      throw new Error(`service did not return within ${limitMs} ms:\n${why.join('\n')}`);
    }
    return Math.round((Date.now() - from) / 100) / 10;
  }

  private async probeCycle(probe: RoundRef, prefer: number, ledger: Ledger): Promise<boolean> {
    const scratch = new Ledger();
    const lb = new Balancer(() => [this.cluster.apis[prefer].url], this.stats);
    const n = await residentsLoad({
      round: probe,
      residents: [this.probeResident],
      ledger: scratch,
      lb,
      stopAt: Date.now() + 10_000,
      thinkMs: 0,
      maxAttemptsEach: 1,
      retryForMs: 0,
    });
    for (const [k, v] of scratch.attempts) ledger.attempts.set(k, v);
    for (const [k, v] of scratch.sentSeq) ledger.sentSeq.set(k, Math.max(v, ledger.sentSeq.get(k) ?? 0));
    for (const a of scratch.autosaves) ledger.autosave(a);
    for (const s of scratch.submissions.values()) ledger.submission(s);
    return n === 1 && scratch.anomalies.length === 0;
  }

  /**
   * Retries acknowledged submits with the same Idempotency-Key on the other instance: each must
   * answer the first result again (one effect). Disagreements go to the ledger's anomalies.
   */
  async replaySubmits(ledger: Ledger, max = 60): Promise<number> {
    const byUser = new Map(this.world.residents.map((r) => [r.user.id, r]));
    let n = 0;
    for (const a of [...ledger.submissions.values()].slice(-max)) {
      const r = byUser.get(a.userId)!;
      const res = await this.lb.call('POST', `/attempts/${a.attemptId}/submit`, {
        token: r.token,
        body: {},
        headers: { 'Idempotency-Key': `k-${a.attemptId}` },
        prefer: n++,
      });
      const again = res.status === 200 ? res.body : res.body?.details?.result;
      if (!again || again.status !== a.status || again.score !== a.score)
        ledger.anomalies.push(`retried submit of ${a.attemptId}: ${res.status} ${JSON.stringify(res.body)}, first ${a.status} ${a.score}`);
    }
    return n;
  }

  /** Starts the residents' and the organiser's load for `ms`; returns a promise of both. */
  load(
    ledger: Ledger,
    round: RoundRef,
    ms: number,
    opts: { thinkMs?: number; noSubmit?: boolean; tag: string; residents?: Resident[]; staff?: boolean },
  ): Promise<unknown> {
    const stopAt = Date.now() + ms;
    return Promise.all([
      residentsLoad({ round, residents: opts.residents ?? this.loadResidents, ledger, lb: this.lb, stopAt, thinkMs: opts.thinkMs, noSubmit: opts.noSubmit }),
      opts.staff === false ? undefined : staffLoad(this.world, ledger, this.lb, stopAt, opts.tag),
    ]);
  }

  /** Settles the rounds, checks the ledger, records and returns the summary. */
  async verify(
    fault: string,
    ledger: Ledger,
    roundIds: string[],
    t0: number,
    recoverySeconds: number | null,
    notes: Record<string, unknown>,
    lossWindow?: { from: number; to: number },
  ): Promise<FaultSummary> {
    await settle(this.db, this.redis, this.cluster.prefix, roundIds);
    const r: CheckResult = await check(this.db, this.redis, this.cluster.prefix, ledger, roundIds, { lossWindow });
    const s: FaultSummary = {
      fault,
      acknowledgedWritesChecked: r.acknowledged,
      submissions: ledger.submissions.size,
      autosaves: ledger.autosaves.length,
      staffActions: ledger.staff.length,
      lost: r.lost,
      duplicates: r.duplicates,
      scoreMismatches: r.scoreMismatches,
      attemptsRescored: r.attemptsRescored,
      ...(lossWindow ? { lostInLossWindow: r.lostInWindow } : {}),
      recoverySeconds,
      responses: this.stats.summary(t0),
      notes: { ...notes, conflicts: this.conflicts(t0), residentsMissingFromLiveBoard: r.boardMissing },
      problems: r.problems.slice(0, 20),
    };
    this.summaries.push(s);
    return s;
  }

  /** 4xx answers since `t0` by route and code (what clients were refused, and why). */
  private conflicts(t0: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const x of this.stats.samples) {
      if (x.at < t0 || typeof x.status !== 'number' || x.status < 400 || x.status >= 500) continue;
      const k = `${x.method} ${x.route} ${x.status} ${x.code ?? ''}`.trim();
      out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  }

  async close(): Promise<void> {
    await this.db?.end().catch(() => undefined);
    this.redis?.disconnect();
  }
}

/** The assertions every fault shares. */
export function expectClean(s: FaultSummary): void {
  if (s.problems.length) process.stderr.write(`${s.fault}: ${JSON.stringify(s.problems, null, 1)}\n`);
  expect(s.acknowledgedWritesChecked).toBeGreaterThan(0);
  expect(s.problems).toEqual([]);
  expect(s.lost).toBe(0);
  expect(s.duplicates).toBe(0);
  expect(s.scoreMismatches).toBe(0);
  expect(s.responses['500'] ?? 0).toBe(0);
  if (s.recoverySeconds !== null) expect(s.recoverySeconds).toBeLessThan(60);
}
