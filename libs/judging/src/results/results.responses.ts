import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PlaceChangeView, PlaceSnapshotView } from '../ranking/diff';
import type { ExplanationLine } from '../ranking/explain';
import type { CloseOutcome } from './close/close-round';
import type { CorrectionView } from './corrections/correct-results';
import { RESULT_STATUSES } from './entities';
import type { ExportView } from './exports/export-jobs';
import { EXPORT_FORMATS, EXPORT_SCOPES, WithheldQuestionDto } from './results.dto';
import { AwardDocuments, PrizePlan, RankingRules, UnitPrizeFormula } from '../common/rule-schemas';
import type { ReviewOutcome } from './review/attempt-review';
import type { FlaggedWinner } from './review/flagged-winners';
import type { RankedUnit } from '../awards/unit-prizes';

/**
 * Response bodies of the results routes (OpenAPI; the web app's types are generated from
 * them). Rule objects the judging module validates on the way in (ranking rules, prize
 * plans, unit prizes, award documents) are returned as parsed: common/rule-schemas.ts.
 */

class CloseTimings {
  @ApiProperty() finaliseMs!: number;
  @ApiProperty() readMs!: number;
  @ApiProperty() rankMs!: number;
  @ApiProperty() allocateMs!: number;
  @ApiProperty() storeMs!: number;
}

export class CloseOutcomeResponse implements CloseOutcome {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: ['provisional'] }) status!: 'provisional';
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ type: 'integer' }) rankedCount!: number;
  @ApiProperty({ type: 'integer' }) winnerCount!: number;
  @ApiProperty({ type: Number, nullable: true }) predictionActual!: number | null;
  @ApiProperty({ type: 'integer', description: 'Attempts in progress that the close ended with what they saved' }) finalisedAttempts!: number;
  @ApiProperty() inputHash!: string;
  @ApiProperty() outputHash!: string;
  @ApiProperty({ type: () => CloseTimings, description: 'Milliseconds per step (diagnostics)' }) timings!: CloseTimings;
}

export class PublishOutcomeResponse {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: ['published'] }) status!: 'published';
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: [WithheldQuestionDto], description: 'Keys entrants do not see yet: another round still draws these questions' })
  withheldKeys!: WithheldQuestionDto[];
}

class PrizeResponse {
  @ApiProperty() code!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '1 for the highest tier' }) level!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The group a per-group prize was given in' }) group!: string | null;
  @ApiProperty({ description: 'Tied with someone just outside the places' }) boundaryTie!: boolean;
}

class FlaggedWinnerPrize {
  @ApiProperty() code!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) level!: number | null;
}

class FlaggedWinnerResponse implements FlaggedWinner {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ description: 'The short name the boards use: no personal numbers' }) displayName!: string;
  @ApiProperty({ format: 'uuid' }) attemptId!: string;
  @ApiProperty({ type: 'integer', nullable: true }) attemptNo!: number | null;
  @ApiProperty({ type: () => FlaggedWinnerPrize }) prize!: FlaggedWinnerPrize;
  @ApiProperty({ type: [String], description: 'Codes of the flags not yet reviewed' }) flags!: string[];
}

class RankingAuditSummary {
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty() inputHash!: string;
  @ApiProperty() outputHash!: string;
  @ApiProperty({ type: 'integer' }) rowCount!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'How many places each tie-break step decided' })
  separatorCounts!: Record<string, number>;
}

class StaffResultRow {
  @ApiProperty({ type: 'integer', description: '1-based, unique' }) position!: number;
  @ApiProperty({ type: 'integer', description: 'Shared on a full tie' }) rank!: number;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Masked' }) nationalId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Masked' }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) province!: string | null;
  @ApiProperty({ type: String, nullable: true }) commune!: string | null;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true }) group!: string | null;
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ type: 'integer' }) timeTakenMs!: number;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: Number, nullable: true }) prediction!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: "The prediction's distance from the actual value" }) distance!: number | null;
  @ApiProperty({ format: 'uuid' }) attemptId!: string;
  @ApiProperty({ type: 'integer', nullable: true }) attemptNo!: number | null;
  @ApiProperty({ type: 'integer' }) attemptsCounted!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The tie-break step that put this place after the previous one' }) separatedFromPrevious!:
    string | null;
  @ApiProperty({ type: () => PrizeResponse, nullable: true }) prize!: PrizeResponse | null;
}

