import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@lc/identity';
import { PagingQuery } from '@lc/platform';
import { LeaderboardService } from '../leaderboard.service';
import { LeaderboardPageResponse, MyStandingResponse } from './leaderboard.responses';

@ApiTags('leaderboards')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such round, or not one the caller may see' })
@ApiForbiddenResponse({ description: 'leaderboard_hidden: the round hides its board until results are published' })
@Controller('rounds/:id/leaderboard')
export class LeaderboardController {
  constructor(private readonly boards: LeaderboardService) {}

  @Get()
  @ApiOperation({ summary: 'The round leaderboard, best first (shortened names; residents see the frozen snapshot after freezeAt)' })
  @ApiOkResponse({ type: LeaderboardPageResponse })
  page(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Query() q: PagingQuery): Promise<LeaderboardPageResponse> {
    return this.boards.page(actor, id, q);
  }

  @Get('me')
  @ApiOperation({ summary: "The caller's rank on the board they see (rank null when not on it)" })
  @ApiOkResponse({ type: MyStandingResponse })
  me(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<MyStandingResponse> {
    return this.boards.me(actor, id);
  }
}
