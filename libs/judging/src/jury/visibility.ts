/** A judge's marks for an entry, as stored: a draft until `submittedAt` is set. */
export interface MarksState {
  judgeId: string;
  submittedAt: Date | null;
}

export interface Viewer {
  judgeId: string;
  /** The head judge reconciles flagged entries, so sees every submitted mark. */
  isHead: boolean;
}

/**
 * Judges mark blind: a judge sees their own marks (draft or not), and other judges'
 * submitted marks only once they have submitted their own. Drafts stay private.
 */
export function visibleMarks<T extends MarksState>(viewer: Viewer, all: readonly T[]): T[] {
  const own = all.find((m) => m.judgeId === viewer.judgeId);
  const unblinded = viewer.isHead || (own?.submittedAt ?? null) !== null;
  return all.filter((m) => m.judgeId === viewer.judgeId || (unblinded && m.submittedAt !== null));
}
