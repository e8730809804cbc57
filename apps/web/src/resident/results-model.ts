/** Reads GET /rounds/:id/results whatever its exact shape: a ranking list and the awards. */
export interface ResultRow {
  rank: number | null;
  name: string;
  unit: string | null;
  province: string | null;
  score: number | null;
  timeTakenMs: number | null;
  prediction: number | null;
  award: string | null;
  why: string | null;
  userId: string | null;
}

export interface ResultsView {
  published: boolean;
  rows: ResultRow[];
  total: number;
  awards: { name: string; winners: string[] }[];
  actual: number | null;
}

type Raw = Record<string, unknown>;
const o = (v: unknown): Raw => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});
const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() && Number.isFinite(Number(v)) ? Number(v) : null);
const s = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

function firstArray(r: Raw, keys: string[]): unknown[] {
  for (const k of keys) if (Array.isArray(r[k])) return r[k] as unknown[];
  return [];
}

export function toRow(v: unknown): ResultRow {
  const r = o(v);
  const user = o(r.user);
  const award = r.award ?? r.prize;
  const why = r.why ?? r.explanation ?? r.reason;
  return {
    rank: n(r.rank) ?? n(r.place),
    name: s(r.displayName) ?? s(r.fullName) ?? s(r.name) ?? s(user.fullName) ?? '—',
    unit: s(r.unit) ?? s(user.unit),
    province: s(r.province) ?? s(user.province),
    score: n(r.score),
    timeTakenMs: n(r.timeTakenMs),
    prediction: n(r.prediction),
    award: typeof award === 'string' ? award : s(o(award).name),
    why: typeof why === 'string' ? why : Array.isArray(why) ? why.filter((x) => typeof x === 'string').join('; ') : null,
    userId: s(r.userId) ?? s(user.id),
  };
}

export function readResults(input: unknown): ResultsView {
  const r = Array.isArray(input) ? { items: input } : o(input);
  const rows = firstArray(r, ['items', 'ranking', 'rows', 'entries', 'results']).map(toRow);
  const awardsRaw = firstArray(r, ['awards', 'prizes', 'winners']);
  const awards = awardsRaw.map((a) => {
    const x = o(a);
    const winners = firstArray(x, ['winners', 'items', 'users']).map((w) => toRow(w).name);
    const single = s(x.fullName) ?? s(x.displayName);
    return { name: s(x.name) ?? s(x.prize) ?? s(x.award) ?? 'Giải', winners: winners.length ? winners : single ? [single] : [] };
  });
  const status = s(r.status);
  return {
    published: r.published === true || status === 'published' || Boolean(r.publishedAt),
    rows,
    total: n(r.total) ?? rows.length,
    awards,
    actual: n(r.predictionActual) ?? n(o(r.predictionQuestion).actual) ?? n(r.actual),
  };
}
