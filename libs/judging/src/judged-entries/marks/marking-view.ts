import type { Rubric } from '../../jury/rubric';
import type { EntryMarking } from '../standing/entry-standing';
import type { JudgeMark } from './judge-mark.entity';

export interface MarkView {
  judgeUserId: string;
  judgeName?: string;
  scores: Record<string, number>;
  total: number;
  comment: string | null;
  submittedAt: string;
  /** False for a judge who has since recused: their marks no longer count. */
  counts: boolean;
}

export interface MarkingSummary {
  method: 'mean' | 'trimmed-mean' | 'none';
  source: EntryMarking['source'];
  judgeCount: number;
  droppedJudgeIds: string[];
  aggregate: number | null;
  /** The figure penalties come off: the aggregate, or the head judge's final marks. */
  score: number | null;
  penalties: { total: number; items: { code: string; points: number; detail: string }[] };
  final: number | null;
  criterionMeans: Record<string, number>;
  gap: number | null;
  needsReconciliation: boolean;
  incomplete: boolean;
  reconciliation: { mode: string; byUserId: string; at: string; reason: string; total?: number } | null;
}

/** A rubric criterion as the API names it (`key`, like PUT /rounds/:id/jury). */
export interface RubricCriterionView {
  key: string;
  label: string;
  maxPoints: number;
}

export const rubricView = (r: Rubric): RubricCriterionView[] => r.criteria.map((c) => ({ key: c.id, label: c.label, maxPoints: c.maxPoints }));

export function markView(m: JudgeMark, counts: boolean, names?: Map<string, string>): MarkView {
  return {
    judgeUserId: m.judgeUserId,
    ...(names ? { judgeName: names.get(m.judgeUserId) ?? '' } : {}),
    scores: m.scores,
    total: m.total,
    comment: m.comment,
    submittedAt: m.submittedAt.toISOString(),
    counts,
  };
}

export function markingSummary(k: EntryMarking): MarkingSummary {
  const r = k.reconciled;
  return {
    method: k.aggregate.method,
    source: k.source,
    judgeCount: k.aggregate.judgeCount,
    droppedJudgeIds: k.aggregate.droppedJudgeIds,
    aggregate: k.aggregate.aggregate,
    score: k.score,
    penalties: k.penalty,
    final: k.final,
    criterionMeans: k.aggregate.criterionMeans,
    gap: k.aggregate.spread?.gap ?? null,
    needsReconciliation: k.needsReconciliation,
    incomplete: k.incomplete,
    reconciliation: r ? { mode: r.mode, byUserId: r.byUserId, at: r.at, reason: r.reason, ...(r.total !== undefined ? { total: r.total } : {}) } : null,
  };
}

/** The summary for the entrant: the same figures, without who was dropped or who reconciled. */
export function anonymousSummary(s: MarkingSummary): MarkingSummary {
  return { ...s, droppedJudgeIds: [], reconciliation: s.reconciliation ? { ...s.reconciliation, byUserId: '' } : null };
}

/** One filing of marks, from the audit log: a replacement carries the marks it replaced. */
export interface MarkHistoryItem {
  judgeUserId: string;
  action: 'mark' | 'replace';
  at: string;
  before: { scores: Record<string, number>; total: number; comment: string | null } | null;
  after: { scores: Record<string, number>; total: number; comment: string | null };
}

type MarkSnapshot = MarkHistoryItem['after'];

/** The entry's mark filings among its audit rows (newest first, as the log lists them), oldest first. */
export function markHistory(rows: readonly { actorId: string | null; action: string; at: Date; before: unknown; after: unknown }[]): MarkHistoryItem[] {
  return rows
    .filter((r) => r.action === 'entry.mark' || r.action === 'entry.mark.replace')
    .map((r) => ({
      judgeUserId: r.actorId ?? '',
      action: r.action === 'entry.mark' ? ('mark' as const) : ('replace' as const),
      at: r.at.toISOString(),
      before: (r.before as MarkSnapshot | null) ?? null,
      after: r.after as MarkSnapshot,
    }))
    .sort((a, b) => a.at.localeCompare(b.at));
}
