import { isFiniteNumber, isRecord, Problems, rejectUnknownKeys } from '../common/problems';
import { fix6 } from '../common/numbers';
import { RankCursor } from './by-rank';

export type QuotaDimension = 'unit' | 'group';

/**
 * Who goes on to the next round: the top N, everyone above a score, a quota per unit
 * and/or group (e.g. each district sends 1 rapporteur and 1 communicator: by
 * ['unit', 'group'], 1 each), or only those the judges pick. Judges may add picks to
 * any rule.
 */
export type AdvancementRule =
  | { kind: 'top'; count: number; minScore?: number }
  | { kind: 'threshold'; minScore: number }
  | { kind: 'quota'; by: QuotaDimension[]; perBucket: number; buckets?: Record<string, number>; minScore?: number }
  | { kind: 'picked' };

export interface AdvancementCandidate {
  id: string;
  rank: number;
  score: number;
  unit?: string | null;
  group?: string | null;
}

export interface Advancing {
  personId: string;
  rank: number | null;
  reason: 'top' | 'threshold' | 'quota' | 'picked';
  bucket: string | null;
  boundaryTie: boolean;
}

export interface AdvancementResult {
  advancing: Advancing[];
  /** Quota buckets with fewer eligible people than places. */
  shortfalls: { bucket: string; quota: number; filled: number }[];
  /** Candidates a quota rule could not place: no unit or group recorded. */
  unplaced: string[];
}

export function bucketKey(c: Pick<AdvancementCandidate, 'unit' | 'group'>, by: readonly QuotaDimension[]): string | null {
  const parts = by.map((d) => (c[d] ?? '').trim());
  return parts.some((x) => !x) ? null : parts.join(' | ');
}

/** `ranking` is the round's final ranking in rank order. */
export function selectAdvancing(ranking: readonly AdvancementCandidate[], rule: AdvancementRule, picked: readonly string[] = []): AdvancementResult {
  const min = 'minScore' in rule && rule.minScore !== undefined ? fix6(rule.minScore) : null;
  const eligible = min === null ? ranking : ranking.filter((c) => fix6(c.score) >= min);
  const advancing: Advancing[] = [];
  const shortfalls: AdvancementResult['shortfalls'] = [];
  const unplaced: string[] = [];
  const none = () => false;

  switch (rule.kind) {
    case 'top':
      for (const g of new RankCursor(eligible).take(rule.count, none))
        for (const c of g.members) advancing.push({ personId: c.id, rank: c.rank, reason: 'top', bucket: null, boundaryTie: g.boundaryTie });
      break;
    case 'threshold':
      for (const c of eligible) advancing.push({ personId: c.id, rank: c.rank, reason: 'threshold', bucket: null, boundaryTie: false });
      break;
    case 'quota': {
      const buckets = new Map<string, AdvancementCandidate[]>();
      for (const c of eligible) {
        const k = bucketKey(c, rule.by);
        if (k === null) unplaced.push(c.id);
        else buckets.set(k, [...(buckets.get(k) ?? []), c]);
      }
      for (const k of rule.buckets ? Object.keys(rule.buckets) : []) if (!buckets.has(k)) buckets.set(k, []);
      for (const [k, list] of [...buckets].sort(([a], [b]) => a.localeCompare(b, 'vi'))) {
        const quota = rule.buckets?.[k] ?? rule.perBucket;
        const cursor = new RankCursor(list);
        for (const g of cursor.take(quota, none))
          for (const c of g.members) advancing.push({ personId: c.id, rank: c.rank, reason: 'quota', bucket: k, boundaryTie: g.boundaryTie });
        if (cursor.used < quota) shortfalls.push({ bucket: k, quota, filled: cursor.used });
      }
      break;
    }
    case 'picked':
      break;
  }
  const already = new Set(advancing.map((a) => a.personId));
  const rankOf = new Map(ranking.map((c) => [c.id, c.rank]));
  for (const id of picked) {
    if (already.has(id)) continue;
    already.add(id);
    advancing.push({ personId: id, rank: rankOf.get(id) ?? null, reason: 'picked', bucket: null, boundaryTie: false });
  }
  return { advancing, shortfalls, unplaced };
}

export function parseAdvancementRule(input: unknown): AdvancementRule {
  const p = new Problems();
  if (!isRecord(input)) {
    p.add('advancement', 'must be an object');
    p.throwIfAny('invalid_advancement', 'advancement rule');
  }
  const o = input as Record<string, unknown>;
  const count = (f: string, v: unknown, min = 0) => {
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > 1_000_000) p.add(f, `must be a whole number of at least ${min}`);
  };
  const minScore = () => {
    if (o.minScore !== undefined && (!isFiniteNumber(o.minScore) || o.minScore < 0)) p.add('minScore', 'must be a number of at least 0');
  };
  switch (o.kind) {
    case 'top':
      rejectUnknownKeys(o, ['kind', 'count', 'minScore'], '', p);
      count('count', o.count, 1);
      minScore();
      break;
    case 'threshold':
      rejectUnknownKeys(o, ['kind', 'minScore'], '', p);
      if (!isFiniteNumber(o.minScore) || o.minScore < 0) p.add('minScore', 'must be a number of at least 0');
      break;
    case 'quota':
      rejectUnknownKeys(o, ['kind', 'by', 'perBucket', 'buckets', 'minScore'], '', p);
      if (!Array.isArray(o.by) || o.by.length === 0 || o.by.some((d) => d !== 'unit' && d !== 'group') || new Set(o.by).size !== o.by.length)
        p.add('by', 'must list unit and/or group');
      count('perBucket', o.perBucket);
      if (o.buckets !== undefined) {
        if (!isRecord(o.buckets)) p.add('buckets', 'must map a bucket to its quota');
        else for (const [k, v] of Object.entries(o.buckets)) count(`buckets.${k}`, v);
      }
      minScore();
      break;
    case 'picked':
      rejectUnknownKeys(o, ['kind'], '', p);
      break;
    default:
      p.add('kind', 'must be top, threshold, quota or picked');
  }
  p.throwIfAny('invalid_advancement', 'advancement rule');
  return o as unknown as AdvancementRule;
}
