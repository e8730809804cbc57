import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { type Actor, CurrentActor, Public, Roles } from '@lc/identity';
import { Page, PagingQuery } from '@lc/platform';
import { EnrolmentService, EnrolmentView } from '../enrolment/enrolment.service';
import { RoundJudgesService, RoundJudgeView } from '../judges/round-judges.service';
import { CreateRoundDto, UpdateRoundDto } from './round.dto';
import { RoundPublicView, roundPublicView, roundStaffView } from './round-view';
import { RoundsService } from './rounds.service';

class AssignJudgeDto {
  @ApiProperty() @IsUUID() userId!: string;
}

class EnrolmentsQuery extends PagingQuery {
  @ApiPropertyOptional({ description: 'Part of a name; case and diacritics are ignored', example: 'nguyen thi' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
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

  @Post('rounds/:id/judges')
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Assign a judge of the same organisation to the round' })
  assignJudge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignJudgeDto): Promise<RoundJudgeView> {
    return this.judges.assign(actor, id, dto.userId);
  }

  @Get('rounds/:id/judges')
  @Roles('organiser', 'judge', 'admin')
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

  @Get('rounds/:id/enrolments')
  @Roles('organiser', 'judge', 'admin')
  listEnrolments(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: EnrolmentsQuery): Promise<Page<EnrolmentView>> {
    return this.enrolments.list(actor, id, q.limit, q.offset, q.q);
  }
}
