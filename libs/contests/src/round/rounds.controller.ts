import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { type Actor, CurrentActor, Public, Roles } from '@lc/identity';
import { Page, PagingQuery } from '@lc/platform';
import { EnrolmentService, EnrolmentView } from '../enrolment/enrolment.service';
import { JudgeAssignmentsService, JudgeAssignmentView } from '../judges/judge-assignments.service';
import { RoundJudgesService, RoundJudgeView } from '../judges/round-judges.service';
import { CreateRoundDto, UpdateRoundDto } from './round.dto';
import { RoundPublicView, roundPublicView, roundStaffView } from './round-view';
import { RoundsService } from './rounds.service';

class AssignJudgeDto {
  @ApiProperty() @IsUUID() userId!: string;
}

class RoundJudgeDto implements RoundJudgeView {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the judge recused themselves; null while active' }) recusedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
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
  async create(@CurrentActor() actor: Actor, @Param('id') contestId: string, @Body() dto: CreateRoundDto): Promise<RoundPublicView> {
    return roundStaffView(await this.rounds.create(actor, contestId, dto));
  }

  @Get('contests/:id/rounds')
  @Public()
  async list(@CurrentActor() actor: Actor | undefined, @Param('id') contestId: string): Promise<RoundPublicView[]> {
    const { rounds, staff } = await this.rounds.list(actor, contestId);
    return rounds.map(staff ? roundStaffView : roundPublicView);
  }

  @Get('rounds/:id')
  @Public()
  async get(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string): Promise<RoundPublicView> {
    const { round, staff } = await this.rounds.get(actor, id);
    return staff ? roundStaffView(round) : roundPublicView(round);
  }

  @Patch('rounds/:id')
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Change a round; once it has opened only safe fields (409 otherwise)' })
  async update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRoundDto): Promise<RoundPublicView> {
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
  @ApiOkResponse({ type: RoundJudgeDto })
  assignJudge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignJudgeDto): Promise<RoundJudgeView> {
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
  @ApiOkResponse({ type: [RoundJudgeDto] })
  listJudges(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RoundJudgeView[]> {
    return this.judges.list(actor, id);
  }

  @Post('rounds/:id/judges/me/recuse')
  @HttpCode(200)
  @Roles('judge')
  @ApiOperation({ summary: 'A judge with a conflict of interest recuses themselves: their marks no longer count (audited)' })
  recuse(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecuseDto): Promise<RoundJudgeView> {
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
  listEnrolments(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: PagingQuery): Promise<Page<EnrolmentView>> {
    return this.enrolments.list(actor, id, q.limit, q.offset);
  }
}
