import { isFiniteNumber, isRecord, Problems, rejectUnknownKeys } from '../common/problems';
import { fix6, roundTo } from '../common/numbers';
import { isCounted } from '../ranking/attempt-row';
import { competitionRanks, RankCursor } from './by-rank';

/**
 * Collective prizes for the units (agencies, communes) that mobilised the most
 * entrants. A unit's points = participation + prizes its members won:
 *   participation = points × entrants            (perHeadcount false)
 *                 = points × entrants / headcount (perHeadcount true: points for 100 % turnout)
 *   winners       = Σ winnerPoints[tier code] over the unit's individual prizes.
 */
export interface UnitPrizeFormula {
  countBy: 'people' | 'attempts';
  points: number;
  perHeadcount: boolean;
  winnerPoints: Record<string, number>;
  minEntrants: number;
  tiers: { code: string; name: string; count: number }[];
}

export interface UnitTallyRow {
  unit: string;
  people: number;
  attempts: number;
  headcount?: number | null;
}

export interface UnitScore {
  unit: string;
  entrants: number;
  headcount: number | null;
  participation: number;
  winnerPoints: number;
  total: number;
  eligible: boolean;
  ineligibleReason: 'too_few_entrants' | 'no_headcount' | null;
}

export interface RankedUnit extends UnitScore {
  rank: number | null;
  prize: { code: string; name: string; boundaryTie: boolean } | null;
}

