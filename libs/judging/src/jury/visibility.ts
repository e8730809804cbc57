/** How the caller stands to an entry (the entry access service decides it). */
export type MarksViewerRole = 'owner' | 'organiser' | 'judge' | 'head';

export interface MarksViewer {
  userId: string;
  role: MarksViewerRole;
}

/** What the blind rule needs to know about one entry's marking. */
export interface MarksSeal {
  /** Judges assigned to the round and not recused. */
  activeJudgeIds: ReadonlySet<string>;
  /** Who has filed marks for the entry (recused judges' included). */
  markedBy: readonly string[];
  /** Results are published: marks are frozen, nothing is left to protect. */
  published: boolean;
}

/**
 * 'all': every mark and the jury summary (aggregate, gap, flag); 'own': only the caller's own
 * marks, nothing derived from the others'; 'none': nothing.
 */
export type MarksShown = 'all' | 'own' | 'none';

/** Every active judge has filed marks for the entry. */
export function allJudgesFiled(e: Pick<MarksSeal, 'activeJudgeIds' | 'markedBy'>): boolean {
  const filed = new Set(e.markedBy);
  return e.activeJudgeIds.size > 0 && [...e.activeJudgeIds].every((id) => filed.has(id));
}

/**
 * Blind marking. A judge who could read the others' marks before the jury is complete could
 * file a throw-away mark, read them and replace their own; so a judge sees only their own
 * marks until every active judge has filed for the entry (or results are published). The
 * head judge follows the same rule: reconciling is due only once every judge has filed
 * (the gap is then known), and that is when they see the marks it settles. A
 * reconciliation needs every mark filed and lapses when a counted mark changes, so it is
 * covered by the same test. Organisers see everything; the author only once published.
 */
export function marksVisibleTo(viewer: MarksViewer, entry: MarksSeal): MarksShown {
  switch (viewer.role) {
    case 'organiser':
      return 'all';
    case 'owner':
      return entry.published ? 'all' : 'none';
    case 'judge':
    case 'head':
      return entry.published || allJudgesFiled(entry) ? 'all' : 'own';
  }
}
