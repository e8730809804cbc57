import { badRequest, FieldProblem } from '@lc/platform';

/**
 * Collects every problem in a configuration (not just the first) so an organiser
 * fixing their "thể lệ" sees the whole list in one 400.
 */
export class Problems {
  private readonly byField = new Map<string, string[]>();

  add(field: string, problem: string): void {
    const list = this.byField.get(field) ?? [];
    list.push(problem);
    this.byField.set(field, list);
  }

  get empty(): boolean {
    return this.byField.size === 0;
  }

  list(): FieldProblem[] {
    return [...this.byField].map(([field, problems]) => ({ field, problems }));
  }

  /** Throws a 400 DomainError naming every bad field, if there is any. */
  throwIfAny(code: string, what: string): void {
    if (this.empty) return;
    const details = this.list();
    throw badRequest(code, `Invalid ${what}: ${details.map((d) => d.field).join(', ')}`, details);
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function isCount(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 0;
}

/** Reports keys the schema does not know, as the HTTP layer does for DTOs. */
export function rejectUnknownKeys(obj: Record<string, unknown>, known: readonly string[], at: string, p: Problems): void {
  for (const k of Object.keys(obj)) if (!known.includes(k)) p.add(at ? `${at}.${k}` : k, 'is not a known field');
}
