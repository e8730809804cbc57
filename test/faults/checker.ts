import Redis, { Cluster } from 'ioredis';
import { allHotShardTags } from '../../libs/platform/src/redis/hot-shards';
import { Client } from 'pg';
import type { PoolQuestion } from '@lc/question-bank';
import type { DrawnQuestion } from '../../libs/attempts/src/draw/draw';
import { scoreAttempt } from '../../libs/attempts/src/scoring/scoring';
import { sleep } from './cluster';
import { Ledger } from './ledger';

/**
 * Holds PostgreSQL (the system of record) to the ledger after a fault and its recovery:
 *  - every acknowledged submission is there once, with the status and score acknowledged;
 *  - no attempt exists that no client started (a retried start made no second attempt);
 *  - every acknowledged autosave is there (its seq or a later one the client sent);
 *    autosaves acknowledged within `lossWindow` are reported apart (none is expected);
 *  - every finished attempt has one score, equal to a re-score from its raw answers by the
 *    pure scoring function, with the question versions read from the bank's own table;
 *  - every acknowledged staff write is there once, with its audit record;
 *  - the live board holds at most one entry per resident.
 */

export interface CheckResult {
  acknowledged: number;
  lost: number;
  duplicates: number;
  scoreMismatches: number;
  attemptsRescored: number;
  /** Autosaves acknowledged within a second before a Redis kill that are not in PostgreSQL (SPEC allows it; reported). */
  lostInWindow: number;
  /** Residents with a finished attempt missing from the live board (rebuildable from PostgreSQL; reported, not failed). */
  boardMissing: number;
  problems: string[];
}

export interface CheckOpts {
  lossWindow?: { from: number; to: number };
}

type Row = Record<string, any>;

async function q(db: Client, sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await db.query(sql, params)).rows;
}

/** Waits (bounded) until no attempt of these rounds is in progress and the write-behind is drained. */
export async function settle(db: Client, redis: Redis | Cluster, prefix: string, roundIds: string[], timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = await q(db, `SELECT count(*)::int AS n FROM attempt WHERE round_id = ANY($1::uuid[]) AND status = 'in_progress'`, [roundIds]);
    // On a cluster every hot shard has its own write-behind sets (platform redis/hot-shards.ts).
    const sets =
      redis instanceof Cluster
        ? allHotShardTags().flatMap((t) => [`${prefix}:answers:${t}:dirty`, `${prefix}:answers:${t}:inflight`])
        : [`${prefix}:answers:dirty`, `${prefix}:answers:inflight`];
    let dirty = 0;
    for (const k of sets) dirty += await redis.scard(k);
    if (n === 0 && dirty === 0) return;
    if (Date.now() > end) throw new Error(`not settled within ${timeoutMs} ms: ${n} attempts in progress, ${dirty} attempts with answers not written behind`);
    await sleep(500);
  }
}

