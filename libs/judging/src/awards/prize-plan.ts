import { isFiniteNumber, isRecord, Problems, rejectUnknownKeys } from '../common/problems';

/**
 * One prize tier of a round, best first: e.g. { code: 'nhat', name: 'Giải Nhất', count: 1 }.
 * With group quotas (rapporteur competitions award provincial, district and commune
 * rapporteurs separately) every tier gives `perGroup` instead of `count`.
 */
export interface PrizeTier {
  code: string;
  name: string;
  /** Compares prizes across rounds (1 = highest); defaults to the tier's position. */
  level: number;
  count?: number;
  perGroup?: Record<string, number>;
}

export interface PrizePlan {
  tiers: PrizeTier[];
  /** Nobody below this score wins (plans often require e.g. 80 % of the points). */
  minScore?: number;
}

/** Whether one person may win in several rounds, or keeps only their highest prize. */
export type AcrossRounds = 'each-round' | 'highest-only';

const CODE = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export function parsePrizePlan(input: unknown): PrizePlan {
  const p = new Problems();
  if (!isRecord(input) || !Array.isArray(input.tiers)) {
    p.add('tiers', 'must be a list of { code, name, count } or { code, name, perGroup }');
    p.throwIfAny('invalid_prize_plan', 'prize plan');
  }
  const o = input as Record<string, unknown> & { tiers: unknown[] };
  rejectUnknownKeys(o, ['tiers', 'minScore'], '', p);
  if (o.minScore !== undefined && (!isFiniteNumber(o.minScore) || o.minScore < 0)) p.add('minScore', 'must be a number of at least 0');
  const codes = new Set<string>();
  let grouped: boolean | null = null;
  let lastLevel = 0;
  const tiers: PrizeTier[] = [];
  o.tiers.forEach((t, i) => {
    const at = `tiers[${i}]`;
    if (!isRecord(t)) return p.add(at, 'must be an object');
    rejectUnknownKeys(t, ['code', 'name', 'level', 'count', 'perGroup'], at, p);
    if (typeof t.code !== 'string' || !CODE.test(t.code)) p.add(`${at}.code`, 'must be 1-40 lower-case letters, digits, - or _');
    else if (codes.has(t.code)) p.add(`${at}.code`, `repeats ${t.code}`);
    else codes.add(t.code);
    if (typeof t.name !== 'string' || !t.name.trim()) p.add(`${at}.name`, 'is required');
    const level = t.level ?? i + 1;
    if (!Number.isInteger(level) || (level as number) < 1) p.add(`${at}.level`, 'must be a whole number of at least 1');
    else if ((level as number) < lastLevel) p.add(`${at}.level`, 'tiers must be listed best first');
    else lastLevel = level as number;
    const hasGroups = t.perGroup !== undefined;
    if (grouped !== null && grouped !== hasGroups) p.add(at, 'every tier must use count, or every tier perGroup');
    grouped ??= hasGroups;
    if (hasGroups) {
      if (t.count !== undefined) p.add(`${at}.count`, 'cannot be combined with perGroup');
      if (!isRecord(t.perGroup) || Object.keys(t.perGroup).length === 0) p.add(`${at}.perGroup`, 'must map each group to a number of prizes');
      else
        for (const [g, n] of Object.entries(t.perGroup))
          if (!Number.isInteger(n) || (n as number) < 0 || (n as number) > 100_000) p.add(`${at}.perGroup.${g}`, 'must be a whole number 0-100000');
    } else if (!Number.isInteger(t.count) || (t.count as number) < 0 || (t.count as number) > 100_000) p.add(`${at}.count`, 'must be a whole number 0-100000');
    tiers.push({
      code: t.code as string,
      name: typeof t.name === 'string' ? t.name.trim() : '',
      level: level as number,
      ...(hasGroups ? { perGroup: t.perGroup as Record<string, number> } : { count: t.count as number }),
    });
  });
  p.throwIfAny('invalid_prize_plan', 'prize plan');
  return { tiers, ...(o.minScore !== undefined ? { minScore: o.minScore as number } : {}) };
}

/** The groups a plan awards separately, or null for one overall ranking. */
export function planGroups(plan: PrizePlan): string[] | null {
  if (!plan.tiers.some((t) => t.perGroup)) return null;
  return [...new Set(plan.tiers.flatMap((t) => Object.keys(t.perGroup ?? {})))];
}

export function tierQuota(t: PrizeTier, group: string | null): number {
  return group === null ? (t.count ?? 0) : (t.perGroup?.[group] ?? 0);
}
