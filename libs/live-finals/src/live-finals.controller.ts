import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '@lc/identity';
import { LiveAnswerDto, LiveMoveDto } from './live-finals.dto';
import { LiveAnswerResponse, LiveEndResponse, LiveStateResponse } from './live-finals.responses';
import { LiveFinalsService } from './live-finals.service';

/**
 * Live finals (SPEC "Live finals"). The host (an organiser of the round's organisation, or
 * a judge of the round) moves the final; every move answers the new state. Players answer
 * here or on the /live socket (live:answer); anyone rejoining rebuilds from GET state.
 */
@ApiTags('live finals')
@ApiBearerAuth()
@Controller('rounds/:id/live')
export class LiveFinalsController {
  constructor(private readonly finals: LiveFinalsService) {}

  @Post('start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open the room (waiting, before question 0); pressing it again changes nothing' })
  @ApiOkResponse({ type: LiveStateResponse })
  start(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LiveStateResponse> {
    return this.finals.start(actor, id);
  }

  @Post('next')
  @HttpCode(200)
  @ApiOperation({ summary: 'Show the next question (from waiting or revealed); 409 live_state_changed when it already moved on' })
  @ApiOkResponse({ type: LiveStateResponse })
  next(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LiveMoveDto): Promise<LiveStateResponse> {
    return this.finals.next(actor, id, dto.fromIndex);
  }

  @Post('reveal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the question, score it, show the key, the distribution and the board' })
  @ApiOkResponse({ type: LiveStateResponse })
  reveal(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LiveMoveDto): Promise<LiveStateResponse> {
    return this.finals.reveal(actor, id, dto.fromIndex);
  }

  @Post('pause')
  @HttpCode(200)
  @ApiOperation({ summary: "Pause; a question's clock stops until resume" })
  @ApiOkResponse({ type: LiveStateResponse })
  pause(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LiveStateResponse> {
    return this.finals.pause(actor, id);
  }

  @Post('resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume; a paused question gets its remaining time back' })
  @ApiOkResponse({ type: LiveStateResponse })
  resume(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LiveStateResponse> {
    return this.finals.resume(actor, id);
  }

  @Post('end')
  @HttpCode(200)
  @ApiOperation({ summary: "End the final; each player's score becomes a submitted attempt, so the round's results close and publish as usual" })
  @ApiOkResponse({ type: LiveEndResponse })
  end(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LiveEndResponse> {
    return this.finals.end(actor, id);
  }

  @Get('state')
  @ApiOperation({ summary: 'The current state for a (re)joining player or screen: question without key, time left, own score' })
  @ApiOkResponse({ type: LiveStateResponse })
  state(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LiveStateResponse> {
    return this.finals.stateFor(actor, id);
  }

  @Post('answers')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer the question showing; only the first answer per question counts; late answers get 409 live_answer_late' })
  @ApiOkResponse({ type: LiveAnswerResponse })
  answer(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LiveAnswerDto): Promise<LiveAnswerResponse> {
    return this.finals.answer(actor, id, dto.questionId, dto.optionIds);
  }
}
