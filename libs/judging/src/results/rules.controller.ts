import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '@lc/identity';
import { ContestAwards } from './awards/contest-awards';
import { AwardRulesDto, RoundRulesDto } from './results.dto';
import { RulesService } from './rules/rules.service';
import { AwardRulesResponse, ContestAwardsResponse, RoundRulesResponse } from './results.responses';

@ApiTags('results')
@ApiBearerAuth()
@Controller()
export class RulesController {
  constructor(
    private readonly rules: RulesService,
    private readonly awards: ContestAwards,
  ) {}

  @Get('rounds/:id/rules')
  @ApiOperation({ summary: 'The ranking rules and prize quotas the round is ranked by' })
  @ApiOkResponse({ type: RoundRulesResponse })
  roundRules(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RoundRulesResponse> {
    return this.rules.roundRules(actor, id);
  }

  @Put('rounds/:id/rules')
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Set the tie-break chain, representative attempt and prize quotas (per round / per group)' })
  @ApiOkResponse({ type: RoundRulesResponse })
  putRoundRules(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RoundRulesDto): Promise<RoundRulesResponse> {
    return this.rules.putRoundRules(actor, id, dto);
  }

  @Get('contests/:id/award-rules')
  @Roles('organiser', 'judge', 'admin')
  @ApiOkResponse({ type: AwardRulesResponse })
  awardRules(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AwardRulesResponse> {
    return this.rules.awardRules(actor, id);
  }

  @Put('contests/:id/award-rules')
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'One prize per person across rounds, unit prize formula, headcounts, document settings' })
  @ApiOkResponse({ type: AwardRulesResponse })
  putAwardRules(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AwardRulesDto): Promise<AwardRulesResponse> {
    return this.rules.putAwardRules(actor, id, dto);
  }

  @Get('contests/:id/awards')
  @ApiOperation({ summary: 'Winners across rounds (one prize per person) and unit prizes' })
  @ApiOkResponse({ type: ContestAwardsResponse })
  contestAwards(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContestAwardsResponse> {
    return this.awards.awards(actor, id);
  }
}
