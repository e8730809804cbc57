import { cleanText } from '../text/clean-text';
import { LIMITS } from '../questions/question-limits';

const recent = new Map<string, { path: string | null; problem?: string }>();

/**
 * A topic path as organisers write it: levels separated by "/" ("Luật Bầu cử/Chương V").
 * Returns the canonical form (NFC, trimmed levels, no empty levels), null for blank,
 * or a problem.
 */
export function normaliseTopicPath(raw: string | null | undefined): { path: string | null; problem?: string } {
  if (raw === null || raw === undefined) return { path: null };
  const key = String(raw);
  let hit = recent.get(key);
  if (!hit) {
    // Imports repeat a handful of topics thousands of times.
    if (recent.size > 1000) recent.clear();
    hit = computePath(key);
    recent.set(key, hit);
  }
  return hit;
}

function computePath(raw: string): { path: string | null; problem?: string } {
  const segments = cleanText(String(raw))
    .split('/')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (!segments.length) return { path: null };
  if (segments.some((s) => s.length > LIMITS.topicSegment))
    return { path: null, problem: `each topic level must be at most ${LIMITS.topicSegment} characters` };
  const path = segments.join('/');
  if (path.length > LIMITS.topicPath) return { path: null, problem: `topic must be at most ${LIMITS.topicPath} characters` };
  if (segments.length > 10) return { path: null, problem: 'topics nest at most 10 levels deep' };
  return { path };
}

/** Every ancestor path of a path, itself last: "A/B/C" → ["A", "A/B", "A/B/C"]. */
export function pathPrefixes(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * Moodle category paths start with a context ("$course$", "$system$", …) and often a
 * "top" level that only Moodle shows; neither is a topic here.
 */
export function moodleCategoryToPath(category: string): string {
  const parts = category.split('/');
  if (/^\$[a-z0-9]+\$$/i.test(parts[0]?.trim() ?? '')) {
    parts.shift();
    if (parts[0]?.trim().toLowerCase() === 'top') parts.shift();
  }
  return parts.join('/');
}

/** The category Moodle should file a topic under when it imports our export. */
export function pathToMoodleCategory(path: string): string {
  return `$course$/top/${path}`;
}