/** GET /rounds/:id/results as staff read it (from the close on). */
export class StaffResultsResponse {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: RESULT_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ description: 'An attempt was voided or reinstated since: close again before publishing' }) stale!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) closedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) predictionActual!: number | null;
  @ApiProperty({ type: () => RankingRules, nullable: true, description: 'The ranking rules the close used' }) rules!: unknown;
  @ApiProperty({ type: 'integer' }) rankedCount!: number;
  @ApiProperty({ type: 'integer' }) winnerCount!: number;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Prize tiers left (partly) unawarded, and similar notes' })
  shortfalls!: unknown[];
  @ApiProperty({ type: () => RankingAuditSummary }) audit!: RankingAuditSummary;
  @ApiProperty({ type: () => [FlaggedWinnerResponse], description: 'Winners publication refuses (409 flagged_winners_unreviewed) until each is reviewed' })
  flaggedWinners!: FlaggedWinnerResponse[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: () => [StaffResultRow] }) items!: StaffResultRow[];
}

class PublicResultRow {
  @ApiProperty({ type: 'integer' }) rank!: number;
  @ApiProperty({ description: 'Short name for others; the full name in `me`' }) displayName!: string;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true }) province!: string | null;
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ type: 'integer' }) timeTakenMs!: number;
  @ApiProperty({ type: () => PrizeResponse, nullable: true }) prize!: PrizeResponse | null;
}

class MyResultRow extends PublicResultRow {
  @ApiProperty({ format: 'uuid' }) attemptId!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
}

/** GET /rounds/:id/results as a resident reads it, once published. */
export class ResidentResultsResponse {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: ['published'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) predictionActual!: number | null;
  @ApiProperty({ type: 'integer' }) rankedCount!: number;
  @ApiProperty({ type: () => [PublicResultRow] }) winners!: PublicResultRow[];
  @ApiProperty({ type: () => MyResultRow, nullable: true }) me!: MyResultRow | null;
}

class ExplanationLineResponse implements ExplanationLine {
  @ApiProperty() key!: string;
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } }) params!: Record<string, string | number>;
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class PlaceExplanationResponse {
  @ApiProperty({ enum: RESULT_STATUSES }) status!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiPropertyOptional({ format: 'uuid', deprecated: true, description: 'Deprecated alias of userId, sent for one release' }) personId?: string;
  @ApiProperty({ enum: ['self', 'staff'], description: 'Whom the sentences address' }) perspective!: 'self' | 'staff';
  @ApiProperty({ type: 'integer' }) rank!: number;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: () => [ExplanationLineResponse] }) lines!: ExplanationLineResponse[];
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class PlaceSnapshotResponse implements PlaceSnapshotView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiPropertyOptional({ format: 'uuid', deprecated: true, description: 'Deprecated alias of userId, sent for one release' }) personId?: string;
  @ApiProperty({ type: 'integer' }) rank!: number;
  @ApiProperty({ format: 'uuid' }) attemptId!: string;
  @ApiProperty() score!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) award?: string | null;
  @ApiPropertyOptional() advanced?: boolean;
}

export class PlaceChangeResponse implements PlaceChangeView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiPropertyOptional({ format: 'uuid', deprecated: true, description: 'Deprecated alias of userId, sent for one release' }) personId?: string;
  @ApiProperty({ type: () => PlaceSnapshotResponse, nullable: true }) before!: PlaceSnapshotResponse | null;
  @ApiProperty({ type: () => PlaceSnapshotResponse, nullable: true }) after!: PlaceSnapshotResponse | null;
  @ApiProperty({ type: [String], description: 'The fields that differ (added / removed when the person entered or left the ranking)' }) changed!: string[];
}

class CorrectionRequestResponse {
  @ApiPropertyOptional({ type: [String] }) voidAttemptIds?: string[];
  @ApiPropertyOptional({ type: [String] }) reinstateAttemptIds?: string[];
  @ApiPropertyOptional() predictionActual?: number;
}

export class CorrectionResponse implements CorrectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: () => CorrectionRequestResponse }) request!: Record<string, unknown>;
  @ApiProperty({ type: () => [PlaceChangeResponse] }) changes!: PlaceChangeResponse[];
  @ApiProperty() beforeHash!: string;
  @ApiProperty() afterHash!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ReviewOutcomeResponse implements ReviewOutcome {
  @ApiProperty({ format: 'uuid' }) attemptId!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() statusBefore!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'The provisional results are now stale: close the round again before publishing' }) resultsStale!: boolean;
  @ApiProperty({ description: 'A judge has reviewed every flag of the attempt and kept it' }) cleared!: boolean;
}

class ExportProgress {
  @ApiProperty({ type: 'integer' }) rowsWritten!: number;
  @ApiProperty({ type: 'integer', nullable: true }) rowsTotal!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) percent!: number | null;
}

