/** A prize holder as the verification screen shows them. */
export interface PrizeHolder {
  userId: string;
  fullName: string;
  prize: { code: string; name: string | null; level: number | null };
}

export interface PrizeChange {
  userId: string;
  fullName: string;
  /** The prize before the change (null: had none). */
  before: string | null;
  /** The prize now (null: has none, e.g. the disqualified person). */
  after: string | null;
}

/**
 * After a disqualification the organiser must see who holds each prize now: every person
 * whose prize changed, best prize (after) first, the person who lost theirs last.
 */
export function prizeChanges(before: readonly PrizeHolder[], after: readonly PrizeHolder[]): PrizeChange[] {
  const was = new Map(before.map((w) => [w.userId, w]));
  const now = new Map(after.map((w) => [w.userId, w]));
  const out: (PrizeChange & { order: number })[] = [];
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    const b = was.get(id);
    const a = now.get(id);
    if ((b?.prize.code ?? null) === (a?.prize.code ?? null)) continue;
    out.push({
      userId: id,
      fullName: (a ?? b)!.fullName,
      before: b ? (b.prize.name ?? b.prize.code) : null,
      after: a ? (a.prize.name ?? a.prize.code) : null,
      order: a ? (a.prize.level ?? 1e6) : 2e6,
    });
  }
  return out.sort((x, y) => x.order - y.order || x.fullName.localeCompare(y.fullName, 'vi')).map(({ order: _order, ...c }) => c);
}
