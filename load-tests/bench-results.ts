/**
 * npm run bench:results — closing a big round (issue 6): 200,000 submitted attempts
 * (generated with SQL in a scratch database: residents, registrations over 300 units,
 * one or two attempts each, predictions), then through the real services: close (finalise,
 * read the attempts through a cursor, count the prediction, rank by the chain, allocate
 * prizes, store every place and the audit) and export the full ranking as XLSX to a file.
 * Prints one JSON document; progress goes to stderr.
 * Target on 2 cores: under 60 s and under 500 MB peak RSS.
 *
 * Knobs (env): BENCH_ATTEMPTS (200000), BENCH_KEEP=1 keeps the scratch database and the file.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CloseRound, ResultExportWriter } from '@lc/judging';
import { loadConfig } from '@lc/platform';
import { createApi } from '../apps/api/src/bootstrap';
import { intEnv, loadDotEnv, log, productionEnv } from './lib/env';
import { createScratchDatabase, dropRedisPrefix, dropScratchDatabase } from '../scripts/lib/scratch-db';

const TARGET = { seconds: 60, rssMb: 500 };

/** The kernel's high-water mark of this process's resident memory. */
function vmHwmMb(): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb ? Math.round(Number(kb) / 102.4) / 10 : NaN;
}

/**
 * Everything in a handful of INSERT … SELECT FROM generate_series statements: the point is
 * the close and the export, not the generator. 80 % of people try once, 20 % twice.
 */
async function seed(db: DataSource, attempts: number): Promise<{ roundId: string; organiserId: string }> {
  const people = Math.ceil(attempts / 1.2);
  const twice = attempts - people;
  const [org] = await db.query(`INSERT INTO organisation (name, level, province) VALUES ('Sở Tư pháp (bench)', 'province', 'Thừa Thiên Huế') RETURNING id`);
  const [organiser] = await db.query(
    `INSERT INTO "user" (full_name, email, password_hash, role, organisation_id) VALUES ('Người tổ chức', 'organiser@bench.local', 'x', 'organiser', $1) RETURNING id`,
    [org.id],
  );
  const [contest] = await db.query(
    `INSERT INTO contest (organisation_id, title, slug, status) VALUES ($1, 'Tìm hiểu pháp luật về bầu cử (bench)', 'bench-results', 'published') RETURNING id`,
    [org.id],
  );
  const [round] = await db.query(
    `INSERT INTO round (contest_id, seq, title, kind, opens_at, closes_at, duration_seconds, max_attempts, attempt_scoring, leaderboard, prediction_question, status, opened_at)
     VALUES ($1, 1, 'Tuần 1', 'quiz', now() - interval '7 days', now() - interval '1 minute', 1200, 2, 'best', '{"visibility":"live"}',
             '{"prompt":"Có bao nhiêu người tham gia?","target":"entrants","countBy":"people"}', 'open', now() - interval '7 days') RETURNING id`,
    [contest.id],
  );
  await db.query(
    `INSERT INTO round_rules (round_id, ranking_rules, prize_plan) VALUES ($1, '{"chain":["score","prediction","time-taken","submitted-at"],"equalDistance":"under-before-over","representative":"best","prediction":{"target":"entrants","countBy":"people"}}',
     '{"tiers":[{"code":"nhat","name":"Giải Nhất","level":1,"count":1},{"code":"nhi","name":"Giải Nhì","level":2,"count":2},{"code":"ba","name":"Giải Ba","level":3,"count":3},{"code":"kk","name":"Giải Khuyến khích","level":4,"count":30}]}')`,
    [round.id],
  );
  log(`seeding ${people} residents`);
  await db.query(
    `INSERT INTO "user" (id, full_name, password_hash, role, province, commune, unit, phone_masked, national_id_masked)
     SELECT md5('bench-user-' || i)::uuid, 'Nguyễn Thị Hồng ' || i, 'x', 'resident', 'Thừa Thiên Huế', 'Phường Thuận Hóa',
            'Đơn vị ' || (i % 300), '09' || lpad((i % 1000)::text, 1, '0') || '****' || lpad((i % 1000)::text, 3, '0'), '046******' || lpad((i % 1000)::text, 3, '0')
       FROM generate_series(1, $1) AS i`,
    [people],
  );
  await db.query(
    `INSERT INTO registration (contest_id, user_id, unit) SELECT $1, md5('bench-user-' || i)::uuid, 'Xã ' || (i % 300) FROM generate_series(1, $2) AS i`,
    [contest.id, people],
  );
  log(`seeding ${attempts} submitted attempts`);
  // Scores 0-20 (skewed high), times 1-20 min, submissions over the week, predictions around the real count.
  await db.query(
    `INSERT INTO attempt (round_id, contest_id, user_id, attempt_no, status, started_at, deadline_at, submitted_at, score, max_score, time_taken_ms, prediction, questions)
     SELECT $1, $2, md5('bench-user-' || p)::uuid, n, 'submitted',
            now() - interval '7 days' + (s * interval '1 second'),
            now() - interval '7 days' + (s * interval '1 second') + interval '20 minutes',
            now() - interval '7 days' + (s * interval '1 second') + (t * interval '1 millisecond'),
            greatest(0, 20 - floor(random() * random() * 21)), 20, t, $3 + floor((random() - 0.5) * 2000), '[]'::jsonb
       FROM (SELECT p, n, (p * 7 + n * 13) % 600000 AS s, 60000 + floor(random() * 1140000)::int AS t
               FROM (SELECT i AS p, 1 AS n FROM generate_series(1, $4) AS i UNION ALL SELECT i AS p, 2 AS n FROM generate_series(1, $5) AS i) x) y`,
    [round.id, contest.id, people, people, twice],
  );
  await db.query('ANALYZE attempt; ANALYZE "user"; ANALYZE registration');
  return { roundId: round.id, organiserId: organiser.id };
}

