import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { QUESTION_TYPES } from '@lc/question-bank';
import type { RoundJudgeView } from '../judges/round-judges.service';
import type { EnrolmentView } from '../enrolment/enrolment.service';
import { ENROLMENT_SOURCES } from '../enrolment/round-enrolment.entity';
import type { RoundPublicView } from './round-view';
import {
  ADVANCEMENT_MODES,
  ATTEMPT_SCORINGS,
  LEADERBOARD_VISIBILITIES,
  PREDICTION_COUNTS,
  PREDICTION_TARGETS,
  ROUND_ENTRIES,
  ROUND_KINDS,
  ROUND_STATUSES,
} from './round.types';

/** Response bodies of the round routes (OpenAPI; the web app's types are generated from them). */
class RoundPredictionQuestion {
  @ApiProperty() prompt!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Known once the round closes' }) actual!: number | null;
}

class RoundLeaderboard {
  @ApiProperty({ enum: LEADERBOARD_VISIBILITIES }) visibility!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) freezeAt!: string | null;
  @ApiProperty({
    description: "While a round with a prediction question is open, residents do not see the board's figures its target is counted from (default on)",
  })
  hidePredictionFigures!: boolean;
}

class RoundPrize {
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
}

class RoundLiveSpeedBonus {
  @ApiProperty({ description: 'Bonus for an instant correct answer; falls linearly to 0 at the end of the question' }) maxPoints!: number;
}

class RoundLiveSettings {
  @ApiProperty({ type: 'integer' }) secondsPerQuestion!: number;
  @ApiProperty({ type: () => RoundLiveSpeedBonus, nullable: true }) speedBonus!: RoundLiveSpeedBonus | null;
}

class RoundSelectionRule {
  @ApiProperty({ format: 'uuid' }) bankId!: string;
  @ApiPropertyOptional() topic?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 3 }) difficulty?: number;
  @ApiPropertyOptional({ enum: QUESTION_TYPES, isArray: true }) types?: string[];
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiPropertyOptional({ format: 'uuid', description: "A live round's question given by id (questionIds): the rule draws exactly it" }) questionId?: string;
}

class RoundAdvancement {
  @ApiProperty({ enum: ADVANCEMENT_MODES }) mode!: string;
  @ApiPropertyOptional({ type: 'integer' }) topN?: number;
  @ApiPropertyOptional() minScore?: number;
  @ApiPropertyOptional({ type: 'integer' }) toRoundSeq?: number;
}

class RoundIntegrity {
  @ApiProperty() minSecondsPerQuestion!: number;
  @ApiProperty({ type: 'integer' }) maxAccountsPerDevice!: number;
  @ApiProperty({ type: 'integer' }) maxAccountsPerIp!: number;
}

class RoundPrediction {
  @ApiProperty({ enum: PREDICTION_TARGETS }) target!: string;
  @ApiProperty({ enum: PREDICTION_COUNTS }) countBy!: string;
}

/** What anyone allowed to see the round sees; staff of its organisation also get the optional settings. */
export class RoundResponse implements RoundPublicView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contestId!: string;
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: ROUND_KINDS }) kind!: string;
  @ApiProperty({ enum: ROUND_STATUSES }) status!: string;
  @ApiProperty({ enum: ROUND_ENTRIES }) entry!: string;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'opensAt in Vietnam time (UTC+7), for display' }) opensAtLocal!: string | null;
  @ApiProperty({ type: String, nullable: true }) closesAtLocal!: string | null;
  @ApiProperty({ enum: ['Asia/Ho_Chi_Minh'] }) timeZone!: 'Asia/Ho_Chi_Minh';
  @ApiProperty({ type: 'integer' }) durationSeconds!: number;
  @ApiProperty({ type: 'integer' }) maxAttempts!: number;
  @ApiProperty({ enum: ATTEMPT_SCORINGS }) attemptScoring!: string;
  @ApiProperty({ type: 'integer' }) questionCount!: number;
  @ApiProperty({ type: () => RoundPredictionQuestion, nullable: true }) predictionQuestion!: RoundPredictionQuestion | null;
  @ApiProperty({ type: () => RoundLeaderboard }) leaderboard!: RoundLeaderboard;
  @ApiProperty({ type: () => [RoundPrize] }) prizes!: RoundPrize[];
  @ApiPropertyOptional({
    type: () => RoundLiveSettings,
    nullable: true,
    description: 'Kind live: seconds per question and the speed bonus (null for other kinds)',
  })
  live?: RoundLiveSettings | null;
  // Staff only (RoundStaffView):
  @ApiPropertyOptional({ type: () => [RoundSelectionRule], description: 'Staff only' }) selection?: RoundSelectionRule[];
  @ApiPropertyOptional({ description: 'Staff only' }) shuffleQuestions?: boolean;
  @ApiPropertyOptional({ description: 'Staff only' }) shuffleOptions?: boolean;
  @ApiPropertyOptional({ description: 'Staff only' }) partialCredit?: boolean;
  @ApiPropertyOptional({ type: () => RoundAdvancement, nullable: true, description: 'Staff only' }) advancement?: RoundAdvancement | null;
  @ApiPropertyOptional({
    allOf: [{ $ref: getSchemaPath('RankingRulesInput') }],
    nullable: true,
    description: "Staff only; the round's own rules as set (the judging module owns the shape: PUT /rounds/:id/rules)",
  })
  rankingRules?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: () => RoundIntegrity, description: 'Staff only' }) integrity?: RoundIntegrity;
  @ApiPropertyOptional({ type: () => RoundPrediction, nullable: true, description: 'Staff only' }) prediction?: RoundPrediction | null;
  @ApiPropertyOptional({ type: 'integer', description: 'Staff only' }) poolVersion?: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Staff only' }) openedAt?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Staff only' }) closedAt?: string | null;
}

export class RoundJudgeResponse implements RoundJudgeView {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recusedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class EnrolmentResponse implements EnrolmentView {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The unit given at registration for the contest' }) unit!: string | null;
  @ApiProperty({ enum: ENROLMENT_SOURCES }) source!: EnrolmentView['source'];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) fromRoundId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
