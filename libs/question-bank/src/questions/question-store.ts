import { EntityManager } from 'typeorm';
import { QuestionType } from '../pool/question-pool.types';
import { foldStem } from '@lc/platform';
import { ensureTopics } from '../topics/topic-store';
import { AnswerContent, OptionContent, QuestionContent } from './question-content';

/** The columns every read of a question's current version selects (aliases q, v, t). */
export const QUESTION_COLUMNS = `q.id, q.bank_id, q.archived_at, q.created_at, q.updated_at,
  v.id AS version_id, v.version_no, v.locked_at, v.type, v.stem, v.options, v.answer, v.points, v.difficulty,
  v.topic_id, t.path AS topic, v.legal_reference, v.explanation, v.rubric, v.tags`;
export const QUESTION_FROM = `question q JOIN question_version v ON v.id = q.current_version_id LEFT JOIN topic t ON t.id = v.topic_id`;

export interface QuestionRow {
  id: string;
  bank_id: string;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version_id: string;
  version_no: number;
  locked_at: Date | null;
  type: QuestionType;
  stem: string;
  options: OptionContent[];
  answer: AnswerContent;
  points: string;
  difficulty: number;
  topic_id: string | null;
  topic: string | null;
  legal_reference: string | null;
  explanation: string | null;
  rubric: string | null;
  tags: string[];
}

export function rowToContent(r: QuestionRow): QuestionContent {
  return {
    type: r.type,
    stem: r.stem,
    options: r.options,
    answer: r.answer,
    points: Number(r.points),
    difficulty: r.difficulty,
    topic: r.topic,
    legalReference: r.legal_reference,
    explanation: r.explanation,
    rubric: r.rubric,
    tags: r.tags,
  };
}

/**
 * The version columns, read from a question content document as JSON.stringify writes it
 * (alias x: x.doc the document, x.folded its folded stem; alias t: its topic, joined by path).
 */
const VERSION_FROM_DOC = `x.doc->>'type', x.doc->>'stem', x.folded, x.doc->'options', NULLIF(x.doc->'answer', 'null'::jsonb),
  (x.doc->>'points')::numeric, (x.doc->>'difficulty')::smallint, t.id, x.doc->>'legalReference', x.doc->>'explanation', x.doc->>'rubric',
  ARRAY(SELECT jsonb_array_elements_text(x.doc->'tags'))`;
const VERSION_COLUMNS = 'type, stem, stem_folded, options, answer, points, difficulty, topic_id, legal_reference, explanation, rubric, tags';

async function ensureTopicOf(m: EntityManager, bankId: string, contents: QuestionContent[], made: Map<string, string>): Promise<void> {
  const missing = new Set(contents.map((c) => c.topic).filter((t): t is string => !!t && !made.has(t)));
  if (missing.size) for (const [path, id] of await ensureTopics(m, bankId, missing)) made.set(path, id);
}

/**
 * Inserts new questions with their first versions, in order, as one statement: the
 * contents go as one JSON parameter exactly as they are (no per-row objects or ids built
 * here; PostgreSQL makes the ids), their folded stems as a second. Call inside a
 * transaction (question → version is a deferred foreign key), a few hundred at a time.
 * `topics` caches the topic paths already made across the batches of one import.
 */
export async function insertQuestions(
  m: EntityManager,
  bankId: string,
  actorId: string | null,
  contents: QuestionContent[],
  topics = new Map<string, string>(),
  folded?: string[],
): Promise<string[]> {
  await ensureTopicOf(m, bankId, contents, topics);
  const rows: { question_id: string }[] = await m.query(
    `WITH x AS (
       SELECT e.ord, e.doc, ($3::text[])[e.ord] AS folded, gen_random_uuid() AS qid, gen_random_uuid() AS vid
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(doc, ord)
     ), q AS (
       INSERT INTO question (id, bank_id, current_version_id) SELECT qid, $2, vid FROM x ORDER BY ord
     )
     INSERT INTO question_version (id, question_id, version_no, ${VERSION_COLUMNS}, created_by)
     SELECT x.vid, x.qid, 1, ${VERSION_FROM_DOC}, $4
     FROM x LEFT JOIN topic t ON t.bank_id = $2 AND t.path = x.doc->>'topic'
     ORDER BY x.ord
     RETURNING question_id`,
    [JSON.stringify(contents), bankId, folded ?? contents.map((c) => foldStem(c.stem)), actorId],
  );
  return rows.map((r) => r.question_id);
}

