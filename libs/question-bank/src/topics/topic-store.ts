import { EntityManager } from 'typeorm';
import { pathPrefixes } from './topic-path';

/** A topic as the topic screens show it. */
export interface TopicView {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  /** Current, non-archived questions filed directly under this topic. */
  questionCount: number;
}

export interface TopicRow {
  id: string;
  parent_id: string | null;
  name: string;
  path: string;
}

const VIEW_SQL = `SELECT t.id, t.parent_id AS "parentId", t.name, t.path,
    (SELECT count(*)::int FROM question q JOIN question_version v ON v.id = q.current_version_id
      WHERE q.bank_id = t.bank_id AND q.archived_at IS NULL AND v.topic_id = t.id) AS "questionCount"
  FROM topic t`;

/** The topic and everything under it, by path (`$1` bank, `$2` the topic's path). */
const SUBTREE = `bank_id = $1 AND (path = $2 OR left(path, length($2) + 1) = $2 || '/')`;

/** The bank's topic tree, flat, in path order (a parent before its children). */
export function listTopics(m: EntityManager, bankId: string): Promise<TopicView[]> {
  return m.query(`${VIEW_SQL} WHERE t.bank_id = $1 ORDER BY t.path`, [bankId]);
}

export async function topicView(m: EntityManager, bankId: string, id: string): Promise<TopicView | undefined> {
  const [v]: TopicView[] = await m.query(`${VIEW_SQL} WHERE t.bank_id = $1 AND t.id = $2`, [bankId, id]);
  return v;
}

/** A topic of this bank (another bank's topic is as missing as a made-up id). */
export async function findTopic(m: EntityManager, bankId: string, id: string): Promise<TopicRow | undefined> {
  const [row]: TopicRow[] = await m.query('SELECT id, parent_id, name, path FROM topic WHERE id = $1 AND bank_id = $2', [id, bankId]);
  return row;
}

/** The new topic's id, or null when the bank has that path already. */
export async function insertTopic(m: EntityManager, bankId: string, parentId: string | null, name: string, path: string): Promise<string | null> {
  const [row]: { id: string }[] = await m.query(
    `INSERT INTO topic (bank_id, parent_id, name, path) VALUES ($1, $2, $3, $4) ON CONFLICT (bank_id, path) DO NOTHING RETURNING id`,
    [bankId, parentId, name, path],
  );
  return row?.id ?? null;
}

/** The paths of the topic at `path` and of everything under it, in path order. */
export async function subtreePaths(m: EntityManager, bankId: string, path: string): Promise<string[]> {
  const rows: { path: string }[] = await m.query(`SELECT path FROM topic WHERE ${SUBTREE} ORDER BY path`, [bankId, path]);
  return rows.map((r) => r.path);
}

/** The first of `targets` another topic (not one of `moving`) already holds, if any. */
export async function takenPath(m: EntityManager, bankId: string, targets: string[], moving: string[]): Promise<string | undefined> {
  const [taken]: { path: string }[] = await m.query(
    'SELECT path FROM topic WHERE bank_id = $1 AND path = ANY($2::varchar[]) AND NOT (path = ANY($3::varchar[]))',
    [bankId, targets, moving],
  );
  return taken?.path;
}

/** Old prefix → new prefix for the topic and its subtree in one statement (a unique violation if a path lands on a taken one). */
export async function movePaths(m: EntityManager, bankId: string, from: string, to: string): Promise<void> {
  await m.query(`UPDATE topic SET path = $3 || substr(path, length($2) + 1) WHERE ${SUBTREE}`, [bankId, from, to]);
}

export async function renameTopic(m: EntityManager, id: string, name: string, parentId: string | null): Promise<void> {
  await m.query('UPDATE topic SET name = $2, parent_id = $3 WHERE id = $1', [id, name, parentId]);
}

/** What still files under a topic: subtopics, current questions, and versions of any age. */
export async function topicUse(m: EntityManager, id: string): Promise<{ subtopics: number; questions: number; versions: number }> {
  const [use]: { subtopics: number; questions: number; versions: number }[] = await m.query(
    `SELECT (SELECT count(*)::int FROM topic WHERE parent_id = $1) AS subtopics,
       (SELECT count(*)::int FROM question q JOIN question_version v ON v.id = q.current_version_id WHERE v.topic_id = $1 AND q.archived_at IS NULL) AS questions,
       (SELECT count(*)::int FROM question_version WHERE topic_id = $1) AS versions`,
    [id],
  );
  return use;
}

export async function deleteTopic(m: EntityManager, id: string): Promise<void> {
  await m.query('DELETE FROM topic WHERE id = $1', [id]);
}

/**
 * Makes sure every path (and each of its ancestors) exists as a topic of the bank and
 * returns path → id. Level by level, so each parent exists before its children; ON
 * CONFLICT makes concurrent imports into one bank safe.
 */
export async function ensureTopics(m: EntityManager, bankId: string, paths: Iterable<string>): Promise<Map<string, string>> {
  const all = [...new Set([...paths].flatMap(pathPrefixes))];
  const ids = new Map<string, string>();
  if (!all.length) return ids;
  const depth = (p: string) => p.split('/').length;
  const maxDepth = Math.max(...all.map(depth));
  for (let d = 1; d <= maxDepth; d++) {
    const level = all
      .filter((p) => depth(p) === d)
      .map((path) => ({ path, name: path.split('/').pop()!, parent: d > 1 ? path.slice(0, path.lastIndexOf('/')) : null }));
    await m.query(
      `INSERT INTO topic (bank_id, parent_id, name, path)
       SELECT $1, p.id, x.name, x.path
       FROM jsonb_to_recordset($2::jsonb) AS x(name varchar, path varchar, parent varchar)
       LEFT JOIN topic p ON p.bank_id = $1 AND p.path = x.parent
       ON CONFLICT (bank_id, path) DO NOTHING`,
      [bankId, JSON.stringify(level)],
    );
  }
  const rows: { id: string; path: string }[] = await m.query('SELECT id, path FROM topic WHERE bank_id = $1 AND path = ANY($2::varchar[])', [bankId, all]);
  for (const r of rows) ids.set(r.path, r.id);
  return ids;
}

/**
 * SQL matching questions under a topic given by id or path, its subtopics included.
 * `t` is the question's topic alias; the parameter holds the id or path.
 */
export function underTopicSql(param: string, bankColumn: string): string {
  return `EXISTS (SELECT 1 FROM topic f WHERE f.bank_id = ${bankColumn} AND (f.id::text = ${param} OR f.path = ${param})
    AND (t.path = f.path OR left(t.path, length(f.path) + 1) = f.path || '/'))`;
}
