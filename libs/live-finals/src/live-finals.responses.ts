import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LIVE_STATUSES,
  type LiveAnswerView,
  type LiveBoardRow,
  type LiveEndView,
  type LiveMeView,
  type LiveQuestionView,
  type LiveRevealView,
  type LiveStateView,
} from './live-finals.types';

class LiveOption {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
}

export class LiveQuestion implements LiveQuestionView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['single', 'multiple', 'true_false'] }) type!: string;
  @ApiProperty() stem!: string;
  @ApiProperty({ type: [LiveOption] }) options!: LiveOption[];
}

export class LiveBoardRowResponse implements LiveBoardRow {
  @ApiProperty({ type: 'integer' }) rank!: number;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() score!: number;
}

class LiveBoard {
  @ApiProperty({ type: [LiveBoardRowResponse], description: 'At most 20 rows' }) top!: LiveBoardRowResponse[];
  @ApiProperty({ type: 'integer' }) total!: number;
}

export class LiveReveal implements LiveRevealView {
  @ApiProperty() questionId!: string;
  @ApiProperty({ type: [String] }) correctOptionIds!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: '{ [optionId]: count } of accepted first answers' })
  distribution!: Record<string, number>;
  @ApiProperty({ type: String, nullable: true }) explanation!: string | null;
}

class LiveMe implements LiveMeView {
  @ApiProperty() score!: number;
  @ApiProperty({ type: 'integer', nullable: true }) rank!: number | null;
  @ApiProperty({ type: [String], nullable: true }) optionIds!: string[] | null;
}

export class LiveStateResponse implements LiveStateView {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: LIVE_STATUSES }) status!: LiveStateView['status'];
  @ApiProperty({ type: 'integer', description: '0-based; -1 before the first question' }) index!: number;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiPropertyOptional({ type: LiveQuestion, description: 'The current question, without its key' }) question?: LiveQuestion;
  @ApiPropertyOptional({ format: 'date-time' }) opensAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Answers are taken until then (plus a short grace)' }) closesAt?: string;
  @ApiPropertyOptional({ enum: LIVE_STATUSES }) pausedFrom?: LiveStateView['status'];
  @ApiPropertyOptional({ type: 'integer', description: 'A paused question: time left when it resumes' }) remainingMs?: number;
  @ApiProperty({ format: 'date-time' }) serverTime!: string;
  @ApiPropertyOptional({ type: LiveMe, description: 'Players only; changes only at reveal' }) me?: LiveMe;
  @ApiPropertyOptional({ type: LiveReveal }) reveal?: LiveReveal;
  @ApiPropertyOptional({ type: LiveBoard }) board?: LiveBoard;
  @ApiPropertyOptional({ type: 'integer', description: 'Staff only: accepted answers to the current question' }) answered?: number;
}

export class LiveEndResponse extends LiveStateResponse implements LiveEndView {
  @ApiProperty({ type: 'integer' }) attemptsWritten!: number;
}

export class LiveAnswerResponse implements LiveAnswerView {
  @ApiProperty({ enum: [true] }) ok!: true;
  @ApiProperty() questionId!: string;
  @ApiProperty({ format: 'date-time', description: 'Server receive time (the speed bonus counts from it)' }) receivedAt!: string;
}
