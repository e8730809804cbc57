import type { DataSource, EntityManager } from 'typeorm';
import { foldedSql } from '@lc/platform';
import { sqlRows } from '../common/sql';
import type { EnrolmentSource } from './round-enrolment.entity';

/** The SQL of round_enrolment (EnrolmentService decides). */

export interface EnrolmentRow {
  round_id: string;
  user_id: string;
  full_name: string;
  unit: string | null;
  source: EnrolmentSource;
  from_round_id: string | null;
  created_at: Date;
}

/** Enrols each user once; returns the users newly enrolled. */
export async function insertEnrolments(
  m: EntityManager | DataSource,
  roundId: string,
  userIds: string[],
  source: EnrolmentSource,
  fromRoundId: string | null,
): Promise<string[]> {
  const rows = await sqlRows<{ user_id: string }>(
    m,
    `INSERT INTO round_enrolment (round_id, user_id, source, from_round_id)
     SELECT $1, u, $3, $4 FROM unnest($2::uuid[]) AS u
     ON CONFLICT (round_id, user_id) DO NOTHING RETURNING user_id`,
    [roundId, userIds, source, fromRoundId],
  );
  return rows.map((r) => r.user_id);
}

export async function isEnrolled(db: DataSource | EntityManager, roundId: string, userId: string): Promise<boolean> {
  return (await sqlRows(db, 'SELECT 1 FROM round_enrolment WHERE round_id = $1 AND user_id = $2', [roundId, userId])).length > 0;
}

/** A page of the round's enrolments by name (`needle`: a folded LIKE pattern, or null), and how many match. */
export async function enrolmentPage(
  db: DataSource | EntityManager,
  roundId: string,
  needle: string | null,
  limit: number,
  offset: number,
): Promise<{ rows: EnrolmentRow[]; total: number }> {
  const where = `e.round_id = $1 AND ($2::text IS NULL OR ${foldedSql('u.full_name')} LIKE $2)`;
  const rows = await sqlRows<EnrolmentRow>(
    db,
    `SELECT e.round_id, e.user_id, u.full_name, reg.unit, e.source, e.from_round_id, e.created_at
       FROM round_enrolment e JOIN "user" u ON u.id = e.user_id
       JOIN round r ON r.id = e.round_id
       LEFT JOIN registration reg ON reg.contest_id = r.contest_id AND reg.user_id = e.user_id
      WHERE ${where} ORDER BY u.full_name, e.user_id LIMIT $3 OFFSET $4`,
    [roundId, needle, limit, offset],
  );
  const [{ n }] = await sqlRows<{ n: number }>(db, `SELECT count(*)::int AS n FROM round_enrolment e JOIN "user" u ON u.id = e.user_id WHERE ${where}`, [
    roundId,
    needle,
  ]);
  return { rows, total: n };
}
