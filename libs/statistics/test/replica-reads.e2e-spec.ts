import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CloseRound, ResultExportWriter } from '@lc/judging';
import { ReadReplica } from '@lc/platform';
import { ContestStatisticsService, OrganisationReportService } from '@lc/statistics';
import { startApi, TestApi } from '../../../test/harness';
import { seedClosedQuiz } from '../../judging/test/results-seed';

/**
 * Issue 19's remainder, against scripts/cluster.sh's PostgreSQL primary + streaming replica
 * (`source <(bash scripts/cluster.sh env)`; skipped without DATABASE_REPLICA_URL): statistics
 * read the replica within the lag bound, result exports read it once it has replayed what the
 * primary committed before they began, the answer-tally cache keeps only what the primary
 * confirms, and with the replica killed both answer from the primary.
 */
const replicaUrl = process.env.DATABASE_REPLICA_URL;
const d = replicaUrl ? describe : describe.skip;
const cluster = (cmd: string) => execFileSync('bash', [join(__dirname, '../../../scripts/cluster.sh'), cmd], { stdio: 'inherit' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

d('statistics and result exports on the read replica (scripts/cluster.sh)', () => {
  let api: TestApi;
  let db: DataSource;
  let replica: ReadReplica;
  let standby: Client;
  let dbName: string;

  beforeAll(async () => {
    // A wide lag bound: replay is paused below for seconds, and the replica must stay the statistics' source meanwhile.
    api = await startApi({ REPLICA_MAX_LAG_MS: '600000' });
    db = api.app.get(DataSource);
    replica = api.app.get(ReadReplica);
    standby = await standbyClient();
    [{ d: dbName }] = await db.query('SELECT current_database() AS d');
  });
  afterAll(async () => {
    await standby.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    await standby.end().catch(() => undefined);
    cluster('replica-up');
    await api.close();
  });

  async function standbyClient(): Promise<Client> {
    const c = new Client({ connectionString: replicaUrl });
    c.on('error', () => undefined); // the replica is killed below: its queries fail, the socket's death is no error
    await c.connect();
    return c;
  }

  /** Until the replica has replayed everything the primary committed so far, and serves. */
  async function replayed(): Promise<void> {
    const [{ lsn }] = await db.query('SELECT pg_current_wal_insert_lsn()::text AS lsn');
    for (let i = 0; i < 100; i++) {
      const [{ ok }] = (await standby.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn])).rows;
      if (ok && (await replica.check()).serving === 'replica') return;
      await sleep(50);
    }
    throw new Error('the replica did not catch up');
  }

  async function seeded() {
    const s = await seedClosedQuiz(db, [
      { name: 'Trần Thị Lan', score: 9, minutes: 8 },
      { name: 'Lê Văn Hùng', score: 7, minutes: 9 },
      { name: 'Phạm Minh Châu', score: 5, minutes: 10 },
    ]);
    const [{ contest_id: contestId, organisation_id: organisationId }] = await db.query(
      'SELECT r.contest_id, c.organisation_id FROM round r JOIN contest c ON c.id = r.contest_id WHERE r.id = $1',
      [s.roundId],
    );
    return { ...s, contestId: contestId as string, organisationId: organisationId as string };
  }

  /** A sessions' cursor of an export, parked mid-stream, on this server? */
  const parkedExport = async (q: (sql: string, p: unknown[]) => Promise<{ n: number }[]>) =>
    (
      await q(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = $1 AND state = 'idle in transaction' AND query ~ '(FETCH|CLOSE|DECLARE) .*lc_cur_'`,
        [dbName],
      )
    )[0].n;

  /**
   * Exports the ranking as CSV into a writer that holds the first chunk until the server the
   * export's transaction stands on has been seen (pg_stat_activity), so the answer is where the
   * rows were read, not a guess.
   */
  async function exportCsv(roundId: string, standbyUp = true): Promise<{ csv: string; on: 'replica' | 'primary' | 'neither' }> {
    const chunks: Buffer[] = [];
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const out = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _enc, cb) {
        chunks.push(Buffer.from(chunk));
        void released.then(() => cb());
      },
    });
    const done = api.app.get(ResultExportWriter).write(roundId, 'csv', 'ranking', out);
    let on: 'replica' | 'primary' | 'neither' = 'neither';
    for (let i = 0; i < 100 && on === 'neither'; i++) {
      if (standbyUp && (await parkedExport((s, p) => standby.query(s, p).then((r) => r.rows as { n: number }[]))) > 0) on = 'replica';
      else if ((await parkedExport((s, p) => db.query(s, p))) > 0) on = 'primary';
      else await sleep(50);
    }
    release();
    await done;
    return { csv: Buffer.concat(chunks).toString('utf8'), on };
  }

  it('statistics read the replica within the lag bound; an export waits for it to replay the close, else reads the primary', async () => {
    const s = await seeded();
    await api.app.get(CloseRound).execute(s.organiser, s.roundId, {});
    await replayed();
    const stats = api.app.get(ContestStatisticsService);
    const report = api.app.get(OrganisationReportService);
    const year = new Date().getUTCFullYear();
    expect((await stats.compute(s.organiser, s.contestId, null, null)).totals.entries).toBe(3);

    // Caught up: the export streams from the replica.
    const first = await exportCsv(s.roundId);
    expect(first.on).toBe('replica');
    expect(first.csv).toContain('Trần Thị Lan');

    await standby.query('SELECT pg_wal_replay_pause()');
    try {
      await db.query(`UPDATE contest SET title = 'Tên mới của cuộc thi' WHERE id = $1`, [s.contestId]);
      await db.query(`UPDATE organisation SET name = 'Tên mới của đơn vị' WHERE id = $1`, [s.organisationId]);
      await db.query(`UPDATE "user" SET full_name = 'Trần Thị Lan Anh' WHERE id = $1`, [s.users['Trần Thị Lan']]);
      expect((await replica.check()).serving).toBe('replica');
      // Statistics: the replica's moment, before the renames (the primary already has them).
      expect((await stats.compute(s.organiser, s.contestId, null, null)).contest.title).toBe('Tìm hiểu pháp luật');
      expect((await report.compute(s.organiser, s.organisationId, year, null)).organisation).toMatchObject({ name: expect.stringMatching(/^Sở Tư pháp /) });
      // The export: the replica cannot replay the rename within its second, so the primary answers, renamed.
      const paused = await exportCsv(s.roundId);
      expect(paused.on).toBe('primary');
      expect(paused.csv).toContain('Trần Thị Lan Anh');
    } finally {
      await standby.query('SELECT pg_wal_replay_resume()');
    }
    await replayed();
    expect((await stats.compute(s.organiser, s.contestId, null, null)).contest.title).toBe('Tên mới của cuộc thi');
    const after = await exportCsv(s.roundId);
    expect(after.on).toBe('replica');
    expect(after.csv).toContain('Trần Thị Lan Anh');
  });

  it('answer tallies grouped on a lagging replica are cached only as the primary has them', async () => {
    const s = await seeded();
    await replayed();
    await standby.query('SELECT pg_wal_replay_pause()');
    try {
      // One entry voided on the primary: the replica's chunk (three entries) is no longer the primary's.
      await db.query(`UPDATE attempt SET status = 'voided' WHERE id = $1`, [s.attempts['Phạm Minh Châu']]);
      const st = await api.app.get(ContestStatisticsService).compute(s.organiser, s.contestId, null, null);
      expect(st.totals.entries).toBe(3); // read on the replica
    } finally {
      await standby.query('SELECT pg_wal_replay_resume()');
    }
    // What the cache holds is the primary's chunk (grouped again there in the background), never the replica's.
    let cached: { fingerprint: string; entries: number }[] = [];
    for (let i = 0; i < 100; i++) {
      cached = await db.query('SELECT fingerprint, entries FROM statistics_answer_tally WHERE round_id = $1', [s.roundId]);
      if (cached.length) break;
      await sleep(50);
    }
    const [now] = await db.query(
      `SELECT count(*)::int AS entries, count(*)::text || ':' || COALESCE(sum(hashtext(id::text)::bigint), 0)::text AS fingerprint
         FROM attempt WHERE round_id = $1 AND status = 'submitted'`,
      [s.roundId],
    );
    expect(cached).toEqual([{ fingerprint: now.fingerprint, entries: 2 }]);
  });

  it('with the replica killed, statistics and exports answer from the primary', async () => {
    const s = await seeded();
    await api.app.get(CloseRound).execute(s.organiser, s.roundId, {});
    cluster('replica-stop');
    expect((await api.app.get(ContestStatisticsService).compute(s.organiser, s.contestId, null, null)).totals.entries).toBe(3);
    expect(replica.status().serving).toBe('primary');
    const r = await exportCsv(s.roundId, false);
    expect(r.on).toBe('primary');
    expect(r.csv).toContain('Phạm Minh Châu');
    cluster('replica-up');
    let state = '';
    for (let i = 0; i < 50 && state !== 'up'; i++) {
      state = (await replica.check()).state;
      if (state !== 'up') await sleep(200);
    }
    expect(state).toBe('up');
    // Left as found: a transaction replayed since the restart (the next suite measures lag from its timestamp).
    await standby.end().catch(() => undefined);
    standby = await standbyClient();
    await db.query('UPDATE round SET title = title WHERE id = $1', [s.roundId]);
    await replayed();
  });
});
