import type { EntityManager } from 'typeorm';
import { QUESTION_FROM, type QuestionRow } from '../questions/question-store';

/** The SQL of pools: reading versions, and locking a rule's candidates (QuestionPoolService decides). */

const VERSION_SELECT = `SELECT v.id AS version_id, v.question_id, v.type, v.stem, v.options, v.answer, v.points, v.difficulty, t.path AS topic,
  v.explanation, v.legal_reference, v.rubric
  FROM question_version v LEFT JOIN topic t ON t.id = v.topic_id`;

export type VersionRow = Pick<
  QuestionRow,
  'version_id' | 'type' | 'stem' | 'options' | 'answer' | 'points' | 'difficulty' | 'topic' | 'explanation' | 'legal_reference' | 'rubric'
> & {
  question_id: string;
};

/** The versions by id, in no particular order. */
export function versionsById(m: EntityManager, ids: string[]): Promise<VersionRow[]> {
  return m.query(`${VERSION_SELECT} WHERE v.id = ANY($1::uuid[])`, [ids]);
}

/** The versions by id, in their questions' bank order. */
export function versionsInBankOrder(m: EntityManager, ids: string[]): Promise<VersionRow[]> {
  return m.query(`${VERSION_SELECT} JOIN question q ON q.id = v.question_id WHERE v.id = ANY($1::uuid[]) ORDER BY q.seq`, [ids]);
}

export async function bankOrganisation(m: EntityManager, bankId: string): Promise<string | undefined> {
  const owner: { organisation_id: string }[] = await m.query('SELECT organisation_id FROM question_bank WHERE id = $1', [bankId]);
  return owner[0]?.organisation_id;
}

/** Whether the bank has a topic with this id or path. */
export async function bankHasTopic(m: EntityManager, bankId: string, topic: string): Promise<boolean> {
  const rows: unknown[] = await m.query('SELECT 1 FROM topic WHERE bank_id = $1 AND (id::text = $2 OR path = $2)', [bankId, topic]);
  return rows.length > 0;
}

/** Locks (`locked_at`) the current version of every question matching `where` (from `filterSql`) and returns their ids. */
export async function lockMatching(m: EntityManager, where: string, params: unknown[]): Promise<string[]> {
  const locked: { id: string }[] = await m.query(
    // A SELECT around the UPDATE, so the driver hands back plain rows.
    `WITH c AS (SELECT v.id FROM ${QUESTION_FROM} WHERE ${where} FOR UPDATE OF v),
     u AS (UPDATE question_version v SET locked_at = COALESCE(v.locked_at, now()) FROM c WHERE v.id = c.id RETURNING v.id)
     SELECT id FROM u`,
    params,
  );
  return locked.map((r) => r.id);
}

/** Of these question ids, those in a bank of the organisation and not archived: bank and current type. */
export function questionsOfOrganisation(
  m: EntityManager,
  organisationId: string,
  ids: string[],
): Promise<{ question_id: string; bank_id: string; type: VersionRow['type'] }[]> {
  return m.query(
    `SELECT q.id AS question_id, q.bank_id, v.type
       FROM question q JOIN question_bank b ON b.id = q.bank_id JOIN question_version v ON v.id = q.current_version_id
      WHERE q.id = ANY($1::uuid[]) AND b.organisation_id = $2 AND q.archived_at IS NULL`,
    [ids, organisationId],
  );
}
