import { isFiniteNumber, isRecord, Problems, rejectUnknownKeys } from '../common/problems';
import { fix6, roundTo } from '../common/numbers';
import { computePenalties, EntryFacts, parsePenaltyRules, PenaltyResult, PenaltyRule } from './penalties';
import type { JudgeMarks } from './rubric';

export interface JuryPolicy {
  /** `trimmed-mean` drops the highest and the lowest total, but only with at least `trimFromJudges` judges. */
  aggregate: 'mean' | 'trimmed-mean';
  trimFromJudges: number;
  /** Flag the entry for the head judge when two judges' totals differ by more than this (null: never). */
  reconciliationGap: number | null;
  penalties: PenaltyRule[];
  decimals: number;
}

export const DEFAULT_JURY_POLICY: Readonly<JuryPolicy> = Object.freeze({
  aggregate: 'mean',
  trimFromJudges: 5,
  reconciliationGap: null,
  penalties: [],
  decimals: 2,
});

export function parseJuryPolicy(input: unknown): JuryPolicy {
  const p = new Problems();
  const d = DEFAULT_JURY_POLICY;
  if (input === undefined || input === null) return { ...d, penalties: [] };
  if (!isRecord(input)) {
    p.add('jury', 'must be an object');
    p.throwIfAny('invalid_jury_policy', 'jury policy');
  }
  const o = input as Record<string, unknown>;
  rejectUnknownKeys(o, ['aggregate', 'trimFromJudges', 'reconciliationGap', 'penalties', 'decimals'], '', p);
  if (o.aggregate !== undefined && o.aggregate !== 'mean' && o.aggregate !== 'trimmed-mean') p.add('aggregate', 'must be mean or trimmed-mean');
  // Dropping two of three or four judges would leave one or two marks: not a jury.
  if (o.trimFromJudges !== undefined && (!Number.isInteger(o.trimFromJudges) || (o.trimFromJudges as number) < 5))
    p.add('trimFromJudges', 'must be a whole number of at least 5');
  if (o.reconciliationGap !== undefined && o.reconciliationGap !== null && (!isFiniteNumber(o.reconciliationGap) || o.reconciliationGap < 0))
    p.add('reconciliationGap', 'must be a number of at least 0, or null');
  if (o.decimals !== undefined && (!Number.isInteger(o.decimals) || (o.decimals as number) < 0 || (o.decimals as number) > 4))
    p.add('decimals', 'must be 0 to 4');
  const penalties = parsePenaltyRules(o.penalties, p);
  p.throwIfAny('invalid_jury_policy', 'jury policy');
  return {
    aggregate: (o.aggregate as JuryPolicy['aggregate'] | undefined) ?? d.aggregate,
    trimFromJudges: (o.trimFromJudges as number | undefined) ?? d.trimFromJudges,
    reconciliationGap: o.reconciliationGap === undefined ? d.reconciliationGap : (o.reconciliationGap as number | null),
    penalties,
    decimals: (o.decimals as number | undefined) ?? d.decimals,
  };
}

export interface EntryAggregate {
  judgeCount: number;
  /** Every judge still assigned (not recused) has submitted. */
  complete: boolean;
  method: 'mean' | 'trimmed-mean' | 'none';
  usedJudgeIds: string[];
  droppedJudgeIds: string[];
  /** The (trimmed) mean of judges' totals, rounded to the policy's decimals. */
  aggregate: number | null;
  penalty: PenaltyResult;
  /** aggregate − penalties, never below 0. Null until at least one judge has submitted. */
  final: number | null;
  spread: { gap: number; highJudgeId: string; lowJudgeId: string } | null;
  needsReconciliation: boolean;
  /** Per criterion, the mean over the judges used (for tie-breaks by a key criterion). */
  criterionMeans: Record<string, number>;
}

/**
 * One judged entry's result from its submitted marks. Ties for the dropped highest or
 * lowest mark are broken by judge id, so the outcome never depends on submission order.
 */
export function aggregateEntry(marks: readonly JudgeMarks[], policy: JuryPolicy, facts: EntryFacts = {}, expectedJudges = marks.length): EntryAggregate {
  const penalty = computePenalties(policy.penalties, facts);
  const sorted = [...marks].sort((a, b) => a.total - b.total || (a.judgeId < b.judgeId ? -1 : 1));
  const complete = marks.length >= expectedJudges && marks.length > 0;
  if (sorted.length === 0)
    return {
      judgeCount: 0,
      complete: false,
      method: 'none',
      usedJudgeIds: [],
      droppedJudgeIds: [],
      aggregate: null,
      penalty,
      final: null,
      spread: null,
      needsReconciliation: false,
      criterionMeans: {},
    };

  const trim = policy.aggregate === 'trimmed-mean' && sorted.length >= policy.trimFromJudges;
  const used = trim ? sorted.slice(1, -1) : sorted;
  const dropped = trim ? [sorted[0], sorted[sorted.length - 1]] : [];
  const mean = used.reduce((s, m) => s + m.total, 0) / used.length;
  const aggregate = roundTo(mean, policy.decimals);
  const final = Math.max(0, roundTo(mean - penalty.total, policy.decimals));

  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  const gap = fix6(high.total - low.total);
  const criterionMeans: Record<string, number> = {};
  for (const id of Object.keys(used[0].scores)) criterionMeans[id] = roundTo(used.reduce((s, m) => s + (m.scores[id] ?? 0), 0) / used.length, 4);

  return {
    judgeCount: sorted.length,
    complete,
    method: trim ? 'trimmed-mean' : 'mean',
    usedJudgeIds: used.map((m) => m.judgeId),
    droppedJudgeIds: dropped.map((m) => m.judgeId),
    aggregate,
    penalty,
    final,
    spread: { gap, highJudgeId: high.judgeId, lowJudgeId: low.judgeId },
    needsReconciliation: policy.reconciliationGap !== null && sorted.length > 1 && gap > policy.reconciliationGap,
    criterionMeans,
  };
}