/** Free-text units fragment ("Xã A", "xã  A"); counting keys them by a folded form. */
export function unitKey(unit: string): string {
  return unit.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/**
 * Counts entrants per unit from attempt rows one at a time (a database cursor), keeping
 * the first spelling seen of each unit for display.
 */
export class UnitTally {
  private readonly units = new Map<string, { name: string; people: Set<string>; attempts: number }>();

  /** Void and unfinished attempts (with a `status`) do not count. */
  add(row: { unit: string | null; personId: string; status?: string }): void {
    if (!row.unit || !row.unit.trim() || (row.status !== undefined && !isCounted({ status: row.status }))) return;
    const k = unitKey(row.unit);
    let u = this.units.get(k);
    if (!u) this.units.set(k, (u = { name: row.unit.normalize('NFC').trim().replace(/\s+/g, ' '), people: new Set(), attempts: 0 }));
    u.people.add(row.personId);
    u.attempts++;
  }

  rows(headcounts: Record<string, number> = {}): UnitTallyRow[] {
    const hc = new Map(Object.entries(headcounts).map(([k, v]) => [unitKey(k), v]));
    return [...this.units].map(([k, u]) => ({ unit: u.name, people: u.people.size, attempts: u.attempts, headcount: hc.get(k) ?? null }));
  }
}

export function scoreUnits(tally: readonly UnitTallyRow[], winners: readonly { unit: string | null; tierCode: string }[], f: UnitPrizeFormula): UnitScore[] {
  const won = new Map<string, number>();
  for (const w of winners) if (w.unit) won.set(unitKey(w.unit), (won.get(unitKey(w.unit)) ?? 0) + (f.winnerPoints[w.tierCode] ?? 0));
  return tally.map((t) => {
    const entrants = f.countBy === 'people' ? t.people : t.attempts;
    const headcount = t.headcount ?? null;
    const noHeadcount = f.perHeadcount && !(headcount && headcount > 0);
    const participation = noHeadcount ? 0 : roundTo(f.points * (f.perHeadcount ? entrants / headcount! : entrants), 4);
    const winnerPoints = fix6(won.get(unitKey(t.unit)) ?? 0);
    const ineligibleReason = entrants < f.minEntrants ? 'too_few_entrants' : noHeadcount ? 'no_headcount' : null;
    return {
      unit: t.unit,
      entrants,
      headcount,
      participation,
      winnerPoints,
      total: fix6(participation + winnerPoints),
      eligible: ineligibleReason === null,
      ineligibleReason,
    };
  });
}

/** Ranks units by points, then entrants (ties share a rank), and hands out the unit prizes. */
export function allocateUnitPrizes(
  tally: readonly UnitTallyRow[],
  winners: readonly { unit: string | null; tierCode: string }[],
  f: UnitPrizeFormula,
): RankedUnit[] {
  const scored = scoreUnits(tally, winners, f);
  const better = (a: UnitScore, b: UnitScore) => b.total - a.total || b.entrants - a.entrants;
  const eligible = scored.filter((u) => u.eligible).sort((a, b) => better(a, b) || a.unit.localeCompare(b.unit, 'vi'));
  const ranks = competitionRanks(eligible, (a, b) => better(a, b) === 0);
  const ranked = eligible.map((u, i) => ({ ...u, id: u.unit, rank: ranks[i], prize: null as RankedUnit['prize'] }));
  const byUnit = new Map(ranked.map((u) => [u.unit, u]));
  const cursor = new RankCursor(ranked);
  let cumulative = 0;
  for (const t of f.tiers) {
    cumulative += t.count;
    for (const g of cursor.take(cumulative, () => false))
      for (const m of g.members) byUnit.get(m.unit)!.prize = { code: t.code, name: t.name, boundaryTie: g.boundaryTie };
  }
  const rest = scored.filter((u) => !u.eligible).map((u) => ({ ...u, rank: null, prize: null }));
  return [...ranked.map(({ id: _id, ...u }) => u), ...rest];
}

export function parseUnitPrizeFormula(input: unknown): UnitPrizeFormula {
  const p = new Problems();
  if (!isRecord(input)) {
    p.add('unitPrizes', 'must be an object');
    p.throwIfAny('invalid_unit_prizes', 'unit prize formula');
  }
  const o = input as Record<string, unknown>;
  rejectUnknownKeys(o, ['countBy', 'points', 'perHeadcount', 'winnerPoints', 'minEntrants', 'tiers'], '', p);
  if (o.countBy !== undefined && o.countBy !== 'people' && o.countBy !== 'attempts') p.add('countBy', 'must be people or attempts');
  if (o.points !== undefined && (!isFiniteNumber(o.points) || o.points < 0)) p.add('points', 'must be a number of at least 0');
  if (o.perHeadcount !== undefined && typeof o.perHeadcount !== 'boolean') p.add('perHeadcount', 'must be true or false');
  if (o.minEntrants !== undefined && (!Number.isInteger(o.minEntrants) || (o.minEntrants as number) < 0))
    p.add('minEntrants', 'must be a whole number of at least 0');
  if (o.winnerPoints !== undefined) {
    if (!isRecord(o.winnerPoints)) p.add('winnerPoints', 'must map a prize code to points');
    else for (const [k, v] of Object.entries(o.winnerPoints)) if (!isFiniteNumber(v) || v < 0) p.add(`winnerPoints.${k}`, 'must be a number of at least 0');
  }
  if (!Array.isArray(o.tiers)) p.add('tiers', 'must be a list of { code, name, count }');
  else
    o.tiers.forEach((t, i) => {
      if (!isRecord(t)) return p.add(`tiers[${i}]`, 'must be an object');
      rejectUnknownKeys(t, ['code', 'name', 'count'], `tiers[${i}]`, p);
      if (typeof t.code !== 'string' || !t.code) p.add(`tiers[${i}].code`, 'is required');
      if (typeof t.name !== 'string' || !t.name.trim()) p.add(`tiers[${i}].name`, 'is required');
      if (!Number.isInteger(t.count) || (t.count as number) < 0) p.add(`tiers[${i}].count`, 'must be a whole number of at least 0');
    });
  p.throwIfAny('invalid_unit_prizes', 'unit prize formula');
  return {
    countBy: (o.countBy as UnitPrizeFormula['countBy'] | undefined) ?? 'people',
    points: (o.points as number | undefined) ?? 1,
    perHeadcount: (o.perHeadcount as boolean | undefined) ?? false,
    winnerPoints: (o.winnerPoints as Record<string, number> | undefined) ?? {},
    minEntrants: (o.minEntrants as number | undefined) ?? 1,
    tiers: o.tiers as UnitPrizeFormula['tiers'],
  };
}
