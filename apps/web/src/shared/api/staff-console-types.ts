/**
 * Names for the staff-console API shapes (topics, correction previews and people) as aliases
 * of the generated OpenAPI schemas, and the one error detail the schemas do not describe.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

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

export type TopicView = Schemas['TopicViewDto'];
/** POST /rounds/:id/results/corrections/preview: what confirming would change; nothing stored. */
export type CorrectionPreview = Schemas['CorrectionPreviewDto'];
/** One row of GET /rounds/:id/results/people: a person to pick for a correction. */
export type CorrectionCandidate = Schemas['CorrectionCandidateDto'];
