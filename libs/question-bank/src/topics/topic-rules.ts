import { LIMITS } from '../questions/question-limits';
import { normaliseTopicPath } from './topic-path';

/** The deepest a topic may nest (topic-path.ts refuses deeper paths from files too). */
export const MAX_TOPIC_DEPTH = 10;

/** A topic's own name: one level, so no "/" (that separates levels); trimmed, spaces collapsed. */
export function topicName(raw: string): { name: string; problem?: undefined } | { name?: undefined; problem: string } {
  if (raw.includes('/')) return { problem: 'A topic name may not contain "/": create the subtopic under its parent instead' };
  const { path, problem } = normaliseTopicPath(raw);
  if (problem) return { problem };
  if (!path) return { problem: 'A topic needs a name' };
  return { name: path };
}

/** The path of `name` under `parentPath` (null: a top-level topic), or why it cannot be. */
export function childPath(parentPath: string | null, name: string): { path: string; problem?: undefined } | { path?: undefined; problem: string } {
  const path = parentPath ? `${parentPath}/${name}` : name;
  if (path.length > LIMITS.topicPath) return { problem: `topic must be at most ${LIMITS.topicPath} characters` };
  return { path };
}

/** Whether `path` is `ancestor` itself or lies under it. */
export const isWithin = (path: string, ancestor: string): boolean => path === ancestor || path.startsWith(`${ancestor}/`);

/**
 * Where a topic and everything under it go when it is renamed or moved: each old path →
 * new path, or why the move is refused (under itself, too deep, too long).
 */
export function relocate(
  topicPath: string,
  subtree: string[],
  target: { parentPath: string | null; name: string },
): { moves: Map<string, string>; problem?: undefined } | { moves?: undefined; problem: string } {
  if (target.parentPath !== null && isWithin(target.parentPath, topicPath)) return { problem: 'A topic cannot be moved under itself or one of its subtopics' };
  const next = childPath(target.parentPath, target.name);
  if (next.problem !== undefined) return { problem: next.problem };
  const moves = new Map<string, string>();
  for (const old of subtree) {
    const path = next.path + old.slice(topicPath.length);
    if (path.length > LIMITS.topicPath) return { problem: `topic must be at most ${LIMITS.topicPath} characters` };
    if (path.split('/').length > MAX_TOPIC_DEPTH) return { problem: `topics nest at most ${MAX_TOPIC_DEPTH} levels deep` };
    moves.set(old, path);
  }
  return { moves };
}
