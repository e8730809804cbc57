import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '@lc/identity';
import { JurySettingsService } from './jury-settings.service';
import { FixedPenalty, JuryInput, OvertimePenalty } from '../../common/rule-schemas';
import { JuryResponse } from '../entries.responses';

@ApiTags('judged rounds')
@ApiBearerAuth()
// The penalties' oneOf refers to these by name.
@ApiExtraModels(OvertimePenalty, FixedPenalty)
@Controller()
export class JuryController {
  constructor(private readonly jury: JurySettingsService) {}

  @Get('rounds/:id/jury')
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: "A judged round's rubric and jury rules" })
  @ApiOkResponse({ type: JuryResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<JuryResponse> {
    return this.jury.get(actor, id);
  }

  @Put('rounds/:id/jury')
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Set the rubric and jury rules; 409 once marks are in (except the head judge)' })
  // Documented by JuryInput, but taken as plain JSON: parseJuryInput names every problem (no ValidationPipe).
  @ApiBody({
    type: JuryInput,
    examples: {
      jury: {
        summary: 'A rubric of three criteria, trimmed mean, an overtime penalty',
        value: {
          rubric: [
            { key: 'content', label: 'Nội dung', maxPoints: 50 },
            { key: 'delivery', label: 'Kỹ năng trình bày', maxPoints: 30 },
            { key: 'form', label: 'Hình thức, thời gian', maxPoints: 20 },
          ],
          aggregate: 'trimmed-mean',
          trimmedMeanThreshold: 5,
          penalties: [{ kind: 'overtime', limitSeconds: 900, points: 1, per: 'started-minute', maxPoints: 10 }],
          reconciliationGap: 15,
          headJudgeUserId: '00000000-0000-0000-0000-000000000000',
          tieBreakCriteria: ['content'],
        },
      },
    },
  })
  @ApiOkResponse({ type: JuryResponse })
  put(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<JuryResponse> {
    return this.jury.put(actor, id, body);
  }
}
