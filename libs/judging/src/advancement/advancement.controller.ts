import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { type Actor, CurrentActor, Roles } from '@lc/identity';
import { PagingQuery } from '@lc/platform';
import { AdvancementPreview, QuotaAdvancementRule, RoundAdvancementRule } from './advancement-preview';
import { AdvancementPreviewService } from './advancement-preview.service';
import { AdvanceResponse } from './advancement.responses';
import { AdvancementService } from './advancement.service';
import { QuotaAdvanceDto } from './quota';

class AdvanceDto {
  @ApiPropertyOptional({ isArray: true, type: String, description: "Entrants picked by the judges; omit to apply the round's rule" })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  userIds?: string[];
  @ApiPropertyOptional({ type: QuotaAdvanceDto, description: "Advance by quota per unit and/or group instead of the round's rule" })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuotaAdvanceDto)
  quota?: QuotaAdvanceDto;
}

/** The advance's body, except that a preview may pick nobody yet (to see the ranking to pick from). */
class AdvancePreviewDto {
  @ApiPropertyOptional({
    isArray: true,
    type: String,
    description: "Entrants picked by the judges (may be empty: the ranking to pick from); omit to apply the round's rule",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  userIds?: string[];
  @ApiPropertyOptional({ type: QuotaAdvanceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuotaAdvanceDto)
  quota?: QuotaAdvanceDto;
}

/** POST /rounds/:id/advance and its preview (under the attempts tag, where they have always been listed). */
@ApiTags('attempts')
@ApiBearerAuth()
@ApiExtraModels(RoundAdvancementRule, QuotaAdvancementRule)
@Controller()
export class AdvancementController {
  constructor(
    private readonly advancement: AdvancementService,
    private readonly advancementPreview: AdvancementPreviewService,
  ) {}

  @Post('rounds/:id/advance')
  @HttpCode(200)
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({ summary: "Enrol the round's top N / those above the threshold, or the picked userIds, in the next round" })
  @ApiOkResponse({ type: AdvanceResponse })
  advance(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) roundId: string, @Body() dto: AdvanceDto): Promise<AdvanceResponse> {
    return this.advancement.advance(actor, roundId, dto.userIds, dto.quota);
  }

  @Post('rounds/:id/advance/preview')
  @HttpCode(200)
  @Roles('organiser', 'judge', 'admin')
  @ApiOperation({
    summary: 'Who the same advance would enrol, with rank, score, unit and why; enrols nobody. ?limit&offset page the ranking shown to pick from',
  })
  @ApiOkResponse({ type: AdvancementPreview })
  preview(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) roundId: string,
    @Body() dto: AdvancePreviewDto,
    @Query() page: PagingQuery,
  ): Promise<AdvancementPreview> {
    return this.advancementPreview.preview(actor, roundId, dto.userIds, dto.quota, page);
  }
}
