import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { type Actor, CurrentActor, Public, Roles } from '@lc/identity';
import { Page, PageOf, PagingQuery } from '@lc/platform';
import { EnrolmentService } from '../enrolment/enrolment.service';
import { JudgeAssignmentsService, JudgeAssignmentView } from '../judges/judge-assignments.service';
import { RoundJudgesService } from '../judges/round-judges.service';
import { CreateRoundDto, UpdateRoundDto } from './round.dto';
import { roundPublicView, roundStaffView } from './round-view';
import { RoundsService } from './rounds.service';
import { EnrolmentResponse, RoundJudgeResponse, RoundResponse } from './round.responses';

class AssignJudgeDto {
  @ApiProperty() @IsUUID() userId!: string;
}

class EnrolmentsQuery extends PagingQuery {
  @ApiPropertyOptional({ description: 'Part of a name; case and diacritics are ignored', example: 'nguyen thi' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

class RecuseDto {
  @ApiProperty({ example: 'Người dự thi là người thân của tôi' }) @IsString() @MinLength(3) @MaxLength(2000) reason!: string;
}

@ApiTags('rounds')
@ApiBearerAuth()
@Controller()
export class RoundsController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly judges: RoundJudgesService,
    private readonly enrolments: EnrolmentService,
    private readonly assignments: JudgeAssignmentsService,
  ) {}

  @Post('contests/:id/rounds')
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Add a round; in a published contest it is validated, frozen and scheduled at once' })
  @ApiCreatedResponse({ type: RoundResponse })
  async create(@CurrentActor() actor: Actor, @Param('id') contestId: string, @Body() dto: CreateRoundDto): Promise<RoundResponse> {
    return roundStaffView(await this.rounds.create(actor, contestId, dto));
  }

  @Get('contests/:id/rounds')
  @Public()
  @ApiOkResponse({ type: [RoundResponse] })
  async list(@CurrentActor() actor: Actor | undefined, @Param('id') contestId: string): Promise<RoundResponse[]> {
    const { rounds, staff } = await this.rounds.list(actor, contestId);
    return rounds.map(staff ? roundStaffView : roundPublicView);
  }

  @Get('rounds/:id')
  @Public()
  @ApiOkResponse({ type: RoundResponse })
  async get(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string): Promise<RoundResponse> {
    const { round, staff } = await this.rounds.get(actor, id);
    return staff ? roundStaffView(round) : roundPublicView(round);
  }

  @Patch('rounds/:id')
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Change a round; once it has opened only safe fields (409 otherwise)' })
  @ApiOkResponse({ type: RoundResponse })
  async update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRoundDto): Promise<RoundResponse> {
    return roundStaffView(await this.rounds.update(actor, id, dto));
  }

  @Delete('rounds/:id')
  @HttpCode(204)
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Delete a round nobody can have entered: a draft, or scheduled and not yet open (409 round_not_deletable otherwise)' })
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.rounds.remove(actor, id);
  }

  @Post('rounds/:id/judges')
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Assign a judge of the same organisation to the round' })
  @ApiCreatedResponse({ type: RoundJudgeResponse })
  assignJudge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignJudgeDto): Promise<RoundJudgeResponse> {
    return this.judges.assign(actor, id, dto.userId);
  }

  @Delete('rounds/:id/judges/:userId')
  @Roles('organiser', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a judge off the round (409 judge_has_marks once they have marked: they recuse instead)' })
  @ApiNoContentResponse()
  async removeJudge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('userId', ParseUUIDPipe) userId: string): Promise<void> {
    await this.judges.remove(actor, id, userId);
  }

  @Get('rounds/:id/judges')
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: "The round's judges: name, e-mail, and when they recused themselves" })
  @ApiOkResponse({ type: [RoundJudgeResponse] })
  listJudges(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RoundJudgeResponse[]> {
    return this.judges.list(actor, id);
  }

  @Post('rounds/:id/judges/me/recuse')
  @HttpCode(200)
  @Roles('judge')
  @ApiOperation({ summary: 'A judge with a conflict of interest recuses themselves: their marks no longer count (audited)' })
  @ApiOkResponse({ type: RoundJudgeResponse })
  recuse(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecuseDto): Promise<RoundJudgeResponse> {
    return this.judges.recuse(actor, id, dto.reason);
  }

  @Get('me/assignments')
  @Roles('judge')
  @ApiOperation({ summary: "A judge's rounds (assigned and not recused, or head judge), with their contests; never drafts" })
  @ApiOkResponse({ type: [JudgeAssignmentView] })
  myAssignments(@CurrentActor() actor: Actor): Promise<JudgeAssignmentView[]> {
    return this.assignments.mine(actor);
  }

  @Get('rounds/:id/enrolments')
  @Roles('organiser', 'judge', 'admin')
  @ApiOkResponse({ type: PageOf(EnrolmentResponse) })
  listEnrolments(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: EnrolmentsQuery): Promise<Page<EnrolmentResponse>> {
    return this.enrolments.list(actor, id, q.limit, q.offset, q.q);
  }
}
