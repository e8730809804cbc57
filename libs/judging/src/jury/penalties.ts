import { isFiniteNumber, isRecord, Problems, rejectUnknownKeys } from '../common/problems';
import { fix6 } from '../common/numbers';

/**
 * Deductions a plan sets for a judged entry: over the time limit (e.g. 1 point per
 * started minute over 15 minutes), or a fixed deduction for a named breach the head
 * judge records (e.g. reading from notes).
 */
export type PenaltyRule =
  | { kind: 'overtime'; limitSeconds: number; points: number; per: 'started-minute' | 'full-minute'; maxPoints?: number }
  | { kind: 'fixed'; code: string; label: string; points: number };

/** What is known about the entry: its length, and the breaches recorded by code. */
export interface EntryFacts {
  durationSeconds?: number | null;
  breaches?: string[];
}

export interface PenaltyItem {
  code: string;
  points: number;
  detail: string;
}

export interface PenaltyResult {
  total: number;
  items: PenaltyItem[];
}

export function computePenalties(rules: readonly PenaltyRule[], facts: EntryFacts): PenaltyResult {
  const items: PenaltyItem[] = [];
  for (const r of rules) {
    switch (r.kind) {
      case 'overtime': {
        const over = (facts.durationSeconds ?? 0) - r.limitSeconds;
        if (over <= 0) break;
        const minutes = r.per === 'started-minute' ? Math.ceil(over / 60) : Math.floor(over / 60);
        const points = fix6(Math.min(minutes * r.points, r.maxPoints ?? Infinity));
        if (points > 0) items.push({ code: 'overtime', points, detail: `${over}s over ${r.limitSeconds}s: ${minutes} × ${r.points}` });
        break;
      }
      case 'fixed':
        if (facts.breaches?.includes(r.code)) items.push({ code: r.code, points: r.points, detail: r.label });
        break;
    }
  }
  return { total: fix6(items.reduce((s, i) => s + i.points, 0)), items };
}

export function parsePenaltyRules(input: unknown, p: Problems, at = 'penalties'): PenaltyRule[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) {
    p.add(at, 'must be a list');
    return [];
  }
  const positive = (v: unknown) => isFiniteNumber(v) && v > 0;
  input.forEach((r, i) => {
    const f = `${at}[${i}]`;
    if (!isRecord(r)) return p.add(f, 'must be an object');
    if (r.kind === 'overtime') {
      rejectUnknownKeys(r, ['kind', 'limitSeconds', 'points', 'per', 'maxPoints'], f, p);
      if (!Number.isInteger(r.limitSeconds) || (r.limitSeconds as number) < 0) p.add(`${f}.limitSeconds`, 'must be a whole number of seconds');
      if (!positive(r.points)) p.add(`${f}.points`, 'must be a number above 0');
      if (r.per !== 'started-minute' && r.per !== 'full-minute') p.add(`${f}.per`, 'must be started-minute or full-minute');
      if (r.maxPoints !== undefined && !positive(r.maxPoints)) p.add(`${f}.maxPoints`, 'must be a number above 0');
    } else if (r.kind === 'fixed') {
      rejectUnknownKeys(r, ['kind', 'code', 'label', 'points'], f, p);
      if (typeof r.code !== 'string' || !r.code) p.add(`${f}.code`, 'is required');
      if (typeof r.label !== 'string' || !r.label) p.add(`${f}.label`, 'is required');
      if (!positive(r.points)) p.add(`${f}.points`, 'must be a number above 0');
    } else p.add(`${f}.kind`, 'must be overtime or fixed');
  });
  return input as PenaltyRule[];
}
