/**
 * Scores and predictions arrive as JS numbers (from `numeric` columns or sums of
 * question points). Comparing them raw would let 0.1 + 0.2 differ from 0.3, or make two
 * guesses equally far from the answer look unequal, so every compared value is first
 * fixed to a micro-unit grid.
 */
export function fix6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Half-up rounding to `decimals` places, done on a scaled integer to avoid 2.675 → 2.67. */
export function roundTo(x: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.sign(x) * (Math.round(Math.abs(fix6(x)) * f + 1e-9) / f);
}
