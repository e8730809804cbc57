import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { type Actor, ClientInfo, CurrentActor, Roles } from '@lc/identity';
import { badRequest, LeanRoute, Page, PageOf, PagingQuery } from '@lc/platform';
import { SaveAnswerDto } from './answers/answer.dto';
import { AnswerService, SavedAnswerAck } from './answers/answer.service';
import { AutosaveHandler } from './answers/autosave.handler';
import { ATTEMPT_STATUSES } from './attempt/attempt.entity';
import { AttemptIntegrityService } from './integrity/attempt-integrity.service';
import { AttemptStartService } from './start/attempt-start.service';
import { AttemptFinaliser } from './submit/attempt-finaliser.service';
import { AttemptQueryService } from './view/attempt-query.service';
import {
  AttemptAnswer,
  AttemptResponse,
  EventRecordedResponse,
  MyAttemptsResponse,
  SavedAnswerResponse,
  StaffAttemptResponse,
  StartedAttemptResponse,
  SubmitResponse,
} from './view/attempt.responses';

class SubmitDto {
  /** A count of people or attempts: never negative (a negative guess was accepted and ranked). */
  @ApiPropertyOptional({ description: "The answer to the round's prediction question (a count, 0 or more)", minimum: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e12)
  prediction?: number;
}

class EventDto {
  @ApiProperty({ example: 'focus_lost' }) @IsString() @MaxLength(32) kind!: string;
  @ApiPropertyOptional({ description: 'Client time of the event' }) @IsOptional() @IsISO8601() at?: string;
}

class RoundAttemptsQuery extends PagingQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() flagged?: boolean;
  @ApiPropertyOptional({ enum: ATTEMPT_STATUSES }) @IsOptional() @IsIn(ATTEMPT_STATUSES as unknown as string[]) status?: string;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

/** Limits per signed-in user (the 'user' throttler, shared by every instance through Redis). */
@ApiTags('attempts')
@ApiBearerAuth()
@ApiExtraModels(AttemptAnswer)
@Controller()
export class AttemptsController {
  constructor(
    private readonly starts: AttemptStartService,
    private readonly answers: AnswerService,
    private readonly finaliser: AttemptFinaliser,
    private readonly queries: AttemptQueryService,
    private readonly integrity: AttemptIntegrityService,
  ) {}

  @Post('rounds/:id/attempts')
  @Roles('resident')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ ip: true, account: true })
  @Throttle({ user: { limit: 30, ttl: 60_000 } })
  @ApiOperation({ summary: 'Start an attempt: your own draw of questions and the server deadline' })
  @ApiTooManyRequestsResponse({ description: 'Rate limited; see Retry-After (code rate_limited)' })
  @ApiCreatedResponse({ type: StartedAttemptResponse })
  start(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) roundId: string, @ClientInfo() client: ClientInfo): Promise<StartedAttemptResponse> {
    return this.starts.start(actor, roundId, client);
  }

  /**
   * Declared here, never run: `@LeanRoute` makes Fastify call AutosaveHandler instead
   * (`installLeanRoutes`, from `createHttpApp`), the same steps without Nest's per-request
   * pipeline. This method keeps the route in the OpenAPI document and the authorization
   * matrix, and is what would answer if the swap were missing; the autosave-route e2e test
   * fails if it ever runs. Rate-limited inside the autosave script (no extra round trip).
   */
  @Put('attempts/:id/answers/:questionId')
  @LeanRoute(AutosaveHandler)
  @Roles('resident')
  @ApiOperation({ summary: 'Autosave one answer (Redis only; written to PostgreSQL behind)' })
  @ApiTooManyRequestsResponse({ description: 'Rate limited; see Retry-After (code rate_limited)' })
  @ApiOkResponse({ type: SavedAnswerResponse })
  saveAnswer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId') questionId: string,
    @Body() dto: SaveAnswerDto,
  ): Promise<SavedAnswerAck> {
    return this.answers.save(actor, id, questionId, dto);
  }

  @Post('attempts/:id/submit')
  @HttpCode(200)
  @Roles('resident')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ ip: true, account: true })
  @Throttle({ user: { limit: 60, ttl: 60_000 } })
  @ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'Any retry returns the first result; the attempt id alone also makes a submit idempotent',
  })
  @ApiOperation({ summary: 'Submit; scored on the server and acknowledged after the PostgreSQL commit' })
  @ApiTooManyRequestsResponse({ description: 'Rate limited; see Retry-After (code rate_limited)' })
  @ApiOkResponse({ type: SubmitResponse })
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SubmitDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<SubmitResponse> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw badRequest('bad_idempotency_key', 'Idempotency-Key must be 1-100 letters, digits or ._:-');
    return this.finaliser.submit(actor, id, dto.prediction, key ?? null);
  }

  @Get('attempts/:id')
  @ApiOperation({ summary: 'Resume (every saved answer) or review an attempt' })
  @ApiOkResponse({ type: AttemptResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AttemptResponse> {
    return this.queries.get(actor, id);
  }

  @Get('rounds/:id/my-attempts')
  @Roles('resident')
  @ApiOkResponse({ type: MyAttemptsResponse })
  mine(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) roundId: string): Promise<MyAttemptsResponse> {
    return this.queries.mine(actor, roundId);
  }

  @Post('attempts/:id/events')
  @HttpCode(201)
  @Roles('resident')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ ip: true, account: true })
  @Throttle({ user: { limit: 120, ttl: 60_000 } })
  @ApiOperation({ summary: 'Record an integrity event (focus lost, tab hidden, …)' })
  @ApiTooManyRequestsResponse({ description: 'Rate limited; see Retry-After (code rate_limited)' })
  @ApiCreatedResponse({ type: EventRecordedResponse })
  event(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EventDto,
    @ClientInfo() client: ClientInfo,
  ): Promise<EventRecordedResponse> {
    return this.integrity.record(actor, id, dto.kind, dto.at, client.ip);
  }

  @Get('rounds/:id/attempts')
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: "Staff: a round's attempts with integrity flags (?flagged=true)" })
  @ApiOkResponse({ type: PageOf(StaffAttemptResponse) })
  forRound(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) roundId: string, @Query() q: RoundAttemptsQuery): Promise<Page<StaffAttemptResponse>> {
    return this.queries.forRound(actor, roundId, q);
  }
}
