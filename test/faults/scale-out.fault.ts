import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import calculateSlot from 'cluster-key-slot';
import { ROOT } from '../processes';
import { FaultCluster, sleep, until } from './cluster';
import { Ledger } from './ledger';
import { expectClean, FaultSummary, Suite } from './scenario';

/**
 * Faults of the scale-out topology (issue 19), under the fault suite's load and ledger, on
 * scripts/cluster.sh's 6-node Redis Cluster and PostgreSQL primary + streaming replica, with
 * api ×2 and a worker started here (REDIS_CLUSTER_NODES, DATABASE_REPLICA_URL):
 *  - kill -9 a Redis master: its replica is promoted;
 *  - SIGSTOP a Redis master past the cluster's node timeout: failed over, then rejoins;
 *  - kill -9 the PostgreSQL replica: reads go to the primary.
 * Each: 0 acknowledged submissions or answers lost (answers acknowledged in the last second before
 * the fault are reported apart), service back within 15 s, every resident once on the live board.
 * Run by `npm run test:cluster` (full form); skipped unless FAULTS_SCALE_OUT=1.
 */
const d = process.env.FAULTS_SCALE_OUT ? describe : describe.skip;
process.env.REDIS_PREFIX ??= `so${Date.now().toString(36)}`;
const CLUSTER_SH = join(ROOT, 'scripts/cluster.sh');
const REDIS_DIR = join(ROOT, '.run/cluster/redis');

jest.setTimeout(300_000);

/** `redis-cli cluster nodes` of a live node, as { port, role, slots }. */
function clusterNodes(): { port: number; role: 'master' | 'slave'; failed: boolean; ranges: [number, number][] }[] {
  for (const p of [7101, 7102, 7103, 7104, 7105, 7106]) {
    try {
      const out = execFileSync('redis-cli', ['-p', String(p), 'cluster', 'nodes'], { encoding: 'utf8', timeout: 2000 });
      if (!out.trim() || /ERR|Could not connect/.test(out)) continue;
      return out
        .trim()
        .split('\n')
        .map((l) => {
          const f = l.split(' ');
          const ranges = f.slice(8).flatMap((r) => (/^\d+(-\d+)?$/.test(r) ? [r.split('-').map(Number) as [number, number]] : []));
          return {
            port: Number(f[1].split(':')[1].split('@')[0]),
            role: f[2].includes('master') ? 'master' : 'slave',
            failed: f[2].includes('fail'),
            ranges: ranges.map(([a, b]) => [a, b ?? a]),
          };
        });
    } catch {
      // try the next node
    }
  }
  throw new Error('no Redis Cluster node answers');
}

/** The master serving a slot now. */
function masterOf(slot: number): number {
  const m = clusterNodes().find((n) => n.role === 'master' && !n.failed && n.ranges.some(([a, b]) => slot >= a && slot <= b));
  if (!m) throw new Error(`no master for slot ${slot}`);
  return m.port;
}

const pidOf = (port: number) => Number(readFileSync(join(REDIS_DIR, String(port), 'pid'), 'utf8').trim());

