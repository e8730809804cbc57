/**
 * npm run bench:statistics — contest statistics at scale: a contest with BENCH_ATTEMPTS
 * (300,000) entries of 20 questions each (6 million answers) is generated in a scratch
 * database with SQL, then the statistics are computed as the endpoint computes them (JSON,
 * then the XLSX), timing each and sampling peak memory. Prints one JSON document; progress
 * goes to stderr. BENCH_KEEP=1 keeps the scratch database.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AccessService } from '@lc/identity';
import { type AppConfig, dataSourceOptions, ReadReplica } from '@lc/platform';
import { loadDotEnv } from '../../../scripts/lib/dotenv';
import { createScratchDatabase, dropScratchDatabase } from '../../../scripts/lib/scratch-db';
import { writeWorkbook } from '../src/common/workbook';
import { ContestStatisticsService } from '../src/contest/contest-statistics.service';
import { AnswerTallyService } from '../src/tally/answer-tally.service';
import { contestSheets } from '../src/contest/contest-workbook';

const log = (m: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const vmHwmMb = () => Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 102.4) / 10;

/** Everything a contest's statistics read, made by PostgreSQL itself (no rows pass through Node). */
const GENERATE = [
  `SET LOCAL statement_timeout = 0`,
  `INSERT INTO organisation (id, name, level) VALUES ('00000000-0000-4000-8000-000000000001', 'Sở Tư pháp (bench)', 'province')`,
  `INSERT INTO question_bank (id, organisation_id, name) VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Bench')`,
  `CREATE TEMP TABLE bq AS SELECT i, md5('q' || i)::uuid AS qid, md5('v' || i)::uuid AS vid FROM generate_series(0, 39) i`,
  `SET CONSTRAINTS ALL DEFERRED`,
  `INSERT INTO question (id, bank_id, current_version_id) SELECT qid, '00000000-0000-4000-8000-000000000002', vid FROM bq`,
  `INSERT INTO question_version (id, question_id, version_no, type, stem, stem_folded, options, points)
   SELECT vid, qid, 1, 'single', 'Câu ' || i || ': theo Luật Bầu cử, điều nào đúng?', 'cau ' || i,
          (SELECT jsonb_agg(jsonb_build_object('id', 'o' || i || '_' || o, 'text', 'Phương án ' || o, 'correct', o = i % 4) ORDER BY o) FROM generate_series(0, 3) o), 1
     FROM bq`,
  `INSERT INTO contest (id, organisation_id, title, slug, status) VALUES ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', 'Cuộc thi (bench)', 'bench', 'published')`,
  `INSERT INTO round (id, contest_id, seq, title, kind, opens_at, closes_at, duration_seconds, max_attempts, attempt_scoring, leaderboard, status)
   VALUES ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000003', 1, 'Tuần 1', 'quiz', now() - interval '30 days', now(), 1200, 3, 'best', '{"visibility":"live"}', 'open')`,
  `INSERT INTO "user" (id, full_name, password_hash, role, province, commune, unit)
   SELECT md5('u' || i)::uuid, 'Người ' || i, 'x', 'resident', 'Tỉnh ' || (i % 3000 % 34), 'Xã ' || (i % 3000), 'Đơn vị ' || (i % 500) FROM generate_series(0, $1::int - 1) i`,
  `INSERT INTO registration (contest_id, user_id, unit) SELECT '00000000-0000-4000-8000-000000000003', md5('u' || i)::uuid, CASE WHEN i % 3 = 0 THEN 'Cơ quan ' || (i % 50) END FROM generate_series(0, $1::int - 1) i`,
  `INSERT INTO attempt (id, round_id, contest_id, user_id, attempt_no, status, started_at, deadline_at, submitted_at, score, max_score, time_taken_ms, questions)
   SELECT md5('a' || n)::uuid, '00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000003', md5('u' || (n % $1::int))::uuid, n / $1::int + 1,
          CASE WHEN n % 100 = 0 THEN 'void' WHEN n % 20 = 0 THEN 'expired' ELSE 'submitted' END,
          now() - interval '30 days' + (n * interval '8 seconds'), now() - interval '30 days' + (n * interval '8 seconds') + interval '20 minutes',
          now() - interval '30 days' + (n * interval '8 seconds') + interval '5 minutes', (n * 7) % 21, 20, 300000,
          (SELECT jsonb_agg(jsonb_build_object('key', 'k' || k, 'versionId', bq.vid, 'ruleIndex', 0, 'type', 'single', 'points', 1,
                  'options', (SELECT jsonb_agg(jsonb_build_object('id', substr(md5(n || '-' || k || '-' || o), 1, 8), 'ref', 'o' || bq.i || '_' || o) ORDER BY o) FROM generate_series(0, 3) o)) ORDER BY k)
             FROM generate_series(0, 19) k JOIN bq ON bq.i = (n * 7 + k * 3) % 40)
     FROM generate_series(0, $2::int - 1) n`,
  `INSERT INTO attempt_answer (attempt_id, question_key, value, seq, rev, received_at)
   SELECT md5('a' || i)::uuid, 'k' || k, jsonb_build_object('optionIds', jsonb_build_array(substr(md5(i || '-' || k || '-' || ((i * (k + 1) + k) % 4)), 1, 8))), k + 1, k + 1,
          now() - interval '30 days' + (i * interval '8 seconds') + (k + 1) * interval '12 seconds'
     FROM generate_series(0, $1::int - 1) i, generate_series(0, 19) k
    WHERE (i + k) % 10 <> 0`,
  `ANALYZE`,
];

