import type { DataSource } from 'typeorm';
import { preparedRows } from '@lc/platform';

/** One answer as the write-behind flushes it from Redis to attempt_answer. */
export interface AnswerToWrite {
  attemptId: string;
  questionKey: string;
  answer: unknown;
  seq: number;
  rev: number;
  receivedAt: Date;
}

/**
 * Writes a batch in one statement; a row only replaces an older revision. Rows go in lock order
 * (attempt, then question), as a submit's do (finalise-store.ts): the two writing one attempt's
 * unwritten answers in different orders deadlocked (fault 1 saw a submit fail with 40P01). Attempts deleted
 * meanwhile (the join) are skipped rather than failing the batch.
 */
export async function writeAnswers(db: DataSource, answers: AnswerToWrite[]): Promise<void> {
  await preparedRows(
    db,
    'attempt-answers-write-behind',
    `INSERT INTO attempt_answer (attempt_id, question_key, value, seq, rev, received_at)
     SELECT x.a, x.k, x.v, x.s, x.r, x.t
       FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::int[], $5::int[], $6::timestamptz[]) AS x(a, k, v, s, r, t)
       JOIN attempt ON attempt.id = x.a
      ORDER BY x.a, x.k
     ON CONFLICT (attempt_id, question_key) DO UPDATE
        SET value = EXCLUDED.value, seq = EXCLUDED.seq, rev = EXCLUDED.rev, received_at = EXCLUDED.received_at
      WHERE attempt_answer.rev < EXCLUDED.rev`,
    [
      answers.map((x) => x.attemptId),
      answers.map((x) => x.questionKey),
      answers.map((x) => JSON.stringify(x.answer)),
      answers.map((x) => x.seq),
      answers.map((x) => x.rev),
      answers.map((x) => x.receivedAt),
    ],
  );
}
