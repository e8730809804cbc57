import { EntityManager } from 'typeorm';
import { pathPrefixes } from './topic-path';

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
