import type { EntityManager } from 'typeorm';

/** The SQL of question banks' views (the entity writes the row). */

export interface QuestionBankView {
  id: string;
  organisationId: string;
  name: string;
  description: string | null;
  /** Current, non-archived questions. */
  questionCount: number;
  createdAt: Date;
  updatedAt: Date;
}

const BANK_SELECT = `SELECT b.id, b.organisation_id AS "organisationId", b.name, b.description, b.created_at AS "createdAt", b.updated_at AS "updatedAt",
  (SELECT count(*)::int FROM question q WHERE q.bank_id = b.id AND q.archived_at IS NULL) AS "questionCount"
  FROM question_bank b`;

/** A page of the organisation's banks (null: every organisation's), newest first, and how many there are. */
export async function bankPage(
  m: EntityManager,
  organisationId: string | null,
  limit: number,
  offset: number,
): Promise<{ items: QuestionBankView[]; total: number }> {
  const where = organisationId ? 'WHERE b.organisation_id = $1' : 'WHERE $1::uuid IS NULL';
  const [items, count] = await Promise.all([
    m.query(`${BANK_SELECT} ${where} ORDER BY b.created_at DESC, b.id LIMIT $2 OFFSET $3`, [organisationId, limit, offset]) as Promise<QuestionBankView[]>,
    m.query(`SELECT count(*)::int AS n FROM question_bank b ${where}`, [organisationId]) as Promise<{ n: number }[]>,
  ]);
  return { items, total: count[0].n };
}

export async function bankView(m: EntityManager, id: string): Promise<QuestionBankView | undefined> {
  const rows: QuestionBankView[] = await m.query(`${BANK_SELECT} WHERE b.id = $1`, [id]);
  return rows[0];
}
