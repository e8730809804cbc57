import type { LeaderboardRow } from '../leaderboard.types';

/**
 * Where a new row's unit or province is said: the text itself (or null), or a row that has the
 * same text — `k ≥ 0` is row k of the previous top, `-(j + 1)` row j of the new top, earlier in
 * this patch. A provincial contest's top shares one province and a few units, and these strings
 * were a third of a newcomer's bytes.
 */
export type PatchText = string | null | number;

/**
 * A row new to the top, or changed, as a tuple in `LeaderboardRow`'s field order (the keys
 * would be about a third of its bytes): the user id as its 16 bytes in base64url (22
 * characters, not 36), unit and province as `PatchText`.
 */
export type NewTopRow = [rank: number, userId: string, displayName: string, unit: PatchText, province: PatchText, score: number | null, timeTakenMs: number];

/**
 * One row of a new top, said against the previous top the client holds: a number is that
 * previous row as it was; `[i, rank]` is previous row i at a new rank; a `NewTopRow` (7 long)
 * is the row itself (someone new in the top, or a changed score, time or name).
 */
export type TopPatchRow = number | [place: number, rank: number] | NewTopRow;

/** A changed top as the rows of the previous push (`base`, its topHash) it can be built from. */
export interface TopPatch {
  base: string;
  rows: TopPatchRow[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const COMPACT = /^[A-Za-z0-9_-]{22}$/;

/** A canonical UUID as 22 base64url characters; anything else as it is. */
export function compactId(id: string): string {
  return UUID.test(id) ? Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url') : id;
}

/** The UUID a compact id stands for; anything else as it is. */
export function expandId(id: string): string {
  if (!COMPACT.test(id)) return id;
  const h = Buffer.from(id, 'base64url').toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type TextField = 'unit' | 'province';

/** Says each text once per patch: later rows with the same text point at a row that has it. */
class TextRefs {
  private readonly seen: Record<TextField, Map<string, number>> = { unit: new Map(), province: new Map() };

  constructor(prev: readonly LeaderboardRow[]) {
    prev.forEach((r, k) => this.note(r, k));
  }

  note(r: LeaderboardRow, ref: number): void {
    for (const f of ['unit', 'province'] as const) {
      const v = r[f];
      if (v !== null && !this.seen[f].has(v)) this.seen[f].set(v, ref);
    }
  }

  say(f: TextField, v: string | null): PatchText {
    if (v === null) return null;
    const ref = this.seen[f].get(v);
    return ref !== undefined && String(ref).length < v.length + 2 ? ref : v;
  }
}

/**
 * The new top as a patch on the previous one. A new entrant near the top moves everyone below it
 * one rank down: each of those rows then costs a few bytes instead of a whole row with its
 * Vietnamese names; rows with nothing in common still go shorter, as tuples.
 */
export function topPatchOf(base: string, prev: readonly LeaderboardRow[], next: readonly LeaderboardRow[]): TopPatch {
  const at = new Map(prev.map((r, i) => [r.userId, i]));
  const texts = new TextRefs(prev);
  const rows = next.map((r, j): TopPatchRow => {
    const i = at.get(r.userId);
    const p = i === undefined ? undefined : prev[i];
    let out: TopPatchRow;
    if (p && p.displayName === r.displayName && p.unit === r.unit && p.province === r.province && p.score === r.score && p.timeTakenMs === r.timeTakenMs)
      out = p.rank === r.rank ? i! : [i!, r.rank];
    else out = [r.rank, compactId(r.userId), r.displayName, texts.say('unit', r.unit), texts.say('province', r.province), r.score, r.timeTakenMs];
    texts.note(r, -(j + 1));
    return out;
  });
  return { base, rows };
}

/** The rows a patch names, from the previous top it was made against; null when a row points outside it or is malformed. */
export function applyTopPatch(prev: readonly LeaderboardRow[], rows: readonly TopPatchRow[]): LeaderboardRow[] | null {
  const out: LeaderboardRow[] = [];
  const text = (f: TextField, v: PatchText): string | null | undefined => {
    if (typeof v !== 'number') return v;
    return (v >= 0 ? prev[v] : out[-v - 1])?.[f];
  };
  for (const r of rows) {
    if (typeof r === 'number') {
      if (!prev[r]) return null;
      out.push(prev[r]);
    } else if (Array.isArray(r) && r.length === 2) {
      if (!prev[r[0]]) return null;
      out.push({ ...prev[r[0]], rank: r[1] });
    } else if (Array.isArray(r) && r.length === 7) {
      const [rank, userId, displayName, u, p, score, timeTakenMs] = r;
      const unit = text('unit', u);
      const province = text('province', p);
      if (unit === undefined || province === undefined) return null;
      out.push({ rank, userId: expandId(userId), displayName, unit, province, score, timeTakenMs });
    } else return null;
  }
  return out;
}