async function main(): Promise<void> {
  loadDotEnv();
  const attempts = intEnv('BENCH_ATTEMPTS', 200_000);
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const dbName = `lc_bench_results_${run}`;
  const prefix = `benchres${run}`;
  log(`scratch database ${dbName}`);
  const databaseUrl = await createScratchDatabase(process.env.DATABASE_URL!, dbName);
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-results-'));
  const config = loadConfig({
    ...process.env,
    ...productionEnv(),
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '10',
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    EXPORT_DIR: dir,
  });
  const app = await createApi(config);
  try {
    await app.init();
    const db = app.get(DataSource);
    const seedStart = performance.now();
    const { roundId, organiserId } = await seed(db, attempts);
    const seedMs = Math.round(performance.now() - seedStart);
    const actor = {
      id: organiserId,
      role: 'organiser' as const,
      organisationId: (await db.query('SELECT organisation_id FROM "user" WHERE id = $1', [organiserId]))[0].organisation_id as string,
    };

    const rssAfterSeedMb = vmHwmMb();
    log(`closing the round (peak RSS so far ${rssAfterSeedMb} MB)`);
    const t0 = performance.now();
    const closed = await app.get(CloseRound).execute(actor, roundId, {});
    const t1 = performance.now();
    const rssAfterCloseMb = vmHwmMb();
    log(`closed: ${closed.rankedCount} ranked, ${closed.winnerCount} winners (peak RSS ${rssAfterCloseMb} MB); exporting XLSX`);
    const file = join(dir, 'ket-qua.xlsx');
    const { rows } = await app.get(ResultExportWriter).write(roundId, 'xlsx', 'ranking', createWriteStream(file));
    const t2 = performance.now();
    const out = {
      attempts,
      ranked: closed.rankedCount,
      exportedRows: rows,
      exportMb: Math.round(statSync(file).size / 104857.6) / 10,
      closeMs: Math.round(t1 - t0),
      rankMs: closed.timings.rankMs,
      closeSteps: closed.timings,
      exportMs: Math.round(t2 - t1),
      totalMs: Math.round(t2 - t0),
      seedMs,
      peakRssMb: vmHwmMb(),
      peakRssMbBySteps: { seeded: rssAfterSeedMb, closed: rssAfterCloseMb },
      cores: os.cpus().length,
      target: { totalMsUnder: TARGET.seconds * 1000, peakRssMbUnder: TARGET.rssMb },
      withinTarget: t2 - t0 < TARGET.seconds * 1000 && vmHwmMb() < TARGET.rssMb,
      note: 'closeMs covers finalising, reading through a cursor, prediction count, ranking, prize allocation and storing every place; rankMs is the ranking alone; peakRssMb is the kernel high-water mark of this process (api services + the seeding client) over the whole run.',
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } finally {
    await app.close();
    if (process.env.BENCH_KEEP !== '1') {
      rmSync(dir, { recursive: true, force: true });
      await dropScratchDatabase(process.env.DATABASE_URL!, dbName);
      await dropRedisPrefix(process.env.REDIS_URL!, prefix);
    } else log(`kept ${dbName} and ${dir}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:results failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
