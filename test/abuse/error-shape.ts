import type { Res } from '../harness';

const ALLOWED_KEYS = new Set(['statusCode', 'error', 'message', 'code', 'details', 'requestId']);
/** Internals that must never reach a client. */
const LEAKS =
  /QueryFailedError|node_modules|\.ts:\d+|at [A-Za-z]+\.<anonymous>|SELECT .* FROM|duplicate key value|relation "|ECONNREFUSED|TypeError|ReferenceError|RangeError/;

/** Problems with a response to a hostile request: a 5xx, or an error body outside the SPEC's shape. */
export function responseProblems(res: Res): string[] {
  const out: string[] = [];
  if (res.status >= 500) out.push(`status ${res.status}`);
  if (res.status < 400) return out;
  const b = res.body as Record<string, unknown> | string;
  if (typeof b !== 'object' || b === null) return [...out, `error body is not JSON: ${String(b).slice(0, 120)}`];
  if (b.statusCode !== res.status) out.push(`statusCode ${String(b.statusCode)} ≠ ${res.status}`);
  if (typeof b.error !== 'string' || !b.error) out.push('error is not a string');
  if (typeof b.message !== 'string' || !b.message) out.push('message is not a string');
  if (b.code !== undefined && typeof b.code !== 'string') out.push('code is not a string');
  const extra = Object.keys(b).filter((k) => !ALLOWED_KEYS.has(k));
  if (extra.length) out.push(`unexpected keys ${extra.join(',')}`);
  if (LEAKS.test(JSON.stringify(b))) out.push(`internals leaked: ${JSON.stringify(b).slice(0, 200)}`);
  return out;
}