/** Adds a version to an existing question and makes it current. */
export async function insertVersion(
  m: EntityManager,
  questionId: string,
  versionNo: number,
  actorId: string,
  c: QuestionContent,
  bankId: string,
): Promise<string> {
  await ensureTopicOf(m, bankId, [c], new Map());
  const [row]: { id: string }[] = await m.query(
    `WITH x AS (SELECT $1::jsonb AS doc, $2::text AS folded)
     INSERT INTO question_version (id, question_id, version_no, ${VERSION_COLUMNS}, created_by)
     SELECT gen_random_uuid(), $3, $4, ${VERSION_FROM_DOC}, $5
     FROM x LEFT JOIN topic t ON t.bank_id = $6 AND t.path = x.doc->>'topic'
     RETURNING id`,
    [JSON.stringify(c), foldStem(c.stem), questionId, versionNo, actorId, bankId],
  );
  await m.query('UPDATE question SET current_version_id = $2, updated_at = now() WHERE id = $1', [questionId, row.id]);
  return row.id;
}

/** Rewrites a version that no round has frozen yet. */
export async function updateVersionInPlace(m: EntityManager, versionId: string, c: QuestionContent, bankId: string): Promise<void> {
  await ensureTopicOf(m, bankId, [c], new Map());
  // The caller holds the row lock and saw it unlocked; the condition only guards against misuse.
  await m.query(
    `UPDATE question_version v SET (${VERSION_COLUMNS}) = (SELECT ${VERSION_FROM_DOC})
     FROM (SELECT $2::jsonb AS doc, $3::text AS folded) x LEFT JOIN topic t ON t.bank_id = $4 AND t.path = x.doc->>'topic'
     WHERE v.id = $1 AND v.locked_at IS NULL`,
    [versionId, JSON.stringify(c), foldStem(c.stem), bankId],
  );
}

/**
 * Current, non-archived questions of the bank whose folded stem is one of `folded`:
 * folded stem → question id (the oldest, when the bank already holds duplicates).
 */
export async function findDuplicates(m: EntityManager, bankId: string, folded: string[], exceptQuestionId?: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!folded.length) return out;
  const rows: { id: string; stem_folded: string }[] = await m.query(
    `SELECT q.id, v.stem_folded FROM question q JOIN question_version v ON v.id = q.current_version_id
     WHERE q.bank_id = $1 AND q.archived_at IS NULL AND v.stem_folded = ANY($2::text[]) AND ($3::uuid IS NULL OR q.id <> $3)
     ORDER BY q.seq`,
    [bankId, [...new Set(folded)], exceptQuestionId ?? null],
  );
  for (const r of rows) if (!out.has(r.stem_folded)) out.set(r.stem_folded, r.id);
  return out;
}

/** Serialises writers of one bank (imports, creates) so duplicate checks see each other. */
export async function lockBank(m: EntityManager, bankId: string): Promise<void> {
  await m.query("SELECT pg_advisory_xact_lock(hashtextextended('question_bank:' || $1, 0))", [bankId]);
}

/** A page of the questions matching `where` (built by `filterSql` into `params`), in bank order, and how many match. */
export async function questionPage(
  m: EntityManager,
  where: string,
  params: unknown[],
  limit: number,
  offset: number,
): Promise<{ rows: QuestionRow[]; total: number }> {
  const page = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
  const [rows, count] = await Promise.all([
    m.query(`SELECT ${QUESTION_COLUMNS} FROM ${QUESTION_FROM} WHERE ${where} ORDER BY q.seq ${page}`, [...params, limit, offset]) as Promise<QuestionRow[]>,
    m.query(`SELECT count(*)::int AS n FROM ${QUESTION_FROM} WHERE ${where}`, params) as Promise<{ n: number }[]>,
  ]);
  return { rows, total: count[0].n };
}

/** A question of this bank with its current version (locked for the transaction with `forUpdate`); undefined when not the bank's. */
export async function questionRow(m: EntityManager, bankId: string, questionId: string, forUpdate = false): Promise<QuestionRow | undefined> {
  const rows: QuestionRow[] = await m.query(
    `SELECT ${QUESTION_COLUMNS} FROM ${QUESTION_FROM} WHERE q.id = $1 AND q.bank_id = $2${forUpdate ? ' FOR UPDATE OF q, v' : ''}`,
    [questionId, bankId],
  );
  return rows[0];
}

export async function touchQuestion(m: EntityManager, questionId: string): Promise<void> {
  await m.query('UPDATE question SET updated_at = now() WHERE id = $1', [questionId]);
}

export async function archiveQuestion(m: EntityManager, questionId: string): Promise<void> {
  await m.query('UPDATE question SET archived_at = COALESCE(archived_at, now()), updated_at = now() WHERE id = $1', [questionId]);
}
