import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';
import { fix6 } from '../common/numbers';
import { RankableAttempt } from './attempt-row';
import { RoundContext, Separator } from './compare';
import type { RankedResult } from './rank-round';
import { RankingRules } from './rules';

/** 2: `under-before-over` is a chain step, never a hidden default (1: the equal-distance policy). */
export const AUDIT_VERSION = 2;

/** One character per neighbour pair, so a 200,000-row audit stays a 200 kB string. */
export const SEPARATOR_CODES: Record<Separator, string> = {
  score: 'S',
  prediction: 'P',
  'under-before-over': 'U',
  'prediction-equal-distance': 'Q',
  'time-taken': 'T',
  'since-open': 'O',
  'submitted-at': 'A',
  tie: '=',
};

/**
 * Stored when a round closes: anyone holding the same inputs can recompute
 * `inputHash`, re-run the ranking and compare `outputHash`; `separations[i]` says which
 * rule put place i ahead of place i+1.
 */
export interface RankingAudit {
  version: number;
  inputHash: string;
  outputHash: string;
  rowCount: number;
  rankedCount: number;
  rules: RankingRules;
  actual: number | null;
  opensAt: string | null;
  separations: string;
  separatorCounts: Partial<Record<Separator, number>>;
}

/**
 * SHA-256 over the canonical form of the inputs: the rules, the actual value, the
 * opening time and every attempt row (all statuses, sorted by attempt id, numbers fixed
 * to micro-units), so the hash does not depend on the order the database returned.
 */
export function hashRankingInputs(rows: readonly RankableAttempt[], rules: RankingRules, ctx: RoundContext): string {
  const h = createHash('sha256');
  h.update(canonicalJson({ v: AUDIT_VERSION, rules, actual: ctx.actual === null ? null : fix6(ctx.actual), opensAt: ctx.opensAt }));
  h.update('\n');
  const order = rows.map((_, i) => i).sort((a, b) => (rows[a].attemptId < rows[b].attemptId ? -1 : rows[a].attemptId > rows[b].attemptId ? 1 : 0));
  for (const i of order) {
    const r = rows[i];
    h.update(
      JSON.stringify([
        r.attemptId,
        r.personId,
        r.attemptNo ?? null,
        r.status,
        fix6(r.score),
        fix6(r.maxScore),
        r.timeTakenMs,
        r.submittedAt.toISOString(),
        r.prediction === null ? null : fix6(r.prediction),
      ]),
    );
    h.update('\n');
  }
  return h.digest('hex');
}

/** SHA-256 over the published order: rank, person and the attempt that represents them. */
export function hashRankingOutput(results: readonly Pick<RankedResult, 'rank' | 'personId' | 'attemptId'>[]): string {
  const h = createHash('sha256');
  for (const r of results) h.update(`${r.rank}\t${r.personId}\t${r.attemptId}\n`);
  return h.digest('hex');
}

export function buildAudit(rows: readonly RankableAttempt[], rules: RankingRules, ctx: RoundContext, results: readonly RankedResult[]): RankingAudit {
  let separations = '';
  const separatorCounts: Partial<Record<Separator, number>> = {};
  for (let i = 1; i < results.length; i++) {
    const s = results[i].vsPrevious!;
    separations += SEPARATOR_CODES[s];
    separatorCounts[s] = (separatorCounts[s] ?? 0) + 1;
  }
  return {
    version: AUDIT_VERSION,
    inputHash: hashRankingInputs(rows, rules, ctx),
    outputHash: hashRankingOutput(results),
    rowCount: rows.length,
    rankedCount: results.length,
    rules,
    actual: ctx.actual,
    opensAt: ctx.opensAt ? ctx.opensAt.toISOString() : null,
    separations,
    separatorCounts,
  };
}

/** Reads one pair back from a stored audit: what separated place `i` (0-based) from place i+1. */
export function separatorAt(audit: Pick<RankingAudit, 'separations'>, i: number): Separator | null {
  const code = audit.separations[i];
  if (code === undefined) return null;
  const found = (Object.entries(SEPARATOR_CODES) as [Separator, string][]).find(([, c]) => c === code);
  return found ? found[0] : null;
}
