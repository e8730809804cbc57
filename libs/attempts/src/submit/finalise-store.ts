import type { DataSource } from 'typeorm';
import { preparedRows } from '@lc/platform';
import type { AttemptFlag } from '../integrity/integrity';
import { countedAttemptSql } from '../attempt/counted';

/** What finishing one attempt writes: its outcome, and its final answers from Redis. */
export interface FinalisedAttempt {
  attemptId: string;
  roundId: string;
  userId: string;
  status: 'submitted' | 'expired';
  submittedAt: Date;
  score: number;
  maxScore: number;
  timeTakenMs: number;
  prediction: number | null;
  /** The answer pattern identical attempts are found by (null: too few answers to compare). */
  answerHash: string | null;
  correctCount: number;
  submitKey: string | null;
  flags: AttemptFlag[];
  answers: { questionKey: string; answer: unknown; seq: number; rev: number; receivedAt: Date }[];
}

/** `finished`: this call moved it, with the attempts whose answers are identical; `closedAt`: a submit after the round closed early. */
export type FinaliseOutcome = { finished: true; identicalTo: string[] } | { closedAt: Date } | { finished: false };

/**
 * The SQL of finishing an attempt (AttemptFinaliser decides what to write). One statement,
 * so it commits as a whole: moves the attempt out of in_progress only once — whoever comes
 * first — refuses a `submitted` after the round's early close, upserts the final answers
 * (a newer revision wins; in the write-behind's lock order, question by question) and finds up to 20 counted attempts of the round with the same
 * answer pattern.
 */
export async function finaliseAttempt(db: DataSource, f: FinalisedAttempt): Promise<FinaliseOutcome> {
  const q = finaliseQuery(f);
  const rows = await preparedRows<{ id: string | null; dup: string[]; closed_at: Date | null }>(db, 'attempt-finalise', q.text, q.values);
  if (rows[0]?.closed_at) return { closedAt: rows[0].closed_at };
  if (!rows.length) return { finished: false };
  return { finished: true, identicalTo: rows[0].dup };
}

/**
 * The statement and its parameters. The attempt is found by its round and user as well as its
 * id, so that every index the planner may pick for the UPDATE is a point lookup, with or without
 * statistics: on a table never analysed (autovacuum off, a fresh restore, a new round's first
 * surge) it scanned every attempt in progress. Identical attempts are found by the pattern alone:
 * `IS NOT DISTINCT FROM` (round_id is never null) keeps the round out of every index condition,
 * else the planner without statistics took uq_attempt_round_user_no by the round and read every
 * attempt of the round on every submit (2 ms of PostgreSQL CPU per submit at 6,000 attempts).
 */
export function finaliseQuery(f: FinalisedAttempt): { text: string; values: unknown[] } {
  return {
    text: `WITH cut AS (
       SELECT r.closed_at FROM round r
        WHERE r.id = $17 AND $2 = 'submitted' AND r.status IN ('closed', 'published') AND r.closed_at < $3
     ), u AS (
       UPDATE attempt SET status = $2, submitted_at = $3, score = $4, max_score = $5, time_taken_ms = $6, prediction = $7,
              answer_hash = $8, correct_count = $9, submit_key = $10, flags = flags || $11::jsonb
        WHERE id = $1 AND round_id = $17 AND user_id = $18 AND status = 'in_progress' AND NOT EXISTS (SELECT 1 FROM cut)
        RETURNING id
     ), a AS (
       INSERT INTO attempt_answer (attempt_id, question_key, value, seq, rev, received_at)
       SELECT u.id, x.k, x.v, x.s, x.r, x.t
         FROM u, unnest($12::text[], $13::jsonb[], $14::int[], $15::int[], $16::timestamptz[]) AS x(k, v, s, r, t)
        ORDER BY x.k
       ON CONFLICT (attempt_id, question_key) DO UPDATE
          SET value = EXCLUDED.value, seq = EXCLUDED.seq, rev = EXCLUDED.rev, received_at = EXCLUDED.received_at
        WHERE attempt_answer.rev < EXCLUDED.rev
     ), d AS (
       SELECT o.id FROM attempt o
        WHERE $8::text IS NOT NULL AND o.answer_hash = $8 AND o.round_id IS NOT DISTINCT FROM $17 AND o.user_id <> $18
          AND ${countedAttemptSql('o')}
        LIMIT 20
     )
     SELECT u.id, coalesce((SELECT array_agg(d.id::text) FROM d), '{}'::text[]) AS dup, NULL::timestamptz AS closed_at FROM u
     UNION ALL SELECT NULL, '{}'::text[], cut.closed_at FROM cut`,
    values: [
      f.attemptId,
      f.status,
      f.submittedAt,
      f.score,
      f.maxScore,
      f.timeTakenMs,
      f.prediction,
      f.answerHash,
      f.correctCount,
      f.submitKey,
      JSON.stringify(f.flags),
      f.answers.map((x) => x.questionKey),
      f.answers.map((x) => JSON.stringify(x.answer)),
      f.answers.map((x) => x.seq),
      f.answers.map((x) => x.rev),
      f.answers.map((x) => x.receivedAt),
      f.roundId,
      f.userId,
    ],
  };
}

/** Flags the attempt and those identical to it, each once (`identical_answers` with `flag`). */
export async function flagIdenticalAnswers(db: DataSource, attemptIds: string[], flag: AttemptFlag): Promise<void> {
  await db.query(
    `UPDATE attempt SET flags = flags || jsonb_build_array($2::jsonb)
      WHERE id = ANY($1::uuid[]) AND NOT flags @> '[{"code":"identical_answers"}]'`,
    [attemptIds, JSON.stringify(flag)],
  );
}
