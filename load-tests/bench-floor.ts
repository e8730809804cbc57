/**
 * npm run bench:floor — the floor under bench:surge's serverCpuMsPerEntry (issue 18): the same
 * surge (driver, entrants, answers over /live, watchers) against two floor servers and a floor
 * worker (load-tests/floor/) that speak the api's protocol and do the least the product's
 * guarantees need — one PostgreSQL commit and one Redis round trip per step — on the same
 * PostgreSQL and Redis. Their server CPU per entry is what moving an entry's messages costs on
 * this machine, before any of our code runs. Prints one JSON document.
 *
 * Knobs (env), as bench:surge: BENCH_RATE (100), BENCH_DURATION_S (60), BENCH_WATCHERS (5000),
 * BENCH_THINK_MS (300), BENCH_REF_S (5); and BENCH_ANSWERS (20): fewer answers per entry show what each costs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { bareNodeReference } from './lib/reference';
import { cpuBetween, cpuSnapshot } from './lib/cpu';
import { intEnv, loadDotEnv, log, machineInfo, withApplicationName } from './lib/env';
import { JsonClient } from './lib/http-client';
import { freePort, startProcess, stopProcess, waitHealthy, waitOutput, Proc } from './lib/procs';
import { cores, msPer, ServerCpuMeter, spend } from './lib/server-cpu';
import { createResidents } from './lib/seed';
import { Stats } from './lib/stats';
import { runSurge, sustainedEntriesPerSec } from './lib/surge';
import { ackToUpdateDelays, watch } from './lib/watchers';
import { createScratchDatabase, dropRedisPrefix, dropScratchDatabase } from '../scripts/lib/scratch-db';
import { FLOOR_TABLES } from './floor/floor-tables';

async function main(): Promise<void> {
  loadDotEnv();
  const rate = intEnv('BENCH_RATE', 100);
  const durationS = intEnv('BENCH_DURATION_S', 60);
  const entrants = intEnv('BENCH_ENTRANTS', Math.round(rate * durationS));
  const watchersN = intEnv('BENCH_WATCHERS', 5000);
  const thinkMs = intEnv('BENCH_THINK_MS', 300);
  const answers = intEnv('BENCH_ANSWERS', 20);
  const refS = intEnv('BENCH_REF_S', 5);
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const dbName = `lc_bench_${run}`;
  const prefix = `bench${run}`;
  const baseDb = process.env.DATABASE_URL!;
  const redisUrl = process.env.REDIS_URL!;
  const result: Record<string, unknown> = {
    machine: machineInfo(),
    config: { rate, durationS, entrants, watchers: watchersN, thinkMs, answersPerEntry: answers, autosave: 'socket', apiInstances: 2, workers: 1 },
  };
  const procs: Proc[] = [];
  let meter: ServerCpuMeter | undefined;
  log(`scratch database ${dbName}, Redis prefix ${prefix}`);
  const databaseUrl = await createScratchDatabase(baseDb, dbName);
  try {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(FLOOR_TABLES);
    await db.end();
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, JWT_SECRET: process.env.JWT_SECRET!, NODE_ENV: 'production' };
    const named = (name: string) => ({ ...env, DATABASE_URL: withApplicationName(databaseUrl, name) });
    const ports = [await freePort(), await freePort()];
    const apis = ports.map((port, i) => startProcess(`api${i + 1}`, 'load-tests/floor/floor-server.js', named(`api${i + 1}`), port));
    const worker = startProcess('worker', 'load-tests/floor/floor-worker.js', named('worker'));
    procs.push(...apis, worker);
    await Promise.all([...apis.map((p) => waitHealthy(p)), waitOutput(worker, /floor worker started/)]);
    const urls = apis.map((p) => p.url!);
    const entrantsR = await createResidents(databaseUrl, process.env.JWT_SECRET!, entrants, 'E');
    const watcherR = await createResidents(databaseUrl, process.env.JWT_SECRET!, watchersN, 'W');
    const ours = { api1: apis[0].child.pid, api2: apis[1].child.pid, worker: worker.child.pid, driver: process.pid };
    meter = await ServerCpuMeter.open(baseDb, dbName, ours);
    const roundId = randomUUID();
    const watchers = await watch(urls, roundId, watcherR, Math.min(200, watcherR.length), false);
    log(`${watchers.connected}/${watchersN} watchers on the floor servers; surge: ${entrants} entrants at ${rate}/s`);

    const stats = new Stats();
    const clients = apis.map((p) => new JsonClient(p.url!, stats, 256));
    const cpuBefore = cpuSnapshot(ours);
    const before = await meter.sample();
    const surge = await runSurge(clients, { contestId: randomUUID(), roundId, residents: entrantsR, rate, thinkMs, answers, autosave: 'socket' }, urls);
    const used = spend(before, await meter.sample());
    const cpuSurge = cpuBetween(cpuBefore, cpuSnapshot(ours));
    const ackTimes = surge.acks.map((a) => a.at).sort((x, y) => x - y);
    const arrivalMs = surge.lastArrival - surge.firstArrival;
    const perEntry = msPer(used.s, surge.acks.length);
    result.surge = {
      entriesAcknowledged: surge.acks.length,
      failedEntrants: surge.failedEntrants,
      entriesPerSec: sustainedEntriesPerSec(ackTimes, arrivalMs),
      errors: stats.errors,
      endpoints: stats.report(),
      cores: { ...cpuSurge, ...cores(used) },
    };
    await new Promise((r) => setTimeout(r, 3000));
    const check = new Client({ connectionString: databaseUrl });
    await check.connect();
    const counts = await check.query<{ submitted: string; answers: string }>(
      `SELECT (SELECT count(*) FROM floor_attempt WHERE status = 'submitted') AS submitted, (SELECT count(*) FROM floor_answer) AS answers`,
    );
    await check.end();
    // What a floor that dropped work would not show: every submit and every answer in PostgreSQL.
    result.inPostgres = { submitted: Number(counts.rows[0].submitted), answers: Number(counts.rows[0].answers) };
    const seen = await watchers.data();
    result.watchers = { connected: seen.connected, updatesReceived: seen.updates, ackToUpdateMs: ackToUpdateDelays(seen, ackTimes) };
    await watchers.close();
    clients.forEach((c) => c.close());
    const bare = await bareNodeReference(await freePort(), JSON.stringify({ optionIds: ['a1b2c3d4e5f6'] }), refS, 64);
    result.reference = { bareNodeMsPerRequest: bare.cpuMsPerRequest };
    result.floorCpuMsPerEntry = perEntry.total;
    result.floorCpu = {
      byProcess: perEntry,
      method:
        'server CPU (/proc) of the floor servers, the floor worker, the PostgreSQL backends of the bench database plus background processes, and Redis, over the surge, ÷ entries acknowledged: as bench:surge measures serverCpuMsPerEntry',
    };
    log(`floor CPU per entry: ${JSON.stringify(perEntry)}`);
  } catch (e) {
    result.failed = (e as Error).stack ?? String(e);
    process.exitCode = 1;
    for (const p of procs) if (p.child.exitCode !== null) result[`${p.name}Exit`] = p.tail.slice(-15);
  } finally {
    await meter?.close().catch(() => undefined);
    await Promise.all(procs.map((p) => stopProcess(p)));
    await dropScratchDatabase(baseDb, dbName).catch(() => undefined);
    await dropRedisPrefix(redisUrl, prefix).catch(() => undefined);
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