export class ExportResponse implements ExportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: EXPORT_FORMATS }) format!: ExportView['format'];
  @ApiProperty({ enum: EXPORT_SCOPES }) scope!: ExportView['scope'];
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status!: string;
  @ApiProperty({ type: () => ExportProgress }) progress!: ExportProgress;
  @ApiProperty({ description: 'What the file holds, e.g. "Kết quả vòng 1 — Tuần 1 (XLSX)"' }) label!: string;
  @ApiProperty({ description: 'The name the download gets, never the storage name' }) fileName!: string;
  @ApiProperty({ type: 'integer', nullable: true }) bytes!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Once done' }) downloadUrl!: string | null;
}

export class RoundRulesResponse {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ description: 'Set for this round (else the defaults apply)' }) configured!: boolean;
  @ApiProperty({ description: 'The results are published: the rules can no longer change' }) locked!: boolean;
  @ApiProperty({ type: () => RankingRules, description: "The tie-break chain and its settings: as PUT, or derived from the round's own settings" })
  rankingRules!: unknown;
  @ApiProperty({ type: () => PrizePlan, nullable: true, description: "The prize plan: as PUT, or from the round's own prizes; null: none" }) prizes!: unknown;
  @ApiProperty({ type: String, nullable: true, description: 'Registration field that prizes are given per value of' }) groupField!: string | null;
}

export class AwardRulesResponse {
  @ApiProperty({ format: 'uuid' }) contestId!: string;
  @ApiProperty() configured!: boolean;
  @ApiProperty() locked!: boolean;
  @ApiProperty({ enum: ['highest-only', 'each-round'] }) acrossRounds!: string;
  @ApiProperty({ type: () => UnitPrizeFormula, nullable: true, description: 'Unit (collective) prizes, as PUT, or null' }) unitPrizes!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Headcount per unit, for per-headcount unit prizes' })
  headcounts!: Record<string, number>;
  @ApiProperty({ type: () => AwardDocuments, description: 'Texts and signatories of the award documents' }) documents!: unknown;
}

class AwardRound {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ enum: RESULT_STATUSES }) status!: string;
}

class AwardPrize {
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) level!: number | null;
  @ApiProperty({ type: String, nullable: true }) group!: string | null;
}

class AwardWinner {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() roundTitle!: string;
  @ApiProperty({ type: 'integer' }) roundSeq!: number;
  @ApiProperty({ enum: RESULT_STATUSES }) resultStatus!: string;
  @ApiProperty({ type: 'integer' }) rank!: number;
  @ApiProperty({ type: () => AwardPrize }) prize!: AwardPrize;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true }) province!: string | null;
  @ApiProperty() score!: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only' }) userId?: string;
  @ApiPropertyOptional({ description: 'Staff only' }) fullName?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only, masked' }) nationalId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only, masked' }) phone?: string | null;
  @ApiPropertyOptional({ description: 'Residents: the short public name' }) displayName?: string;
}

class UnitPrizeWon {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Tied with a unit just outside the prize' }) boundaryTie!: boolean;
}

/** A unit in the unit-prize ranking (libs/judging/src/awards/unit-prizes.ts). */
export class RankedUnitResponse implements RankedUnit {
  @ApiProperty() unit!: string;
  @ApiProperty({ type: 'integer' }) entrants!: number;
  @ApiProperty({ type: 'integer', nullable: true }) headcount!: number | null;
  @ApiProperty() participation!: number;
  @ApiProperty() winnerPoints!: number;
  @ApiProperty() total!: number;
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: String, enum: ['too_few_entrants', 'no_headcount'], nullable: true }) ineligibleReason!: RankedUnit['ineligibleReason'];
  @ApiProperty({ type: 'integer', nullable: true }) rank!: number | null;
  @ApiProperty({ type: () => UnitPrizeWon, nullable: true }) prize!: UnitPrizeWon | null;
}

export class ContestAwardsResponse {
  @ApiProperty({ format: 'uuid' }) contestId!: string;
  @ApiProperty({ enum: ['highest-only', 'each-round'] }) acrossRounds!: string;
  @ApiProperty({ type: () => [AwardRound] }) rounds!: AwardRound[];
  @ApiProperty({ type: () => [AwardWinner] }) winners!: AwardWinner[];
  @ApiProperty({ type: () => [RankedUnitResponse], nullable: true, description: 'Units ranked for the unit prizes (null without a unit prize formula)' })
  units!: RankedUnitResponse[] | null;
}
