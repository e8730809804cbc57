import { isDeepStrictEqual } from 'node:util';
import { badRequest } from './domain-error';

/**
 * A field renamed in the public API keeps its old name as an alias for one release
 * (docs/architecture.md, glossary): a body may carry either. The new name wins; both with
 * different values is a 400 `alias_conflict` naming the new field, never a silent pick.
 */
export function renamedField(body: Record<string, unknown>, name: string, oldName: string): unknown {
  const now = body[name];
  const old = body[oldName];
  if (now !== undefined && old !== undefined && !isDeepStrictEqual(now, old)) {
    throw badRequest('alias_conflict', `${name} and ${oldName} (its old name) differ: send ${name} only`, [
      { field: name, problems: [`differs from ${oldName}, its deprecated alias`] },
    ]);
  }
  return now !== undefined ? now : old;
}
