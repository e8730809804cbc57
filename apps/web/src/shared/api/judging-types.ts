/**
 * Shapes of the judging API (libs/judging: judged entries, marks, results, exports), as the
 * web app reads them: names for schemas of the generated OpenAPI types (schema.d.ts). Shared
 * by the judge screens (staff chunk) and the rapporteur's and resident's screens (main
 * bundle): types only, so nothing is bundled twice.
 */
import type { components, operations } from './schema';

type Schemas = components['schemas'];

export type RubricCriterion = Schemas['RubricCriterionResponse'];
/** GET /rounds/:id/jury */
export type JuryView = Schemas['JuryResponse'];
export type EntryFile = Schemas['EntryFileResponse'];
/** GET /entries/:id, GET /rounds/:id/my-entry, POST /rounds/:id/entries */
export type EntryView = Schemas['EntryResponse'];
export type MarkingSummary = Schemas['MarkingSummaryResponse'];
/** PATCH /entries/:id: the presentation time and breaches an organiser records (they feed the penalties). */
export type EntryFacts = operations['EntriesController_patch']['requestBody']['content']['application/json'];
/** One row of GET /rounds/:id/entries for a judged round. */
export type JudgedEntryRow = Schemas['JudgedEntryRowResponse'];
export type MarkView = Schemas['MarkResponse'];
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
export type ResidentResults = Schemas['ResidentResultsResponse'];
export type ExplanationLine = Schemas['ExplanationLineResponse'];
/** GET /rounds/:id/results/explain/:userId */
export type PlaceExplanation = Schemas['PlaceExplanationResponse'];
export type PlaceSnapshot = Schemas['PlaceSnapshotResponse'];
export type PlaceChange = Schemas['PlaceChangeResponse'];
/** POST/GET /rounds/:id/results/corrections */
export type CorrectionView = Schemas['CorrectionResponse'];
/** POST /rounds/:id/results/exports, GET /exports/:id */
export type ExportView = Schemas['ExportResponse'];
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
