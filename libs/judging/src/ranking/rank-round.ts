import { predictionDistance, RoundContext, Separator, SortKeys, assertRankable } from './compare';
import { isCounted, RankableAttempt } from './attempt-row';
import { RankingRules } from './rules';
import { buildAudit, RankingAudit } from './audit';

export interface RankedResult {
  /** Competition ranking (1, 1, 3): people share a rank only when every step is equal. */
  rank: number;
  personId: string;
  attemptId: string;
  attemptNo: number | null;
  score: number;
  maxScore: number;
  timeTakenMs: number;
  submittedAt: Date;
  prediction: number | null;
  distance: number | null;
  sinceOpenMs: number | null;
  /** How many of the person's attempts counted (void and unfinished ones do not). */
  attemptsCounted: number;
  /** The rule that put the previous person ahead of this one (null for the first). */
  vsPrevious: Separator | null;
}

export interface RoundRanking {
  rules: RankingRules;
  context: RoundContext;
  results: RankedResult[];
  audit: RankingAudit;
}

/**
 * The final ranking of a round: one representative attempt per person, ordered by the
 * rules' chain. O(n log n); the ordering is independent of the input order (full ties
 * are listed by person id, and share their rank).
 */
export function rankRound(rows: readonly RankableAttempt[], rules: RankingRules, context: RoundContext): RoundRanking {
  const counted: RankableAttempt[] = [];
  for (const r of rows) {
    if (!isCounted(r)) continue;
    assertRankable(r);
    counted.push(r);
  }
  const keys = new SortKeys(counted, rules, context);
  const { chosen, attemptsByPerson } = pickRepresentatives(counted, keys, rules);

  chosen.sort((a, b) => keys.compare(a, b) || cmpStr(counted[a].personId, counted[b].personId));

  const results: RankedResult[] = new Array(chosen.length);
  for (let i = 0; i < chosen.length; i++) {
    const r = counted[chosen[i]];
    const vsPrevious = i === 0 ? null : keys.separator(chosen[i - 1], chosen[i]);
    const rank = vsPrevious === 'tie' ? results[i - 1].rank : i + 1;
    results[i] = {
      rank,
      personId: r.personId,
      attemptId: r.attemptId,
      attemptNo: r.attemptNo ?? null,
      score: r.score,
      maxScore: r.maxScore,
      timeTakenMs: r.timeTakenMs,
      submittedAt: r.submittedAt,
      prediction: r.prediction,
      distance: predictionDistance(r.prediction, context.actual),
      sinceOpenMs: context.opensAt ? r.submittedAt.getTime() - context.opensAt.getTime() : null,
      attemptsCounted: attemptsByPerson.get(r.personId) ?? 1,
      vsPrevious,
    };
  }
  return { rules, context, results, audit: buildAudit(rows, rules, context, results) };
}

function pickRepresentatives(rows: readonly RankableAttempt[], keys: SortKeys, rules: RankingRules) {
  const best = new Map<string, number>();
  const attemptsByPerson = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const p = rows[i].personId;
    attemptsByPerson.set(p, (attemptsByPerson.get(p) ?? 0) + 1);
    const cur = best.get(p);
    if (cur === undefined || beats(i, cur, rows, keys, rules)) best.set(p, i);
  }
  return { chosen: [...best.values()], attemptsByPerson };
}

/** Whether attempt i should represent its person instead of attempt j. */
function beats(i: number, j: number, rows: readonly RankableAttempt[], keys: SortKeys, rules: RankingRules): boolean {
  const a = rows[i];
  const b = rows[j];
  if (rules.representative === 'last') {
    const t = a.submittedAt.getTime() - b.submittedAt.getTime();
    if (t !== 0) return t > 0;
    return (a.attemptNo ?? 0) - (b.attemptNo ?? 0) > 0 || ((a.attemptNo ?? 0) === (b.attemptNo ?? 0) && a.attemptId > b.attemptId);
  }
  const c = keys.compare(i, j);
  if (c !== 0) return c < 0;
  // Equal by every rule: the earlier attempt stands, so a later identical try changes nothing.
  const n = (a.attemptNo ?? 0) - (b.attemptNo ?? 0);
  return n !== 0 ? n < 0 : a.attemptId < b.attemptId;
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
