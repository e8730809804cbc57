/** Score distribution in equal bands of the maximum score: 0–10 %, 10–20 %, …, 90–100 % (100 % falls in the last). */
export const SCORE_BANDS = 10;

export interface ScoreBand {
  /** Lower bound in percent of the maximum score, inclusive. */
  fromPercent: number;
  /** Upper bound in percent, exclusive except for the last band (which holds full marks). */
  toPercent: number;
  count: number;
}

/** The SQL expression for a band index 0…SCORE_BANDS-1 from score and max score (null when the maximum is 0). */
export const SCORE_BAND_SQL = `CASE WHEN a.max_score > 0 THEN LEAST(${SCORE_BANDS - 1}, GREATEST(0, floor(a.score / a.max_score * ${SCORE_BANDS})))::int END`;

/** Every band, with zero for the ones SQL found empty. */
export function scoreBands(counts: { band: number; count: number }[]): ScoreBand[] {
  const width = 100 / SCORE_BANDS;
  const byBand = new Map(counts.map((c) => [c.band, c.count]));
  return Array.from({ length: SCORE_BANDS }, (_, i) => ({ fromPercent: i * width, toPercent: (i + 1) * width, count: byBand.get(i) ?? 0 }));
}

/** A ratio as a percentage with one decimal, or null for an empty base. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