export async function check(
  db: Client,
  redis: Redis | Cluster,
  prefix: string,
  ledger: Ledger,
  roundIds: string[],
  opts: CheckOpts = {},
): Promise<CheckResult> {
  const problems: string[] = [...ledger.anomalies];
  let lost = 0;
  let duplicates = 0;
  let lostInWindow = 0;

  // Submissions: there, once, as acknowledged.
  const acked = [...ledger.submissions.values()];
  const rows = new Map(
    (
      await q(db, `SELECT id, status, score::float8 AS score, max_score::float8 AS max_score FROM attempt WHERE id = ANY($1::uuid[])`, [
        acked.map((a) => a.attemptId),
      ])
    ).map((r) => [r.id, r]),
  );
  for (const a of acked) {
    const r = rows.get(a.attemptId);
    if (!r) {
      lost++;
      problems.push(`acknowledged submission ${a.attemptId} is not in PostgreSQL`);
    } else if (r.status !== a.status || r.score !== a.score || r.max_score !== a.maxScore) {
      lost++;
      problems.push(`attempt ${a.attemptId}: acknowledged ${a.status} ${a.score}/${a.maxScore}, stored ${r.status} ${r.score}/${r.max_score}`);
    }
  }

  // No attempt that no client knows of (e.g. a second one from a retried start).
  const known = new Set(ledger.attempts.keys());
  for (const r of await q(db, `SELECT id, user_id FROM attempt WHERE round_id = ANY($1::uuid[])`, [roundIds])) {
    if (!known.has(r.id)) {
      duplicates++;
      problems.push(`attempt ${r.id} of user ${r.user_id} was never started by a client (duplicate effect)`);
    }
  }

  // Autosaves: the latest acknowledged seq (or a later one actually sent) with its value.
  const latest = ledger.latestAutosaves();
  const ids = [...new Set([...latest.values()].map((a) => a.attemptId))];
  const stored = new Map(
    (await q(db, `SELECT attempt_id, question_key, seq, value FROM attempt_answer WHERE attempt_id = ANY($1::uuid[])`, [ids])).map((r) => [
      `${r.attempt_id}/${r.question_key}`,
      r,
    ]),
  );
  for (const [k, a] of latest) {
    const r = stored.get(k);
    const inWindow = !!opts.lossWindow && a.at >= opts.lossWindow.from && a.at <= opts.lossWindow.to;
    let bad: string | null = null;
    if (!r) bad = 'missing';
    else if (r.seq < a.seq) bad = `older seq ${r.seq} stored`;
    else if (r.seq === a.seq && JSON.stringify(normal(r.value)) !== JSON.stringify(normal(a.body)))
      bad = `seq ${a.seq} stored with another value ${JSON.stringify(r.value)}`;
    else if (r.seq > (ledger.sentSeq.get(k) ?? 0)) bad = `seq ${r.seq} stored but never sent`;
    if (!bad) continue;
    if (inWindow) lostInWindow++;
    else lost++;
    problems.push(`autosave ${k} seq ${a.seq} (acknowledged ${new Date(a.at).toISOString()}${inWindow ? ', within the loss window' : ''}): ${bad}`);
  }

  // Scores: one per finished attempt, equal to an independent re-score from the raw answers.
  const finished = await q(
    db,
    `SELECT a.id, a.questions, a.score::float8 AS score, a.max_score::float8 AS max_score, r.partial_credit
       FROM attempt a JOIN round r ON r.id = a.round_id
      WHERE a.round_id = ANY($1::uuid[]) AND a.status IN ('submitted', 'expired')`,
    [roundIds],
  );
  const versionIds = [...new Set(finished.flatMap((f) => (f.questions as DrawnQuestion[]).map((d) => d.versionId)))];
  const versions = new Map<string, PoolQuestion>(
    (
      await q(
        db,
        `SELECT id, question_id, type, stem, options, answer, points::float8 AS points, difficulty FROM question_version WHERE id = ANY($1::uuid[])`,
        [versionIds],
      )
    ).map((v) => [
      v.id,
      {
        versionId: v.id,
        questionId: v.question_id,
        type: v.type,
        stem: v.stem,
        options: v.options,
        answer: v.answer,
        points: v.points,
        difficulty: v.difficulty,
        topic: null,
        explanation: null,
        legalReference: null,
      },
    ]),
  );
  const answers = new Map<string, Record<string, { optionIds?: string[]; value?: string | number | null }>>();
  for (const r of await q(db, `SELECT attempt_id, question_key, value FROM attempt_answer WHERE attempt_id = ANY($1::uuid[])`, [finished.map((f) => f.id)])) {
    const m = answers.get(r.attempt_id) ?? {};
    m[r.question_key] = r.value;
    answers.set(r.attempt_id, m);
  }
  let scoreMismatches = 0;
  for (const f of finished) {
    const s = scoreAttempt(f.questions, answers.get(f.id) ?? {}, versions, { partialCredit: f.partial_credit });
    if (f.score === null || s.score !== f.score || s.maxScore !== f.max_score) {
      scoreMismatches++;
      problems.push(`attempt ${f.id}: stored score ${f.score}/${f.max_score}, re-scored ${s.score}/${s.maxScore}`);
    }
  }

  // Staff writes: each acknowledged question once, audited once.
  const stems = [...ledger.sentStems.keys()];
  const byStem = new Map<string, string[]>();
  for (const r of await q(
    db,
    `SELECT v.stem, q.id FROM question q JOIN question_version v ON v.id = q.current_version_id WHERE q.bank_id = ANY($1::uuid[]) AND v.stem = ANY($2::text[])`,
    [[...new Set(ledger.sentStems.values())], stems],
  )) {
    byStem.set(r.stem, [...(byStem.get(r.stem) ?? []), r.id]);
  }
  const audits = new Map<string, number>(
    (
      await q(db, `SELECT entity_id, count(*)::int AS n FROM audit_log WHERE action = 'question.create' AND entity_id = ANY($1::text[]) GROUP BY entity_id`, [
        ledger.staff.map((s) => s.id),
      ])
    ).map((r) => [r.entity_id, r.n]),
  );
  for (const s of ledger.staff) {
    const found = byStem.get(s.stem) ?? [];
    if (!found.includes(s.id)) {
      lost++;
      problems.push(`acknowledged question ${s.id} ("${s.stem}") is not in PostgreSQL`);
    }
    if ((audits.get(s.id) ?? 0) !== 1) problems.push(`question ${s.id} has ${audits.get(s.id) ?? 0} audit records`);
  }
  for (const [stem, found] of byStem) {
    if (found.length > 1) {
      duplicates += found.length - 1;
      problems.push(`question "${stem}" exists ${found.length} times`);
    }
  }

  // The live board: at most one entry per resident (a re-run job must not add a second).
  let boardMissing = 0;
  for (const roundId of roundIds) {
    const [{ n }] = await q(db, `SELECT count(DISTINCT user_id)::int AS n FROM attempt WHERE round_id = $1 AND status IN ('submitted', 'expired')`, [roundId]);
    const onBoard = await redis.zcard(`${prefix}:lb:{${roundId}}:live`);
    if (onBoard > n) {
      duplicates += onBoard - n;
      problems.push(`round ${roundId}: ${onBoard} board entries for ${n} residents`);
    }
    boardMissing += Math.max(0, n - onBoard);
  }

  return { acknowledged: ledger.writes, lost, duplicates, scoreMismatches, attemptsRescored: finished.length, lostInWindow, boardMissing, problems };
}

/** The stored answer and the sent body compare without the seq. */
function normal(v: { optionIds?: string[]; value?: unknown; seq?: number } | null): unknown {
  if (!v) return v;
  const out: Record<string, unknown> = {};
  if (v.optionIds !== undefined) out.optionIds = v.optionIds.length ? v.optionIds : [];
  if (v.value !== undefined) out.value = typeof v.value === 'string' ? v.value.normalize('NFC') : v.value;
  return out;
}
