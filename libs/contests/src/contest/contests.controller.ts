import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Public, Roles } from '@lc/identity';
import { Page, PageOf, PagingQuery } from '@lc/platform';
import { ContestRegistrationDto } from '../registration/registration.dto';
import { RegistrationsService } from '../registration/registrations.service';
import { ContestListQuery, CreateContestDto, UpdateContestDto } from './contest.dto';
import { contestView } from './contest-view';
import { ContestsService } from './contests.service';
import { ContestResponse, RegistrationResponse } from './contest.responses';

@ApiTags('contests')
@ApiBearerAuth()
@Controller('contests')
export class ContestsController {
  constructor(
    private readonly contests: ContestsService,
    private readonly registrations: RegistrationsService,
  ) {}

  @Post()
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Create a contest (draft) in your organisation' })
  @ApiCreatedResponse({ type: ContestResponse })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateContestDto): Promise<ContestResponse> {
    return contestView(await this.contests.create(actor, dto));
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Contests: published ones for everyone, all of their organisation for staff' })
  @ApiOkResponse({ type: PageOf(ContestResponse) })
  async list(@CurrentActor() actor: Actor | undefined, @Query() q: ContestListQuery): Promise<Page<ContestResponse>> {
    const page = await this.contests.list(actor, q);
    return { items: page.items.map(contestView), total: page.total };
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One contest, by id or slug' })
  @ApiOkResponse({ type: ContestResponse })
  async get(@CurrentActor() actor: Actor | undefined, @Param('id') id: string): Promise<ContestResponse> {
    return contestView((await this.contests.get(actor, id)).contest);
  }

  @Patch(':id')
  @Roles('organiser', 'admin')
  @ApiOkResponse({ type: ContestResponse })
  async update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateContestDto): Promise<ContestResponse> {
    return contestView(await this.contests.update(actor, id, dto));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Validate every round, freeze their question pools and schedule them' })
  @ApiOkResponse({ type: ContestResponse })
  async publish(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ContestResponse> {
    return contestView(await this.contests.publish(actor, id));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('organiser', 'admin')
  @ApiOkResponse({ type: ContestResponse })
  async close(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ContestResponse> {
    return contestView(await this.contests.close(actor, id));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('organiser', 'admin')
  @ApiOkResponse({ type: ContestResponse })
  async archive(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ContestResponse> {
    return contestView(await this.contests.archive(actor, id));
  }

  @Post(':id/register')
  @Roles('resident')
  @ApiOperation({ summary: 'Join a published contest with the fields it requires' })
  @ApiCreatedResponse({ type: RegistrationResponse })
  register(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ContestRegistrationDto): Promise<RegistrationResponse> {
    return this.registrations.register(actor, id, dto);
  }

  @Get(':id/registration')
  @ApiOperation({ summary: 'My registration for this contest' })
  @ApiOkResponse({ type: RegistrationResponse })
  myRegistration(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RegistrationResponse> {
    return this.registrations.mine(actor, id);
  }

  @Get(':id/registrations')
  @Roles('organiser', 'judge', 'admin')
  @ApiOkResponse({ type: PageOf(RegistrationResponse) })
  registrationsList(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: PagingQuery): Promise<Page<RegistrationResponse>> {
    return this.registrations.list(actor, id, q.limit, q.offset);
  }
}
