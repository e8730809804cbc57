import type { DataSource } from 'typeorm';
import type { DrawnQuestion } from '../draw/draw';
import type { SavedAnswer } from './attempt-answer.entity';

/** One player's whole live final, as one finished attempt (libs/live-finals decides the figures). */
export interface LiveAttempt {
  roundId: string;
  contestId: string;
  userId: string;
  poolVersion: number;
  startedAt: Date;
  submittedAt: Date;
  score: number;
  maxScore: number;
  timeTakenMs: number;
  correctCount: number;
  questions: DrawnQuestion[];
  answers: { questionKey: string; value: SavedAnswer; receivedAt: Date }[];
}

/**
 * Writes a live final's attempts (attempts own the table): each player's one `submitted`
 * attempt no. 1 with their answers, so the round's results are counted like any quiz
 * round's. Idempotent: a player who already has it keeps it (the unique round/user/number),
 * so ending a final twice, or on two instances, writes each attempt once. Returns the
 * attempts this call wrote.
 */
export async function recordLiveAttempts(db: DataSource, rows: LiveAttempt[]): Promise<{ id: string; userId: string }[]> {
  const written: { id: string; userId: string }[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await db.transaction(async (m) => {
      const ids: { id: string; user_id: string }[] = await m.query(
        `INSERT INTO attempt (round_id, contest_id, user_id, attempt_no, status, started_at, deadline_at, submitted_at, score, max_score,
                              time_taken_ms, correct_count, questions, pool_version, flags)
         SELECT x.round_id, x.contest_id, x.user_id, 1, 'submitted', x.started_at, x.submitted_at, x.submitted_at, x.score, x.max_score,
                x.time_taken_ms, x.correct_count, x.questions, x.pool_version, '[]'::jsonb
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::numeric[], $7::numeric[], $8::int[], $9::int[], $10::jsonb[], $11::int[])
                AS x(round_id, contest_id, user_id, started_at, submitted_at, score, max_score, time_taken_ms, correct_count, questions, pool_version)
         ON CONFLICT (round_id, user_id, attempt_no) DO NOTHING
         RETURNING id, user_id`,
        [
          batch.map((r) => r.roundId),
          batch.map((r) => r.contestId),
          batch.map((r) => r.userId),
          batch.map((r) => r.startedAt),
          batch.map((r) => r.submittedAt),
          batch.map((r) => r.score),
          batch.map((r) => r.maxScore),
          batch.map((r) => r.timeTakenMs),
          batch.map((r) => r.correctCount),
          batch.map((r) => JSON.stringify(r.questions)),
          batch.map((r) => r.poolVersion),
        ],
      );
      const byUser = new Map(batch.map((r) => [r.userId, r]));
      const a = { id: [] as string[], key: [] as string[], value: [] as string[], at: [] as Date[] };
      for (const { id, user_id } of ids) {
        written.push({ id, userId: user_id });
        for (const ans of byUser.get(user_id)!.answers) {
          a.id.push(id);
          a.key.push(ans.questionKey);
          a.value.push(JSON.stringify(ans.value));
          a.at.push(ans.receivedAt);
        }
      }
      if (a.id.length)
        await m.query(
          `INSERT INTO attempt_answer (attempt_id, question_key, value, seq, rev, received_at)
           SELECT x.i, x.k, x.v, 1, 1, x.t FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::timestamptz[]) AS x(i, k, v, t)`,
          [a.id, a.key, a.value, a.at],
        );
    });
  }
  return written;
}
