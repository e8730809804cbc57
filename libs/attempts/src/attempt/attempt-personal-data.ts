import type { EntityManager } from 'typeorm';

/** An attempt as the person's data export shows it: with its network and device identifiers, answers and integrity events. */
export interface ExportedAttempt {
  id: string;
  contestId: string;
  roundId: string;
  roundTitle: string;
  attemptNo: number;
  status: string;
  startedAt: string;
  submittedAt: string | null;
  score: number | null;
  maxScore: number | null;
  timeTakenMs: number | null;
  prediction: number | null;
  ip: string | null;
  userAgent: string | null;
  deviceId: string | null;
  /** `questionId` as the api names it; `questionKey` its deprecated alias for one release. */
  answers: { questionId: string; questionKey?: string; value: unknown; receivedAt: string }[];
  events: { kind: string; at: string; ip: string | null }[];
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** The person's attempts, for their data export (bounded by what one person can start). */
export async function exportAttempts(q: EntityManager, userId: string): Promise<ExportedAttempt[]> {
  const rows: Record<string, never>[] = await q.query(
    `SELECT a.id, a.contest_id, a.round_id, r.title AS round_title, a.attempt_no, a.status, a.started_at, a.submitted_at,
            a.score, a.max_score, a.time_taken_ms, a.prediction, a.ip, a.user_agent, a.device_id
       FROM attempt a JOIN round r ON r.id = a.round_id
      WHERE a.user_id = $1 ORDER BY a.started_at`,
    [userId],
  );
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id as string);
  const [answers, events]: [
    { attempt_id: string; question_key: string; value: unknown; received_at: Date }[],
    { attempt_id: string; kind: string; at: Date; ip: string | null }[],
  ] = await Promise.all([
    q.query(`SELECT attempt_id, question_key, value, received_at FROM attempt_answer WHERE attempt_id = ANY($1::uuid[]) ORDER BY received_at`, [ids]),
    q.query(`SELECT attempt_id, kind, at, ip FROM attempt_event WHERE attempt_id = ANY($1::uuid[]) ORDER BY at`, [ids]),
  ]);
  return rows.map((r) => ({
    id: r.id,
    contestId: r.contest_id,
    roundId: r.round_id,
    roundTitle: r.round_title,
    attemptNo: r.attempt_no,
    status: r.status,
    startedAt: iso(r.started_at)!,
    submittedAt: iso(r.submitted_at),
    score: num(r.score),
    maxScore: num(r.max_score),
    timeTakenMs: r.time_taken_ms,
    prediction: num(r.prediction),
    ip: r.ip,
    userAgent: r.user_agent,
    deviceId: r.device_id,
    answers: answers
      .filter((x) => x.attempt_id === r.id)
      .map((x) => ({ questionId: x.question_key, questionKey: x.question_key, value: x.value, receivedAt: iso(x.received_at)! })),
    events: events.filter((x) => x.attempt_id === r.id).map((x) => ({ kind: x.kind, at: iso(x.at)!, ip: x.ip })),
  }));
}

/**
 * Erasure's part in attempts, in the caller's transaction: network and device identifiers go;
 * scores, answers and event kinds stay (others' places depend on them).
 */
export async function eraseAttemptIdentifiers(m: EntityManager, userId: string): Promise<void> {
  await m.query(`UPDATE attempt SET ip = NULL, user_agent = NULL, device_id = NULL WHERE user_id = $1`, [userId]);
  await m.query(`UPDATE attempt_event SET ip = NULL WHERE attempt_id IN (SELECT id FROM attempt WHERE user_id = $1)`, [userId]);
}

/** The retention purge's part in attempts: the same identifiers, on attempts started and events recorded before `before`. */
export async function purgeAttemptIdentifiers(m: EntityManager, before: Date): Promise<{ attempts: number; attemptEvents: number }> {
  const [, attempts]: [unknown, number] = await m.query(
    `UPDATE attempt SET ip = NULL, user_agent = NULL, device_id = NULL
      WHERE started_at < $1 AND (ip IS NOT NULL OR user_agent IS NOT NULL OR device_id IS NOT NULL)`,
    [before],
  );
  const [, attemptEvents]: [unknown, number] = await m.query(`UPDATE attempt_event SET ip = NULL WHERE at < $1 AND ip IS NOT NULL`, [before]);
  return { attempts, attemptEvents };
}
