import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ApiFileResponse } from '@lc/platform';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, CurrentActor, Roles } from '@lc/identity';
import { EntriesService } from './entries.service';
import { HandInService } from './hand-in.service';
import { EntryResponse } from '../entries.responses';

@ApiTags('judged rounds')
@ApiBearerAuth()
@Controller()
export class EntriesController {
  constructor(
    private readonly handIns: HandInService,
    private readonly entries: EntriesService,
  ) {}

  @Post('rounds/:id/entries')
  @HttpCode(201)
  @Roles('resident')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ ip: true, account: true })
  @Throttle({ user: { limit: 20, ttl: 60_000 } }) // uploads are large: a few replacements a minute is plenty
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ schema: { properties: { text: { type: 'string' }, link: { type: 'string' }, file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Hand in (201) or replace (200) your entry: JSON { text?, link? } or multipart "file" (PDF, DOCX, PPTX, MP4, …)' })
  @ApiTooManyRequestsResponse({ description: 'Rate limited; see Retry-After (code rate_limited)' })
  @ApiCreatedResponse({ type: EntryResponse, description: 'Handed in' })
  @ApiOkResponse({ type: EntryResponse, description: 'Replaced the earlier entry' })
  async handIn(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EntryResponse> {
    const { created, entry } = await this.handIns.handIn(actor, id, req);
    if (!created) void reply.status(200);
    return entry;
  }

  @Get('rounds/:id/my-entry')
  @Roles('resident')
  @ApiOkResponse({ type: EntryResponse })
  mine(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EntryResponse> {
    return this.handIns.mine(actor, id);
  }

  @Get('entries/:id')
  @ApiOperation({ summary: 'An entry: its author, the organisers, and the judges of the round' })
  @ApiOkResponse({ type: EntryResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EntryResponse> {
    return this.entries.get(actor, id);
  }

  @Get('entries/:id/file')
  @ApiOperation({ summary: "The entry's file, as an attachment" })
  @ApiFileResponse('The file as handed in (its own media type)', 'application/octet-stream')
  file(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return this.entries.file(actor, id);
  }

  @Patch('entries/:id')
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Record the presentation time (durationSeconds | overtimeMinutes) and breaches: they feed the penalties' })
  @ApiBody({
    schema: {
      properties: {
        durationSeconds: { type: 'integer', minimum: 0, maximum: 86400, nullable: true, description: 'How long the presentation ran; null clears it' },
        overtimeMinutes: {
          type: 'number',
          minimum: 0,
          maximum: 1440,
          nullable: true,
          description: "Minutes past the jury's overtime limit (instead of durationSeconds)",
        },
        breaches: { type: 'array', items: { type: 'string' }, description: "Codes of the jury's fixed penalties; the whole list (an empty list clears it)" },
      },
      example: { overtimeMinutes: 2, breaches: ['notes'] },
    },
  })
  @ApiOkResponse({ type: EntryResponse })
  patch(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<EntryResponse> {
    return this.entries.patch(actor, id, body);
  }
}
