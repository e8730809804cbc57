/**
 * Shapes of the judging API (libs/judging: judged entries, marks, results, exports), as the
 * web app reads them. Shared by the judge screens (staff chunk) and the rapporteur's and
 * resident's screens (main bundle): types only, so nothing is bundled twice.
 */

export interface RubricCriterion {
  key: string;
  label: string;
  maxPoints: number;
}

/** GET /rounds/:id/jury */
export interface JuryView {
  roundId: string;
  rubric: RubricCriterion[];
  maxScore: number;
  aggregate: 'mean' | 'trimmed-mean' | string;
  trimmedMeanThreshold: number;
  penalties: unknown[];
  reconciliationGap: number | null;
  decimals: number;
  tieBreakCriteria: string[];
  headJudgeUserId: string | null;
  locked: boolean;
  updatedAt: string | null;
}

export interface EntryFile {
  name: string;
  type: string;
  size: number;
  sha256?: string;
  url?: string;
}

/** GET /entries/:id, GET /rounds/:id/my-entry, POST /rounds/:id/entries */
export interface EntryView {
  id: string;
  roundId: string;
  userId: string;
  text: string | null;
  link: string | null;
  file: EntryFile | null;
  durationSeconds: number | null;
  breaches: string[];
  version: number;
  submittedAt: string;
  updatedAt: string;
}

export interface MarkingSummary {
  method: 'mean' | 'trimmed-mean' | 'none' | string;
  source: string;
  judgeCount: number;
  droppedJudgeIds: string[];
  aggregate: number | null;
  score: number | null;
  penalties: { total: number; items: { code: string; points: number; detail: string }[] };
  final: number | null;
  criterionMeans: Record<string, number>;
  gap: number | null;
  needsReconciliation: boolean;
  incomplete: boolean;
  reconciliation: { mode: string; byUserId: string; at: string; reason: string; total?: number } | null;
}

/** One row of GET /rounds/:id/entries for a judged round. */
export interface JudgedEntryRow {
  id: string;
  roundId: string;
  userId: string;
  fullName: string;
  unit: string | null;
  submittedAt: string;
  version: number;
  hasText: boolean;
  link: string | null;
  file: { name: string; type: string; size: number } | null;
  durationSeconds: number | null;
  breaches: string[];
  judges: number;
  marked: number;
  markedByMe: boolean;
  flagged: boolean;
  /** Absent for a judge who has not marked the entry yet (blind marking). */
  marking?: MarkingSummary;
}

export interface MarkView {
  /** Empty for the author (they never learn who gave which mark). */
  judgeUserId: string;
  judgeName?: string;
  scores: Record<string, number>;
  total: number;
  comment: string | null;
  submittedAt: string;
  counts: boolean;
}

/** GET/POST /entries/:id/scores */
export interface EntryMarks {
  entryId: string;
  markedByMe: boolean;
  marks: MarkView[];
  marking?: MarkingSummary;
  /** The criteria marked on (key, label, points), for every reader — the author too, who cannot read GET /rounds/:id/jury. */
  rubric?: RubricCriterion[];
  /** Organisers and (once every judge has filed) the head judge: each filing, a replacement with what it replaced. */
  history?: MarkHistoryItem[];
}

export interface MarkHistoryItem {
  judgeUserId: string;
  action: 'mark' | 'replace';
  at: string;
  before: { total: number } | null;
  after: { total: number };
}

/** GET /me/assignments: a round the judge works on, with its contest. */
export interface JudgeAssignment {
  roundId: string;
  roundTitle: string;
  roundKind: string;
  roundStatus: string;
  seq: number;
  opensAt: string;
  closesAt: string;
  contestId: string;
  contestTitle: string;
  contestStatus: string;
  head: boolean;
}

export interface PrizeView {
  code: string;
  name: string | null;
  level: number | null;
  group?: string | null;
  boundaryTie?: boolean;
}

