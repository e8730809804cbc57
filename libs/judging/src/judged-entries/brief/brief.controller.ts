import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '@lc/identity';
import { HAND_IN_KINDS, type HandInKind, MAX_BRIEF } from './brief-input';
import { BriefService, BriefView } from './brief.service';

class BriefResponse implements BriefView {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null when none is set, or for entrants until the round opens (briefFrom)' }) brief!: string | null;
  @ApiProperty({ format: 'date-time' }) briefFrom!: string;
  @ApiProperty({ isArray: true, enum: HAND_IN_KINDS }) handInKinds!: HandInKind[];
  @ApiProperty({ description: 'The round has opened: the brief and kinds are fixed' }) locked!: boolean;
}

@ApiTags('judged rounds')
@ApiBearerAuth()
@Controller()
export class BriefController {
  constructor(private readonly briefs: BriefService) {}

  @Get('rounds/:id/brief')
  @ApiOperation({ summary: "A judged round's brief (entrants: once the round opens) and the kinds of hand-in it takes" })
  @ApiOkResponse({ type: BriefResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefView> {
    return this.briefs.get(actor, id);
  }

  @Put('rounds/:id/brief')
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Set the brief and the kinds of hand-in (text, link, file); 409 brief_locked once the round has opened' })
  @ApiBody({
    schema: {
      required: ['handInKinds'],
      properties: {
        brief: { type: 'string', nullable: true, maxLength: MAX_BRIEF },
        handInKinds: { type: 'array', items: { type: 'string', enum: [...HAND_IN_KINDS] }, minItems: 1 },
      },
      example: { brief: 'Trình bày bốn nguyên tắc bầu cử (không quá 1.000 từ).', handInKinds: ['text', 'file'] },
    },
  })
  @ApiOkResponse({ type: BriefResponse })
  put(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<BriefView> {
    return this.briefs.put(actor, id, body);
  }
}
