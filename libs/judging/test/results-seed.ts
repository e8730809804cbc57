import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor } from '@lc/identity';

/** One resident's attempt as the integration tests need it; times are minutes before now. */
export interface SeedAttempt {
  name: string;
  score?: number;
  /** Minutes taken (submitted attempts). */
  minutes?: number;
  status?: 'submitted' | 'in_progress';
  flags?: string[];
}

export interface SeededRound {
  roundId: string;
  organiser: Actor;
  /** The attempt id per resident name, in the order given. */
  attempts: Record<string, string>;
  users: Record<string, string>;
}

/**
 * A published contest with one quiz round whose closing time has passed (still `open`:
 * nobody has closed it), a prize plan of one first and one second prize, and the given
 * attempts, in plain SQL: the services under test are close, publish and corrections,
 * not starting and submitting (the e2e suites do those over HTTP).
 */
export async function seedClosedQuiz(db: DataSource, attempts: SeedAttempt[]): Promise<SeededRound> {
  const tag = randomBytes(4).toString('hex');
  const [org] = await db.query(`INSERT INTO organisation (name, level, province) VALUES ($1, 'province', 'Thừa Thiên Huế') RETURNING id`, [
    `Sở Tư pháp ${tag}`,
  ]);
  const [organiser] = await db.query(
    `INSERT INTO "user" (full_name, email, password_hash, role, organisation_id) VALUES ('Người tổ chức', $1, 'x', 'organiser', $2) RETURNING id`,
    [`org-${tag}@int.local`, org.id],
  );
  const [contest] = await db.query(
    `INSERT INTO contest (organisation_id, title, slug, status) VALUES ($1, 'Tìm hiểu pháp luật', $2, 'published') RETURNING id`,
    [org.id, `int-${tag}`],
  );
  const [round] = await db.query(
    `INSERT INTO round (contest_id, seq, title, kind, opens_at, closes_at, duration_seconds, max_attempts, attempt_scoring, leaderboard, status, opened_at)
     VALUES ($1, 1, 'Tuần 1', 'quiz', now() - interval '2 days', now() - interval '5 minutes', 1200, 1, 'best', '{"visibility":"live"}', 'open', now() - interval '2 days') RETURNING id`,
    [contest.id],
  );
  await db.query(
    `INSERT INTO round_rules (round_id, ranking_rules, prize_plan)
     VALUES ($1, '{"chain":["score","time-taken","submitted-at"],"representative":"best","prediction":null}',
             '{"tiers":[{"code":"nhat","name":"Giải Nhất","level":1,"count":1},{"code":"nhi","name":"Giải Nhì","level":2,"count":1}]}')`,
    [round.id],
  );
  const ids: Record<string, string> = {};
  const users: Record<string, string> = {};
  for (const a of attempts) {
    const [u] = await db.query(`INSERT INTO "user" (full_name, password_hash, role, province) VALUES ($1, 'x', 'resident', 'Thừa Thiên Huế') RETURNING id`, [
      a.name,
    ]);
    users[a.name] = u.id;
    await db.query(`INSERT INTO registration (contest_id, user_id, unit) VALUES ($1, $2, 'Phường Thuận Hóa')`, [contest.id, u.id]);
    const flags = JSON.stringify((a.flags ?? []).map((code) => ({ code, at: new Date().toISOString() })));
    const [row] =
      a.status === 'in_progress'
        ? // A 20-minute limit whose deadline has just passed, still inside its 2 s grace: the close waits
          // out the grace and finalises it. Long overdue, any test process's sweeper on the shared test
          // database could expire it between this insert and the close (one fresh-clone run in four).
          await db.query(
            `INSERT INTO attempt (round_id, contest_id, user_id, attempt_no, status, started_at, deadline_at, questions)
             VALUES ($1, $2, $3, 1, 'in_progress', now() - interval '20 minutes 500 milliseconds', now() - interval '500 milliseconds', '[]') RETURNING id`,
            [round.id, contest.id, u.id],
          )
        : await db.query(
            `INSERT INTO attempt (round_id, contest_id, user_id, attempt_no, status, started_at, deadline_at, submitted_at, score, max_score, time_taken_ms, questions, flags)
             VALUES ($1, $2, $3, 1, 'submitted', now() - interval '1 day', now() - interval '1 day' + interval '20 minutes',
                     now() - interval '1 day' + make_interval(mins => $5), $4, 10, $5 * 60000, '[]', $6::jsonb) RETURNING id`,
            [round.id, contest.id, u.id, a.score ?? 0, a.minutes ?? 10, flags],
          );
    ids[a.name] = row.id;
  }
  return { roundId: round.id, organiser: { id: organiser.id, role: 'organiser', organisationId: org.id } as Actor, attempts: ids, users };
}

/** The stored places: who, where, with which prize. */
export async function places(db: DataSource, roundId: string): Promise<{ userId: string; rank: number; prizeCode: string | null }[]> {
  const rows: { user_id: string; rank: number; prize_code: string | null }[] = await db.query(
    'SELECT user_id, rank, prize_code FROM result_entry WHERE round_id = $1 ORDER BY position',
    [roundId],
  );
  return rows.map((r) => ({ userId: r.user_id, rank: r.rank, prizeCode: r.prize_code }));
}
