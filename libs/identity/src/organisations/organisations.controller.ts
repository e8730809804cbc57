import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, PageOf, PagingQuery } from '@lc/platform';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { CreateOrganisationDto } from '../dto/organisation.dto';
import { OrganisationsService } from './organisations.service';
import { OrganisationResponse } from '../dto/responses';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an organisation (admin)' })
  @ApiCreatedResponse({ type: OrganisationResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrganisationDto): Promise<OrganisationResponse> {
    return this.organisations.create(actor, dto);
  }

  @Get()
  @Roles('admin', 'organiser', 'judge')
  @ApiOkResponse({ type: PageOf(OrganisationResponse) })
  list(@CurrentActor() actor: Actor, @Query() q: PagingQuery): Promise<Page<OrganisationResponse>> {
    return this.organisations.list(actor, q.limit, q.offset);
  }

  @Get(':id')
  @Roles('admin', 'organiser', 'judge')
  @ApiOkResponse({ type: OrganisationResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationResponse> {
    return this.organisations.get(actor, id);
  }
}
