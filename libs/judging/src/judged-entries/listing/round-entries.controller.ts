import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ATTEMPT_STATUSES, type StaffAttemptRow } from '@lc/attempts';
import { type Actor, CurrentActor, Roles } from '@lc/identity';
import { type Page, PagingQuery } from '@lc/platform';
import { type JudgedEntryRow, RoundEntriesService } from './round-entries.service';

class RoundEntriesQuery extends PagingQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() flagged?: boolean;
  @ApiPropertyOptional({ enum: ATTEMPT_STATUSES, description: 'quiz rounds: attempt status' }) @IsOptional() @IsIn(ATTEMPT_STATUSES as unknown as string[]) status?: string;
}

@ApiTags('judged rounds')
@ApiBearerAuth()
@Controller()
export class RoundEntriesController {
  constructor(private readonly entries: RoundEntriesService) {}

  @Get('rounds/:id/entries')
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: "Staff: a judged round's entries with their marking state, or a quiz round's attempts (?flagged=true: flagged only)" })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() q: RoundEntriesQuery): Promise<Page<JudgedEntryRow> | Page<StaffAttemptRow>> {
    return this.entries.list(actor, id, q);
  }
}
