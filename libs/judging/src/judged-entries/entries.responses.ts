import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EntryAuthorView, EntryFileView, EntryView } from './entry/entry-view';
import { PENALTIES } from '../common/rule-schemas';
import type { JuryView } from './jury/jury-input';
import type { JudgedEntryRow } from './listing/round-entries.service';
import type { EntryMarksView } from './marks/marks.service';
import type { MarkHistoryItem, MarkingSummary, MarkView, RubricCriterionView } from './marks/marking-view';

/** Response bodies of the judged-entry routes (OpenAPI; the web app's types are generated from them). */
export class RubricCriterionResponse implements RubricCriterionView {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() maxPoints!: number;
}

export class JuryResponse implements JuryView {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ type: () => [RubricCriterionResponse] }) rubric!: RubricCriterionResponse[];
  @ApiProperty() maxScore!: number;
  @ApiProperty({ enum: ['mean', 'trimmed-mean'] }) aggregate!: JuryView['aggregate'];
  @ApiProperty({ type: 'integer', description: 'From this many judges on, the highest and lowest marks are dropped' }) trimmedMeanThreshold!: number;
  @ApiProperty(PENALTIES) penalties!: JuryView['penalties'];
  @ApiProperty({ type: Number, nullable: true }) reconciliationGap!: number | null;
  @ApiProperty({ type: 'integer' }) decimals!: number;
  @ApiProperty({ type: [String] }) tieBreakCriteria!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) headJudgeUserId!: string | null;
  @ApiProperty({ description: 'Marks are in: only the head judge may still change' }) locked!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
}

class EntryFileResponse implements EntryFileView {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Media type' }) type!: string;
  @ApiProperty({ type: 'integer' }) size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ description: 'GET it with the bearer token' }) url!: string;
}

export class EntryAuthorResponse implements EntryAuthorView {
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The unit given at registration' }) unit!: string | null;
}

export class EntryResponse implements EntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty({ type: String, nullable: true }) link!: string | null;
  @ApiProperty({ type: () => EntryFileResponse, nullable: true }) file!: EntryFileResponse | null;
  @ApiProperty({ type: 'integer', nullable: true }) durationSeconds!: number | null;
  @ApiProperty({ type: [String], description: 'Breach codes recorded by organisers (penalties)' }) breaches!: string[];
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ type: () => EntryAuthorResponse, description: 'GET and PATCH /entries/:id: who handed it in, as the round’s entry list shows them' })
  author?: EntryAuthorResponse;
}

class PenaltyItem {
  @ApiProperty() code!: string;
  @ApiProperty() points!: number;
  @ApiProperty() detail!: string;
}

class PenaltyTotal {
  @ApiProperty() total!: number;
  @ApiProperty({ type: () => [PenaltyItem] }) items!: PenaltyItem[];
}

class ReconciliationResponse {
  @ApiProperty({ description: 'keep (the aggregate) or final (the head judge gave the marks)' }) mode!: string;
  @ApiProperty({ format: 'uuid' }) byUserId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional() total?: number;
}

export class MarkingSummaryResponse implements MarkingSummary {
  @ApiProperty({ enum: ['mean', 'trimmed-mean', 'none'] }) method!: MarkingSummary['method'];
  @ApiProperty({ enum: ['jury', 'head-judge', 'none'] }) source!: MarkingSummary['source'];
  @ApiProperty({ type: 'integer' }) judgeCount!: number;
  @ApiProperty({ type: [String] }) droppedJudgeIds!: string[];
  @ApiProperty({ type: Number, nullable: true }) aggregate!: number | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: () => PenaltyTotal }) penalties!: PenaltyTotal;
  @ApiProperty({ type: Number, nullable: true }) final!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'By criterion key' }) criterionMeans!: Record<string, number>;
  @ApiProperty({ type: Number, nullable: true }) gap!: number | null;
  @ApiProperty() needsReconciliation!: boolean;
  @ApiProperty() incomplete!: boolean;
  @ApiProperty({ type: () => ReconciliationResponse, nullable: true }) reconciliation!: ReconciliationResponse | null;
}

class EntryListFile {
  @ApiProperty() name!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ type: 'integer' }) size!: number;
}

export class JudgedEntryRowResponse implements JudgedEntryRow {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty() hasText!: boolean;
  @ApiProperty({ type: String, nullable: true }) link!: string | null;
  @ApiProperty({ type: () => EntryListFile, nullable: true }) file!: EntryListFile | null;
  @ApiProperty({ type: 'integer', nullable: true }) durationSeconds!: number | null;
  @ApiProperty({ type: [String] }) breaches!: string[];
  @ApiProperty({ type: 'integer', description: 'Active judges' }) judges!: number;
  @ApiProperty({ type: 'integer', description: 'Marks that count' }) marked!: number;
  @ApiProperty() markedByMe!: boolean;
  @ApiProperty({ description: 'Judges differ by more than the gap and the head judge has not settled it' }) flagged!: boolean;
  @ApiPropertyOptional({ type: () => MarkingSummaryResponse, description: 'Hidden from a judge until they have marked the entry' })
  marking?: MarkingSummaryResponse;
}

class MarkResponse implements MarkView {
  @ApiProperty({ description: 'Empty for the author (they never learn who gave which mark)' }) judgeUserId!: string;
  @ApiPropertyOptional() judgeName?: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'By criterion key' }) scores!: Record<string, number>;
  @ApiProperty() total!: number;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ description: 'False for a judge who has since recused' }) counts!: boolean;
}

class MarkSnapshotResponse {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Criterion key → points' }) scores!: Record<string, number>;
  @ApiProperty() total!: number;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
}

class MarkHistoryItemResponse implements MarkHistoryItem {
  @ApiProperty({ format: 'uuid' }) judgeUserId!: string;
  @ApiProperty({ enum: ['mark', 'replace'] }) action!: 'mark' | 'replace';
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: () => MarkSnapshotResponse, nullable: true, description: 'What a replacement replaced' }) before!: MarkSnapshotResponse | null;
  @ApiProperty({ type: () => MarkSnapshotResponse }) after!: MarkSnapshotResponse;
}

export class EntryMarksResponse implements EntryMarksView {
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty() markedByMe!: boolean;
  @ApiProperty({ type: () => [MarkResponse] }) marks!: MarkResponse[];
  @ApiPropertyOptional({ type: () => MarkingSummaryResponse, description: "Omitted while the caller may not see the others' marks" })
  marking?: MarkingSummaryResponse;
  @ApiProperty({ type: () => [RubricCriterionResponse] }) rubric!: RubricCriterionResponse[];
  @ApiPropertyOptional({
    type: () => [MarkHistoryItemResponse],
    description: 'Organisers and (once every judge has filed) the head judge: each filing, a replacement with what it replaced',
  })
  history?: MarkHistoryItemResponse[];
}

export class ReconcileResponse {
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty({ type: () => MarkingSummaryResponse }) marking!: MarkingSummaryResponse;
}
