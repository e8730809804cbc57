/**
 * Shapes of the staff-console API added for issue 13 (import columns and template, topics,
 * export labels, correction previews), as the web app reads them. Kept apart from
 * types.ts / judging-types.ts so those can be replaced by generated OpenAPI types.
 */
import type { PlaceChange } from './judging-types';

/** details of 400 import_columns_unrecognised (libs/question-bank transfer/formats/sheet/header-map.ts). */
export interface ImportColumnsRefusal {
  /** Header cells as the file wrote them that name no known column. */
  unknown: string[];
  /** Required columns the header lacks, by their English name ("type", "question"). */
  missing: string[];
  /** Header cells naming a column already given. */
  repeated: string[];
  /** Every header name accepted, English and Vietnamese. */
  accepted: string[];
}

/** GET /question-banks/:id/topics, POST/PATCH /question-banks/:id/topics[/:topicId] */
export interface TopicView {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  /** Current questions filed directly under this topic. */
  questionCount: number;
}

/**
 * POST /rounds/:id/results/exports, GET /exports/:id add `label`, what the job holds in words
 * ("Kết quả vòng 1 — Tuần 1 (XLSX)"); their `fileName` is now the download's name ("Kết quả vòng 1 - Tuần 1.xlsx").
 */
export interface ExportLabel {
  label: string;
}

/** POST /rounds/:id/results/corrections/preview: what confirming would change; nothing stored. */
export interface CorrectionPreview {
  roundId: string;
  dryRun: true;
  version: number;
  request: { voidAttemptIds?: string[]; reinstateAttemptIds?: string[]; predictionActual?: number };
  changes: PlaceChange[];
  /** Prize code → name (changes name awards by code). */
  prizeNames?: Record<string, string>;
}

/** One row of GET /rounds/:id/results/people: a person to pick for a correction. */
export interface CorrectionCandidate {
  userId: string;
  fullName: string;
  phoneMasked: string | null;
  unit: string | null;
  rank: number | null;
  score: number | null;
  prize: string | null;
  /** The person's attempts in the round, newest first, with whether each counts. */
  attempts: { id: string; attemptNo: number; status: string; score: number | null; submittedAt: string | null; counted: boolean }[];
}
