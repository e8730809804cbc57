import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '@lc/identity';
import { ContestAwards } from './awards/contest-awards';
import { AwardRulesDto, RoundRulesDto } from './results.dto';
import { RulesService } from './rules/rules.service';

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
  roundRules(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.rules.roundRules(actor, id);
  }

  @Put('rounds/:id/rules')
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Set the tie-break chain, representative attempt and prize quotas (per round / per group)' })
  putRoundRules(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RoundRulesDto) {
    return this.rules.putRoundRules(actor, id, dto);
  }

  @Get('contests/:id/award-rules')
  @Roles('organiser', 'judge', 'admin')
  awardRules(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.rules.awardRules(actor, id);
  }

  @Put('contests/:id/award-rules')
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'One prize per person across rounds, unit prize formula, headcounts, document settings' })
  putAwardRules(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AwardRulesDto) {
    return this.rules.putAwardRules(actor, id, dto);
  }

  @Get('contests/:id/awards')
  @ApiOperation({ summary: 'Winners across rounds (one prize per person) and unit prizes' })
  contestAwards(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.awards.awards(actor, id);
  }
}