d('scale-out faults: Redis Cluster failover and a lost PostgreSQL replica, under load, against the ledger', () => {
  let cluster: FaultCluster;
  let suite: Suite;

  beforeAll(async () => {
    execFileSync('bash', [CLUSTER_SH, 'up'], { stdio: 'inherit' });
    cluster = await FaultCluster.start({ scaleOut: true });
    suite = new Suite(cluster);
    await suite.open(Number(process.env.FAULTS_RESIDENTS ?? 16));
  }, 240_000);

  afterAll(async () => {
    process.stdout.write(`${JSON.stringify({ scaleOutFaults: suite?.summaries ?? [] }, null, 1)}\n`);
    await suite?.close();
    await cluster?.shutdown();
    // Killed or stopped nodes come back (as replicas of the promoted ones).
    execFileSync('bash', [CLUSTER_SH, 'up'], { stdio: 'inherit' });
  });

  /** The board must equal a rebuild from PostgreSQL: every resident with a counted attempt, once. */
  const expectBoardsWhole = (s: FaultSummary) => expect(s.notes.residentsMissingFromLiveBoard).toBe(0);

  it('S1. kill -9 a Redis master holding hot attempts: its replica is promoted, nothing acknowledged is lost', async () => {
    const { round, probe } = await suite.rounds();
    const ledger = new Ledger();
    const t0 = Date.now();
    const load = suite.load(ledger, round, 22_000, { thinkMs: 300, tag: 's1' });
    await sleep(7000);
    // The master of the round's board: its records and a third of the hot shards go with it.
    const slot = calculateSlot(`${cluster.prefix}:lb:{${round.id}}:live`);
    const port = masterOf(slot);
    const killedAt = Date.now();
    process.kill(pidOf(port), 'SIGKILL');
    const promoted = await until(
      'a replica promoted',
      () => {
        try {
          const p = masterOf(slot);
          return p !== port ? p : undefined;
        } catch {
          return undefined;
        }
      },
      30_000,
      200,
    );
    const promotedAfterSeconds = (Date.now() - killedAt) / 1000;
    const recoverySeconds = await suite.recovery(killedAt, probe, ledger, 60_000);
    await load;
    const s = await suite.verify(
      'Redis Cluster: master kill -9, replica promoted',
      ledger,
      [round.id, probe.id],
      t0,
      recoverySeconds,
      { killedPort: port, promotedPort: promoted, promotedAfterSeconds },
      { from: killedAt - 1000, to: killedAt },
    );
    expectClean(s);
    expectBoardsWhole(s);
    expect(recoverySeconds).toBeLessThan(15);
    execFileSync('bash', [CLUSTER_SH, 'up'], { stdio: 'inherit' });
  });

  it('S2. a Redis master frozen (SIGSTOP 8 s, past the 2 s node timeout): failed over, requests end cleanly, it rejoins', async () => {
    const { round, probe } = await suite.rounds();
    const ledger = new Ledger();
    const t0 = Date.now();
    const load = suite.load(ledger, round, 24_000, { thinkMs: 300, tag: 's2' });
    await sleep(6000);
    const slot = calculateSlot(`${cluster.prefix}:lb:{${round.id}}:live`);
    const port = masterOf(slot);
    const pid = pidOf(port);
    const stoppedAt = Date.now();
    process.kill(pid, 'SIGSTOP');
    try {
      await sleep(8000);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const recoverySeconds = await suite.recovery(stoppedAt, probe, ledger, 60_000);
    await load;
    const s = await suite.verify(
      'Redis Cluster: master frozen 8 s',
      ledger,
      [round.id, probe.id],
      t0,
      recoverySeconds,
      { frozenPort: port, masterAfter: masterOf(slot) },
      { from: stoppedAt - 1000, to: stoppedAt },
    );
    expectClean(s);
    expectBoardsWhole(s);
    expect(recoverySeconds).toBeLessThan(15);
    const during = suite.stats.between(stoppedAt, stoppedAt + 8000);
    expect(during.filter((x) => x.status === 'timeout' || x.ms > 10_000)).toEqual([]);
  });

  it('S3. kill -9 the PostgreSQL replica during load: reads go to the primary, nothing else changes', async () => {
    const { round, probe } = await suite.rounds();
    const ledger = new Ledger();
    const t0 = Date.now();
    const load = suite.load(ledger, round, 15_000, { thinkMs: 300, tag: 's3' });
    await sleep(5000);
    const killedAt = Date.now();
    execFileSync('bash', [CLUSTER_SH, 'replica-stop']);
    const health = await until(
      'health shows the replica down',
      async () => {
        const h = await suite.lb.once(cluster.urls[0], 'GET', '/health');
        return h.body?.checks?.replica?.state === 'down' ? h : undefined;
      },
      10_000,
      200,
    );
    const recoverySeconds = await suite.recovery(killedAt, probe, ledger, 30_000);
    await load;
    execFileSync('bash', [CLUSTER_SH, 'replica-up']);
    const s = await suite.verify('PostgreSQL replica kill -9', ledger, [round.id, probe.id], t0, recoverySeconds, {
      health: { status: health.status, replica: health.body.checks.replica },
    });
    expectClean(s);
    expectBoardsWhole(s);
    expect(health.status).toBe(200);
    expect(recoverySeconds).toBeLessThan(15);
  });
});
