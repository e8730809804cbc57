import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '@lc/identity';
import { MarksService } from './marks.service';
import { ReconcileService } from './reconcile.service';
import { EntryMarksResponse, ReconcileResponse } from '../entries.responses';

@ApiTags('judged rounds')
@ApiBearerAuth()
@Controller()
export class MarksController {
  constructor(
    private readonly marks: MarksService,
    private readonly reconciliations: ReconcileService,
  ) {}

  @Post('entries/:id/scores')
  @HttpCode(200)
  @Roles('judge')
  @ApiOperation({ summary: 'Mark an entry against the rubric (a re-submission replaces your marks until results are published)' })
  @ApiBody({ schema: { example: { scores: { content: 42, delivery: 25, form: 18 }, comment: 'Nắm vững nội dung Luật Phòng, chống tham nhũng' } } })
  @ApiOkResponse({ type: EntryMarksResponse })
  submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, unknown>): Promise<EntryMarksResponse> {
    return this.marks.submit(actor, id, body ?? {});
  }

  @Get('entries/:id/scores')
  @ApiOperation({ summary: "Marks: a judge sees the others' only after marking (blind); organisers and the head judge see all" })
  @ApiOkResponse({ type: EntryMarksResponse })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EntryMarksResponse> {
    return this.marks.list(actor, id);
  }

  @Post('entries/:id/reconcile')
  @HttpCode(200)
  @Roles('judge')
  @ApiOperation({ summary: 'Head judge: settle a flagged entry with a reason, accepting the aggregate or giving final marks' })
  @ApiBody({ schema: { example: { reason: 'Hội đồng thống nhất', acceptAggregate: true } } })
  @ApiOkResponse({ type: ReconcileResponse })
  reconcile(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<ReconcileResponse> {
    return this.reconciliations.reconcile(actor, id, body);
  }
}
