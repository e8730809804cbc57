import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { QUESTION_TYPES } from '@lc/question-bank';
import type { SavedAnswerAck } from '../answers/answer.service';
import { ATTEMPT_STATUSES, type AttemptStatus } from '../attempt/attempt.entity';
import type { AttemptReviewView, ReviewState } from '../integrity/flag-review';
import { FLAG_CODES, type AttemptFlag, type FlagCode } from '../integrity/integrity';
import type { StartedAttempt } from '../start/attempt-start.service';
import type { SubmitResult } from '../submit/attempt-finaliser.service';
import type { AttemptSummary, MyAttempts, StaffAttemptRow } from './attempt-query.service';
import type { AnswerView, AttemptView, QuestionView, ReviewView } from './attempt-view';

/** Response bodies of the attempt routes (OpenAPI; the web app's types are generated from them). */
class AttemptOption {
  @ApiProperty({ description: "Opaque, this attempt's own" }) id!: string;
  @ApiProperty() text!: string;
}

export class AttemptQuestion implements QuestionView {
  @ApiProperty({ description: "Opaque key of the question in this attempt (the autosave route's :questionId)" }) id!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: string;
  @ApiProperty() stem!: string;
  @ApiProperty() points!: number;
  @ApiProperty({ type: () => [AttemptOption], description: "In this attempt's order; never says which is right" }) options!: AttemptOption[];
}

export class AttemptAnswer implements AnswerView {
  @ApiPropertyOptional({ type: [String] }) optionIds?: string[];
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'number' }], nullable: true }) value?: string | number | null;
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) savedAt!: string;
}

class CorrectValue {
  @ApiProperty() value!: number;
  @ApiProperty() tolerance!: number;
}

class KeyWithheldResponse {
  @ApiProperty({ enum: ['in_open_round'] }) reason!: 'in_open_round';
  @ApiProperty({ format: 'date-time', description: 'closesAt of the last round still drawing the question' }) until!: string;
}

class ReviewedQuestion implements ReviewView {
  @ApiProperty() questionId!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null when judged by hand (essay), or while the key is withheld from an entrant' }) correct!:
    boolean | null;
  @ApiProperty({ type: Number, nullable: true, description: 'null while the key is withheld from an entrant' }) earned!: number | null;
  @ApiProperty({ type: [String] }) correctOptionIds!: string[];
  @ApiProperty({ type: [String], nullable: true }) acceptedAnswers!: string[] | null;
  @ApiProperty({ type: () => CorrectValue, nullable: true }) correctValue!: CorrectValue | null;
  @ApiProperty({ type: String, nullable: true }) explanation!: string | null;
  @ApiProperty({ type: String, nullable: true }) legalReference!: string | null;
  @ApiPropertyOptional({
    type: () => KeyWithheldResponse,
    description: 'Another scheduled or open round still draws this question: entrants get the reason instead of the key (staff get both)',
  })
  keyWithheld?: KeyWithheldResponse;
}

class AttemptReviewResponse implements AttemptReviewView {
  @ApiProperty({ enum: ['none', 'pending', 'cleared', 'void'] }) state!: ReviewState;
  @ApiProperty({ type: [String], description: 'Codes of flags no judge has reviewed yet' }) pendingFlags!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) clearedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) clearedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was voided, or kept' }) reason!: string | null;
}

class AttemptFlagResponse implements AttemptFlag {
  @ApiProperty({ enum: FLAG_CODES }) code!: FlagCode;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) detail?: Record<string, unknown>;
}

class AttemptIntegrity {
  @ApiProperty({ type: () => [AttemptFlagResponse] }) flags!: AttemptFlagResponse[];
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: String, nullable: true }) deviceId!: string | null;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: String, nullable: true }) voidReason!: string | null;
  @ApiProperty({ type: () => AttemptReviewResponse }) review!: AttemptReviewResponse;
}

const ANSWERS_BY_QUESTION = {
  type: 'object',
  additionalProperties: { $ref: getSchemaPath(AttemptAnswer) },
  description: "By question id (the attempt's own keys)",
} as const;

export class StartedAttemptResponse implements StartedAttempt {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ type: 'integer' }) attemptNo!: number;
  @ApiProperty({ enum: ['in_progress'] }) status!: 'in_progress';
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The server deadline: answers after it are refused' }) deadlineAt!: string;
  @ApiProperty({ format: 'date-time' }) serverTime!: string;
  @ApiProperty({ type: () => [AttemptQuestion] }) questions!: AttemptQuestion[];
  @ApiProperty({ type: 'object', additionalProperties: false, description: 'Always empty for a new attempt' }) answers!: Record<string, never>;
}

export class AttemptResponse implements AttemptView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) contestId!: string;
  @ApiProperty({ type: 'integer' }) attemptNo!: number;
  @ApiProperty({ enum: ATTEMPT_STATUSES }) status!: AttemptStatus;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) deadlineAt!: string;
  @ApiProperty({ format: 'date-time' }) serverTime!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxScore!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) timeTakenMs!: number | null;
  @ApiProperty({ type: Number, nullable: true }) prediction!: number | null;
  @ApiProperty({ type: () => [AttemptQuestion] }) questions!: AttemptQuestion[];
  @ApiProperty(ANSWERS_BY_QUESTION) answers!: Record<string, AttemptAnswer>;
  @ApiPropertyOptional({ type: () => [ReviewedQuestion], description: "Once the round's results are published" }) review?: ReviewedQuestion[];
  @ApiPropertyOptional({ type: () => AttemptIntegrity, description: 'Staff only' }) integrity?: AttemptIntegrity;
}

export class SavedAnswerResponse implements SavedAnswerAck {
  @ApiProperty() questionId!: string;
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) savedAt!: string;
}

export class SubmitResponse implements SubmitResult {
  @ApiProperty({ format: 'uuid' }) attemptId!: string;
  @ApiProperty({ enum: ['submitted', 'expired'], description: 'expired: the submit came after the deadline and the saved answers were scored' }) status!:
    'submitted' | 'expired';
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ type: 'integer' }) timeTakenMs!: number;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Place on the live board; null while it is frozen or hidden' }) rank!: number | null;
}

class AttemptSummaryResponse implements AttemptSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) attemptNo!: number;
  @ApiProperty({ enum: ATTEMPT_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) deadlineAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxScore!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) timeTakenMs!: number | null;
}

export class MyAttemptsResponse implements MyAttempts {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ type: 'integer' }) maxAttempts!: number;
  @ApiProperty({ type: 'integer' }) remaining!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The attempt in progress, to resume' }) inProgress!: string | null;
  @ApiProperty({ format: 'date-time' }) serverTime!: string;
  @ApiProperty({ type: () => [AttemptSummaryResponse] }) items!: AttemptSummaryResponse[];
}

export class StaffAttemptResponse extends AttemptSummaryResponse implements StaffAttemptRow {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The unit of their registration for the contest' }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true }) province!: string | null;
  @ApiProperty({ type: () => [AttemptFlagResponse] }) flags!: AttemptFlagResponse[];
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) deviceId!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: 'integer', description: 'Integrity events recorded' }) events!: number;
  @ApiProperty({ type: () => AttemptReviewResponse }) review!: AttemptReviewResponse;
}

export class EventRecordedResponse {
  @ApiProperty({ enum: [true] }) recorded!: true;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
