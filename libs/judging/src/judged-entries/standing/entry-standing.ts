import { fix6, roundTo } from '../../common/numbers';
import { aggregateEntry, type EntryAggregate, type JuryPolicy } from '../../jury/aggregate';
import { computePenalties, type PenaltyResult } from '../../jury/penalties';
import type { JudgeMarks } from '../../jury/rubric';
import type { Reconciliation } from '../entry/judged-entry.entity';

export interface EntryMarkingInput {
  policy: JuryPolicy;
  /** Every submitted mark for the entry, recused judges' included. */
  marks: readonly JudgeMarks[];
  /** Judges assigned to the round and not recused. */
  activeJudgeIds: ReadonlySet<string>;
  durationSeconds: number | null;
  breaches: readonly string[];
  reconciliation: Reconciliation | null;
}

export interface EntryMarking {
  /** Marks that count: by active judges only (a recused judge's marks no longer count). */
  counted: JudgeMarks[];
  aggregate: EntryAggregate;
  /** Where the score comes from: the jury's (trimmed) mean, or the head judge's final marks. */
  source: 'jury' | 'head-judge' | 'none';
  /** The figure before penalties: the jury aggregate, or the head judge's total. */
  score: number | null;
  penalty: PenaltyResult;
  final: number | null;
  /** A reconciliation that still applies to the counted marks. */
  reconciled: Reconciliation | null;
  needsReconciliation: boolean;
  incomplete: boolean;
}

/** The counted marks as one string: a reconciliation applies only while they are unchanged. */
export function marksBasis(marks: readonly JudgeMarks[]): string {
  return [...marks]
    .map((m) => `${m.judgeId}:${fix6(m.total)}`)
    .sort()
    .join(',');
}

/**
 * One entry's marking state. The gap flag comes from the counted marks; the head judge's
 * reconciliation clears it, but only for the marks it looked at — a later re-mark or a
 * recusal changes the basis and the entry is judged afresh.
 */
export function entryMarking(i: EntryMarkingInput): EntryMarking {
  const counted = i.marks.filter((m) => i.activeJudgeIds.has(m.judgeId));
  const facts = { durationSeconds: i.durationSeconds, breaches: [...i.breaches] };
  const aggregate = aggregateEntry(counted, i.policy, facts, i.activeJudgeIds.size);
  const reconciled = i.reconciliation && counted.length > 0 && i.reconciliation.basis === marksBasis(counted) ? i.reconciliation : null;
  const penalty = computePenalties(i.policy.penalties, facts);
  let score = aggregate.aggregate;
  let source: EntryMarking['source'] = score === null ? 'none' : 'jury';
  if (reconciled?.mode === 'head-judge-marks' && typeof reconciled.total === 'number') {
    score = roundTo(reconciled.total, i.policy.decimals);
    source = 'head-judge';
  }
  const final = score === null ? null : source === 'jury' ? aggregate.final : Math.max(0, roundTo(score - penalty.total, i.policy.decimals));
  return {
    counted,
    aggregate,
    source,
    score,
    penalty,
    final,
    reconciled,
    needsReconciliation: aggregate.needsReconciliation && !reconciled,
    incomplete: !aggregate.complete,
  };
}
