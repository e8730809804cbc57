import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '@lc/platform';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { CreateOrganisationDto, OrganisationListQuery, OrganisationPage, OrganisationView, UpdateOrganisationDto } from '../dto/organisation.dto';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an organisation (admin)' })
  @ApiCreatedResponse({ type: OrganisationView })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrganisationDto): Promise<Organisation> {
    return this.organisations.create(actor, dto);
  }

  @Get()
  @Roles('admin', 'organiser', 'judge')
  @ApiOperation({ summary: 'Organisations: every one for admins (searchable by name), their own for staff' })
  @ApiOkResponse({ type: OrganisationPage })
  list(@CurrentActor() actor: Actor, @Query() q: OrganisationListQuery): Promise<Page<Organisation>> {
    return this.organisations.list(actor, q.q, q.limit, q.offset);
  }

  @Get(':id')
  @Roles('admin', 'organiser', 'judge')
  @ApiOkResponse({ type: OrganisationView })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<Organisation> {
    return this.organisations.get(actor, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename an organisation or change its level and province (admin)' })
  @ApiOkResponse({ type: OrganisationView })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOrganisationDto): Promise<Organisation> {
    return this.organisations.update(actor, id, dto);
  }
}
