import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ATTEMPT_STATUSES, StaffAttemptResponse } from '@lc/attempts';
import { type Actor, CurrentActor, Roles } from '@lc/identity';
import { type Page, PageOf, PagingQuery } from '@lc/platform';
import { JudgedEntryRowResponse } from '../entries.responses';
import { RoundEntriesService } from './round-entries.service';

class RoundEntriesQuery extends PagingQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() flagged?: boolean;
  @ApiPropertyOptional({ enum: ATTEMPT_STATUSES, description: 'quiz rounds: attempt status' })
  @IsOptional()
  @IsIn(ATTEMPT_STATUSES as unknown as string[])
  status?: string;
}

@ApiTags('judged rounds')
@ApiBearerAuth()
@ApiExtraModels(PageOf(JudgedEntryRowResponse), PageOf(StaffAttemptResponse))
@Controller()
export class RoundEntriesController {
  constructor(private readonly entries: RoundEntriesService) {}

  @Get('rounds/:id/entries')
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: "Staff: a judged round's entries with their marking state, or a quiz round's attempts (?flagged=true: flagged only)" })
  @ApiOkResponse({
    description: "A judged round's entries, or a quiz round's attempts",
    schema: { oneOf: [{ $ref: getSchemaPath(PageOf(JudgedEntryRowResponse)) }, { $ref: getSchemaPath(PageOf(StaffAttemptResponse)) }] },
  })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: RoundEntriesQuery,
  ): Promise<Page<JudgedEntryRowResponse> | Page<StaffAttemptResponse>> {
    return this.entries.list(actor, id, q);
  }
}
