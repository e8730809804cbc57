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
export type EntryMarks = Schemas['EntryMarksResponse'];
export type MarkHistoryItem = NonNullable<EntryMarks['history']>[number];

/** GET /me/assignments: a round the judge works on, with its contest. */
export type JudgeAssignment = Schemas['JudgeAssignmentView'];

export type PrizeView = Schemas['PrizeResponse'];

/** A staff row of GET /rounds/:id/results. */
export type StaffResultRow = Schemas['StaffResultRow'];

/** A prize winner whose attempt is flagged and no judge has voided or cleared (publication waits for them). */
export type FlaggedWinner = NonNullable<StaffResults['flaggedWinners']>[number];

/** GET /rounds/:id/results as staff see it. */
export type StaffResults = Schemas['StaffResultsResponse'];

/** What a resident sees of a winner or of themselves. */
export type PublicResultRow = Schemas['PublicResultRow'];

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
export type CloseOutcome = Schemas['CloseOutcomeResponse'];

/** A question whose key entrants will not see yet: another scheduled or open round draws it. */
export type WithheldQuestion = Schemas['WithheldQuestionDto'];
