import { execFileSync } from 'node:child_process';
import { createConnection, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, ReadReplica } from '@lc/platform';
import { Http, startApi, TestApi } from '../../../test/harness';

/**
 * The streaming replica (issue 19), against scripts/cluster.sh's PostgreSQL primary + replica
 * (`source <(bash scripts/cluster.sh env)`; skipped without DATABASE_REPLICA_URL): the named
 * read paths read the replica while it keeps up, the primary when it lags beyond the bound or
 * dies, and /health shows which and the lag.
 */
const replicaUrl = process.env.DATABASE_REPLICA_URL;
const d = replicaUrl ? describe : describe.skip;
const cluster = (cmd: string) => execFileSync('bash', [join(__dirname, '../../../scripts/cluster.sh'), cmd], { stdio: 'inherit' });

d('read replica: routing, lag bound, fallback (scripts/cluster.sh)', () => {
  let api: TestApi;
  let replica: ReadReplica;
  let primary: DataSource;

  beforeAll(async () => {
    api = await startApi({ REPLICA_MAX_LAG_MS: '2000' });
    replica = api.app.get(ReadReplica);
    primary = api.app.get(DataSource);
    await primary.query('CREATE TABLE IF NOT EXISTS replica_probe (n int)');
  });
  afterAll(async () => {
    cluster('replica-up');
    await primary.query('DROP TABLE IF EXISTS replica_probe');
    await api.close();
  });

  const onStandby = async () => ((await replica.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r'))[0].r ? 'replica' : 'primary');

  /**
   * Until the replica has replayed what the primary wrote so far. The lag is measured from the last
   * replayed commit's time, so right after an idle spell (another suite, this one's start) unreplayed
   * WAL reads as a long lag for a moment.
   */
  async function replayed(): Promise<void> {
    const c = new Client({ connectionString: replicaUrl });
    await c.connect();
    try {
      const [{ lsn }] = (await primary.query('SELECT pg_current_wal_insert_lsn()::text AS lsn')) as { lsn: string }[];
      for (let i = 0; i < 100; i++) {
        if ((await c.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn])).rows[0].ok) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await c.end();
    }
  }

  it('reads the replica while it keeps up; /health shows it and the lag', async () => {
    await replayed();
    expect((await replica.check()).state).toBe('up');
    expect(await onStandby()).toBe('replica');
    const h = await new Http(api.url).get('/health');
    expect(h.status).toBe(200);
    expect(h.body.checks.replica).toMatchObject({ status: 'up', state: 'up', serving: 'replica' });
    expect(typeof h.body.checks.replica.lagMs).toBe('number');
  });

  it('a read that is written back sees everything committed before it began', async () => {
    await primary.query('INSERT INTO replica_probe SELECT generate_series(1, 500)');
    const [{ n }] = await replica.queryCaughtUp<{ n: number }>('SELECT count(*)::int AS n FROM replica_probe');
    expect(n).toBe(500);
  });

  it('a replica lagging beyond the bound is left for the primary, and taken back once caught up', async () => {
    const c = new Client({ connectionString: replicaUrl });
    await c.connect();
    try {
      await c.query('SELECT pg_wal_replay_pause()');
      await primary.query('INSERT INTO replica_probe VALUES (1)');
      await new Promise((r) => setTimeout(r, 2500));
      await primary.query('INSERT INTO replica_probe VALUES (2)');
      const s = await replica.check();
      expect(s).toMatchObject({ state: 'lagging', serving: 'primary' });
      expect(s.lagMs).toBeGreaterThan(2000);
      expect(await onStandby()).toBe('primary');
      // Stale data is never served meanwhile: the primary's count.
      const [{ n }] = await replica.query<{ n: number }>('SELECT count(*)::int AS n FROM replica_probe');
      expect(n).toBe(502);
    } finally {
      await c.query('SELECT pg_wal_replay_resume()');
      await c.end();
    }
    await new Promise((r) => setTimeout(r, 300));
    expect((await replica.check()).state).toBe('up');
    expect(await onStandby()).toBe('replica');
  });

  it('shutting down while the replica connection is still opening closes it too', async () => {
    // A proxy to the replica that lets the first connection through (the lag check's) and holds the next (the snapshot DataSource's).
    const target = new URL(replicaUrl!);
    const open = new Set<Socket>();
    const held: (() => void)[] = [];
    let seen = 0;
    let holding = true;
    const proxy = createServer((client) => {
      open.add(client);
      client.on('close', () => open.delete(client));
      client.on('error', () => client.destroy());
      const through = () => {
        const up = createConnection(Number(target.port || 5432), target.hostname);
        up.on('error', () => client.destroy());
        client.on('close', () => up.destroy());
        client.pipe(up).pipe(client);
      };
      if (seen++ === 0 || !holding) through();
      else held.push(through);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const via = new URL(replicaUrl!);
    via.hostname = '127.0.0.1';
    via.port = String((proxy.address() as { port: number }).port);
    const r = new ReadReplica(Object.assign(new AppConfig(), api.app.get(AppConfig), { databaseReplicaUrl: via.toString() }), primary);
    try {
      const starting = r.onModuleInit().catch(() => undefined);
      for (let i = 0; i < 100 && !held.length; i++) await new Promise((res) => setTimeout(res, 20));
      expect(held).toHaveLength(1);
      const stopping = r.onModuleDestroy();
      holding = false;
      for (const go of held.splice(0)) go();
      await stopping;
      await starting;
      for (let i = 0; i < 50 && open.size; i++) await new Promise((res) => setTimeout(res, 20));
      // Before the fix the snapshot DataSource finished opening after shutdown and kept its connection.
      expect(open.size).toBe(0);
    } finally {
      for (const c of open) c.destroy();
      await new Promise((res) => proxy.close(res));
    }
  });

  it('a dead replica: reads go to the primary without an error; /health stays 200 and says so', async () => {
    cluster('replica-stop');
    expect(await onStandby()).toBe('primary'); // the query that met the dead replica fell back
    expect((await replica.check()).state).toBe('down');
    const h = await new Http(api.url).get('/health');
    expect(h.status).toBe(200);
    expect(h.body.checks.replica).toMatchObject({ state: 'down', serving: 'primary' });
    cluster('replica-up');
    let state = '';
    for (let i = 0; i < 50 && state !== 'up'; i++) {
      state = (await replica.check()).state;
      if (state !== 'up') await new Promise((r) => setTimeout(r, 200));
    }
    expect(state).toBe('up');
    expect(await onStandby()).toBe('replica');
  });
});
