import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, PagingQuery } from '@lc/platform';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { CreateOrganisationDto } from '../dto/organisation.dto';
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
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrganisationDto): Promise<Organisation> {
    return this.organisations.create(actor, dto);
  }

  @Get()
  @Roles('admin', 'organiser', 'judge')
  list(@CurrentActor() actor: Actor, @Query() q: PagingQuery): Promise<Page<Organisation>> {
    return this.organisations.list(actor, q.limit, q.offset);
  }

  @Get(':id')
  @Roles('admin', 'organiser', 'judge')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<Organisation> {
    return this.organisations.get(actor, id);
  }
}
