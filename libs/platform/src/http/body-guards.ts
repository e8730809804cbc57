/** Deepest nesting a request body may have: our deepest DTO is ~6 levels; validation walks bodies recursively. */
export const MAX_BODY_DEPTH = 32;

export type BodyProblem = 'too_deep' | 'invalid_text' | null;

/**
 * What is wrong with a parsed body before validation sees it, checked without recursion:
 *  - nesting deeper than `maxDepth` (a few kilobytes of `{"a":[{"a":…` overflowed the stack of
 *    the recursive transform/validation and gave 500s);
 *  - a NUL character or a lone UTF-16 surrogate in any key or string (PostgreSQL cannot store
 *    either — text refuses NUL, jsonb refuses "\ud800" — and both answered 500).
 */
export function bodyProblem(value: unknown, maxDepth = MAX_BODY_DEPTH): BodyProblem {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (!storable(v)) return 'invalid_text';
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return 'too_deep';
    if (Array.isArray(v)) for (const child of v) stack.push([child, depth + 1]);
    else
      for (const [k, child] of Object.entries(v as object)) {
        if (!storable(k)) return 'invalid_text';
        stack.push([child, depth + 1]);
      }
  }
  return null;
}

/** No NUL, and no UTF-16 surrogate without its pair (with the u flag, a paired surrogate is one code point and does not match). */
const storable = (s: string): boolean => !s.includes('\u0000') && !/[\ud800-\udfff]/u.test(s);

/** A NUL byte anywhere in the path or query (`%00`), before any of it reaches SQL. */
export const urlHasNul = (url: string): boolean => /%00/.test(url) || url.includes('\u0000');