async function main() {
  loadDotEnv(process.cwd());
  const attempts = Number(process.env.BENCH_ATTEMPTS ?? 300_000);
  const people = Math.ceil(attempts / 3);
  // BENCH_REUSE=<database>: time again on data an earlier BENCH_KEEP=1 run generated.
  const reuse = process.env.BENCH_REUSE;
  const name = reuse ?? `lc_bench_stats_${randomBytes(3).toString('hex')}`;
  log(`${reuse ? 'reusing' : 'scratch'} database ${name}`);
  const base = new URL(process.env.DATABASE_URL!);
  base.pathname = `/${name}`;
  const url = reuse ? base.toString() : await createScratchDatabase(process.env.DATABASE_URL!, name);
  const db = new DataSource(dataSourceOptions(url, [], 4));
  await db.initialize();
  try {
    const t0 = Date.now();
    if (reuse) await db.query('DELETE FROM statistics_answer_tally');
    else
      await db.transaction(async (m) => {
        for (const sql of GENERATE) {
          const params = sql.includes('$2') ? [people, attempts] : sql.includes('INTO attempt_answer') ? [attempts] : sql.includes('$1') ? [people] : [];
          await m.query(sql, params);
        }
      });
    const generateSeconds = reuse ? null : (Date.now() - t0) / 1000;
    log(`generated ${attempts} attempts in ${generateSeconds} s`);

    // No DATABASE_REPLICA_URL here: the snapshots run on this database.
    const primaryOnly = new ReadReplica({} as AppConfig, db);
    const service = new ContestStatisticsService(primaryOnly, new AccessService(db), new AnswerTallyService(db, primaryOnly));
    const admin = { id: '00000000-0000-4000-8000-0000000000ff', role: 'admin' as const, organisationId: null };
    const contestId = '00000000-0000-4000-8000-000000000003';
    const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
      const t = Date.now();
      const v = await f();
      return [v, (Date.now() - t) / 1000];
    };
    // Cold: nothing cached, every day of answers grouped (what the first XLSX download does).
    const [cold, coldSeconds] = await timed(() => service.compute(admin, contestId, null, null, Infinity));
    log(`cold ${coldSeconds} s`);
    // Warm: the per-day groups come from the cache (every later request for closed days).
    const [, warmSeconds] = await timed(() => service.compute(admin, contestId, null, null));
    log(`warm ${warmSeconds} s`);
    // An open round: the last day took new entries, so that day alone is grouped again.
    await db.query("UPDATE attempt SET status = 'void' WHERE id = (SELECT id FROM attempt WHERE status = 'submitted' ORDER BY submitted_at DESC LIMIT 1)");
    const [, oneDaySeconds] = await timed(() => service.compute(admin, contestId, null, null));
    log(`one day changed ${oneDaySeconds} s`);
    let bytes = 0;
    const sink = new Writable({ write: (c: Buffer, _e, cb) => ((bytes += c.length), cb()) });
    const [, xlsxSeconds] = await timed(() => writeWorkbook(contestSheets(cold), sink));
    const summary = {
      entries: cold.totals.entries,
      uniqueEntrants: cold.totals.uniqueEntrants,
      days: cold.perDay.length,
      units: cold.byUnit.length,
      communes: cold.byCommune.length,
      questions: cold.questions.length,
    };
    const runs = { coldSeconds, warmSeconds, oneDayChangedSeconds: oneDaySeconds, xlsxWriteSeconds: xlsxSeconds, xlsxBytes: bytes };
    process.stdout.write(
      `${JSON.stringify({ bench: 'statistics', attempts, answers: attempts * 18, generateSeconds, runs, peakRssMb: vmHwmMb(), result: summary }, null, 2)}\n`,
    );
  } finally {
    await db.destroy();
    if (process.env.BENCH_KEEP !== '1' && !reuse) await dropScratchDatabase(process.env.DATABASE_URL!, name);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
