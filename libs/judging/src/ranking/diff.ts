/** What a published result said about one person, as far as a correction can change it. */
export interface PlaceSnapshot {
  personId: string;
  rank: number;
  attemptId: string;
  score: number;
  award?: string | null;
  advanced?: boolean;
}

export interface PlaceChange {
  personId: string;
  before: PlaceSnapshot | null;
  after: PlaceSnapshot | null;
  /** The fields that differ (`added` / `removed` when the person entered or left the ranking). */
  changed: string[];
}

/**
 * The api's shapes: `userId`, SPEC's name for the person, with `personId` (the ranking core's
 * name) as its deprecated alias for one release.
 */
export type PlaceSnapshotView = Omit<PlaceSnapshot, 'personId'> & { userId: string; /** @deprecated use userId */ personId?: string };
export interface PlaceChangeView {
  userId: string;
  /** @deprecated use userId */
  personId?: string;
  before: PlaceSnapshotView | null;
  after: PlaceSnapshotView | null;
  changed: string[];
}

export function placeChangeView(c: PlaceChange): PlaceChangeView {
  const snapshot = (s: PlaceSnapshot | null): PlaceSnapshotView | null => s && { ...s, userId: s.personId };
  return { ...c, userId: c.personId, before: snapshot(c.before), after: snapshot(c.after) };
}

const FIELDS = ['rank', 'attemptId', 'score', 'award', 'advanced'] as const;

/**
 * An audited correction re-ranks a published round; this lists exactly whose place,
 * representative attempt, score, award or advancement changed, for the audit record and
 * the notice to the people concerned. Ordered by the better of the two ranks.
 */
export function diffRankings(before: readonly PlaceSnapshot[], after: readonly PlaceSnapshot[]): PlaceChange[] {
  const a = new Map(before.map((p) => [p.personId, p]));
  const b = new Map(after.map((p) => [p.personId, p]));
  const out: PlaceChange[] = [];
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(id) ?? null;
    const y = b.get(id) ?? null;
    let changed: string[];
    if (!x) changed = ['added'];
    else if (!y) changed = ['removed'];
    else changed = FIELDS.filter((f) => (x[f] ?? null) !== (y[f] ?? null));
    if (changed.length) out.push({ personId: id, before: x, after: y, changed });
  }
  const key = (c: PlaceChange) => Math.min(c.before?.rank ?? Infinity, c.after?.rank ?? Infinity);
  return out.sort((p, q) => key(p) - key(q) || (p.personId < q.personId ? -1 : 1));
}