/** A staff row of GET /rounds/:id/results. */
export interface StaffResultRow {
  position: number;
  rank: number;
  userId: string;
  fullName: string;
  nationalId: string | null;
  phone: string | null;
  province: string | null;
  commune: string | null;
  unit: string | null;
  group: string | null;
  score: number;
  maxScore: number;
  timeTakenMs: number;
  submittedAt: string;
  prediction: number | null;
  distance: number | null;
  attemptId: string;
  attemptNo: number | null;
  attemptsCounted: number;
  separatedFromPrevious: string | null;
  prize: PrizeView | null;
}

/** A prize winner whose attempt is flagged and no judge has voided or cleared (publication waits for them). */
export interface FlaggedWinner {
  userId: string;
  displayName: string;
  attemptId: string;
  attemptNo: number | null;
  prize: { code: string; name: string | null; level: number | null };
  flags: string[];
}

/** GET /rounds/:id/results as staff see it. */
export interface StaffResults {
  roundId: string;
  status: 'provisional' | 'published' | string;
  version: number;
  stale: boolean;
  closedAt: string;
  publishedAt: string | null;
  predictionActual: number | null;
  rankedCount: number;
  winnerCount: number;
  shortfalls?: unknown;
  /** Winners publication would refuse (409 flagged_winners_unreviewed) until each is reviewed. */
  flaggedWinners?: FlaggedWinner[];
  total: number;
  items: StaffResultRow[];
}

/** What a resident sees of a winner or of themselves. */
export interface PublicResultRow {
  rank: number;
  displayName: string;
  unit: string | null;
  province: string | null;
  score: number;
  maxScore: number;
  timeTakenMs: number;
  prize: PrizeView | null;
  attemptId?: string;
  submittedAt?: string;
}

/** GET /rounds/:id/results as a resident sees it once published. */
export interface ResidentResults {
  roundId: string;
  status: string;
  publishedAt: string | null;
  predictionActual: number | null;
  rankedCount: number;
  winners: PublicResultRow[];
  me: PublicResultRow | null;
}

export interface ExplanationLine {
  key: string;
  params: Record<string, string | number>;
  vi: string;
  en: string;
}

/** GET /rounds/:id/results/explain/:userId */
export interface PlaceExplanation {
  personId: string;
  /** Whom the sentences address: the person ("Bạn xếp hạng…") or staff (third person, short name). */
  perspective?: 'self' | 'staff';
  rank: number;
  total: number;
  lines: ExplanationLine[];
  vi: string;
  en: string;
  status: string;
}

export interface PlaceSnapshot {
  personId: string;
  rank: number;
  attemptId: string;
  score: number;
  award?: string | null;
  advanced?: boolean;
}

export interface PlaceChange {
  personId: string;
  before: PlaceSnapshot | null;
  after: PlaceSnapshot | null;
  changed: string[];
}

/** POST/GET /rounds/:id/results/corrections */
export interface CorrectionView {
  id: string;
  roundId: string;
  version: number;
  reason: string;
  request: { voidAttemptIds?: string[]; reinstateAttemptIds?: string[]; predictionActual?: number };
  changes: PlaceChange[];
  beforeHash: string;
  afterHash: string;
  createdBy: string | null;
  createdAt: string;
}

/** POST /rounds/:id/results/exports, GET /exports/:id */
export interface ExportView {
  id: string;
  roundId: string;
  format: 'xlsx' | 'csv';
  scope: 'ranking' | 'winners';
  status: 'queued' | 'running' | 'done' | 'failed' | string;
  progress: { rowsWritten: number; rowsTotal: number | null; percent: number | null };
  fileName: string | null;
  bytes: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  downloadUrl: string | null;
}

/** POST /rounds/:id/close */
export interface CloseOutcome {
  roundId: string;
  status: 'provisional';
  version: number;
  rankedCount: number;
  winnerCount: number;
  predictionActual: number | null;
  finalisedAttempts: number;
}

/** A question whose key entrants will not see yet: another scheduled or open round draws it. */
export interface WithheldQuestion {
  questionId: string;
  stem: string;
  reason: string;
  until: string;
  rounds: { id: string; contestId: string; seq: number; title: string; status: string; closesAt: string }[];
}
