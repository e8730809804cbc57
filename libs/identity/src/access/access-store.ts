import type { DataSource, EntityManager } from 'typeorm';

/**
 * Every kind of record whose access depends on its organisation, and the SQL that finds
 * that organisation. Identity depends on no feature module, so the owners publish the
 * answer as a view `<record>_organisation (id, organisation_id)` in their migrations
 * (migrations/…-AddRecordOrganisationViews.ts): a new kind of record adds its view and a
 * line here. An owner never changes, so answers are cached.
 */
const OWNER_SQL = {
  organisation: 'SELECT id AS organisation_id FROM organisation WHERE id = $1',
  questionBank: 'SELECT organisation_id FROM question_bank_organisation WHERE id = $1',
  contest: 'SELECT organisation_id FROM contest_organisation WHERE id = $1',
  round: 'SELECT organisation_id FROM round_organisation WHERE id = $1',
} as const;
export type Resource = keyof typeof OWNER_SQL;

/** The organisation owning the record, or null when there is no such record. */
export async function organisationOf(db: DataSource | EntityManager, resource: Resource, id: string): Promise<string | null> {
  const rows: { organisation_id: string }[] = await db.query(OWNER_SQL[resource], [id]);
  return rows[0]?.organisation_id ?? null;
}

/** The judge's rounds, from the SQL function contests and judging publish (migrations/…-AddJudgeAssignmentsFunction.ts): identity names no jury table. */
export async function judgeAssignmentRows(db: DataSource | EntityManager, judgeId: string): Promise<{ roundId: string; contestId: string; head: boolean }[]> {
  const rows: { round_id: string; contest_id: string; head: boolean }[] = await db.query('SELECT round_id, contest_id, head FROM judge_assignments($1)', [
    judgeId,
  ]);
  return rows.map((r) => ({ roundId: r.round_id, contestId: r.contest_id, head: r.head }));
}
